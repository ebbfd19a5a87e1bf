import { createServer, type Server, Socket } from 'node:net'

/** A loopback TCP proxy in front of a real service, able to simulate its outages for one test. */
export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number
  /** Closes every open connection (the server dropping its clients); new connections still pass. */
  drop(): void
  /** The service goes away: open connections are closed and new ones are reset as soon as they arrive. */
  down(): void
  /** Connections stay open but no byte passes either way (a hung service), until `up()`. */
  pause(): void
  /** Back to normal: new connections pass, and paused ones flow again. */
  up(): void
  /** How many connections are open through the proxy. */
  connections(): number
  close(): Promise<void>
}

/** Starts a {@link TcpProxy} on 127.0.0.1 in front of `target` (also a loopback address). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let state: 'up' | 'down' | 'paused' = 'up'
  const pairs = new Set<[Socket, Socket]>()
  const server: Server = createServer((client) => {
    client.on('error', () => undefined)
    if (state === 'down') {
      client.resetAndDestroy()
      return
    }
    const upstream = new Socket()
    upstream.on('error', () => undefined)
    upstream.connect(target.port, target.host)
    const pair: [Socket, Socket] = [client, upstream]
    pairs.add(pair)
    const end = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end)
    upstream.on('close', end)
    client.pipe(upstream)
    upstream.pipe(client)
    if (state === 'paused') for (const socket of pair) socket.pause()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port')
  const dropAll = () => {
    for (const [client, upstream] of pairs) {
      client.destroy()
      upstream.destroy()
    }
    pairs.clear()
  }
  return {
    port: address.port,
    drop: dropAll,
    down() {
      state = 'down'
      dropAll()
    },
    pause() {
      state = 'paused'
      for (const pair of pairs) for (const socket of pair) socket.pause()
    },
    up() {
      state = 'up'
      for (const pair of pairs) for (const socket of pair) socket.resume()
    },
    connections: () => pairs.size,
    async close() {
      dropAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
