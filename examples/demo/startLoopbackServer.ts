import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeListener } from '@civitas/status-list/node'

/** A loopback HTTP server for a web-standard handler; `close` stops it. */
export async function startLoopbackServer(handler: (request: Request) => Promise<Response>) {
  let listener: ReturnType<typeof createNodeListener> | undefined
  const server = createServer((request, response) => listener?.(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  listener = createNodeListener(handler, { origin })
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
