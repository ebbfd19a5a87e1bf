import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CivitasError } from '@civitas/core'
import { createNodeListener } from '@civitas/status-list/node'

/** Where {@link startLoopbackServer} listens. */
export interface StartLoopbackServerOptions {
  /** The address to bind (default `127.0.0.1`). */
  host?: string
  /** The port (default 0: any free port). */
  port?: number
}

/** A running server: its origin (`http://127.0.0.1:port`) and how to stop it. */
export interface StartLoopbackServerResult {
  readonly origin: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Runs a web-standard `(Request) => Promise<Response>` handler on a plain-HTTP server bound to a
 * loopback address by default, for demos, tests and local development; a public service runs behind
 * HTTPS instead.
 *
 * @throws `ERR_INVALID_ARGUMENT` when the address is taken or cannot be bound.
 * @example
 * ```ts
 * import { startLoopbackServer } from '@civitas/cli/demo'
 *
 * const server = await startLoopbackServer(async () => new Response('hello'))
 * console.log(await (await fetch(server.origin)).text()) // hello
 * await server.close()
 * ```
 */
export async function startLoopbackServer(
  handler: (request: Request) => Promise<Response>,
  options: StartLoopbackServerOptions = {},
): Promise<StartLoopbackServerResult> {
  const { host = '127.0.0.1', port = 0 } = options
  let listener: ReturnType<typeof createNodeListener> | undefined
  const server = createServer((request, response) => listener?.(request, response))
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new CivitasError('ERR_INVALID_ARGUMENT', `cannot listen on ${host}:${port}`, { cause })),
    )
    server.listen(port, host, resolve)
  })
  const bound = (server.address() as AddressInfo).port
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`
  listener = createNodeListener(handler, { origin })
  return {
    origin,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
