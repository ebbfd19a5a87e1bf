import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { CivitasError } from '@civitas/core'
import { createNodeListener } from '@civitas/core/node'
import { createLoopbackCertificate } from './createLoopbackCertificate.js'

/** Where and how {@link startLoopbackServer} listens. */
export interface StartLoopbackServerOptions {
  /** The address to bind (default `127.0.0.1`). */
  host?: string
  /** The port (default 0: any free port). */
  port?: number
  /**
   * Serve HTTPS under this host name, with a self-signed certificate for that name made at start
   * (its PEM comes back as `ca`, for the clients that should trust it). Default: plain HTTP.
   */
  httpsHost?: string
}

/** A running server: its origin, its port, the certificate to trust (HTTPS only) and how to stop it. */
export interface StartLoopbackServerResult {
  /** `http://<host>:<port>`, or `https://<httpsHost>:<port>`. */
  readonly origin: string
  readonly port: number
  /** The self-signed certificate (PEM) to trust, for an HTTPS server. */
  readonly ca?: string
  /** Stops listening and drops open connections. */
  close(): Promise<void>
}

/**
 * Runs a web-standard `(Request) => Promise<Response>` handler on a server bound to a loopback
 * address by default, for demos, tests and local development: plain HTTP, or HTTPS under
 * `httpsHost` with a certificate made at start; a public service runs behind a publicly trusted
 * certificate instead.
 *
 * @see {@link startDidWebIssuer}, which serves an institution's did:web document this way.
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
  const { host = '127.0.0.1', port = 0, httpsHost } = options
  let listener: ReturnType<typeof createNodeListener> | undefined
  const listen = (request: IncomingMessage, response: ServerResponse) => listener?.(request, response)
  let server: Server
  let ca: string | undefined
  if (httpsHost === undefined) server = createHttpServer(listen)
  else {
    const certificate = await createLoopbackCertificate([httpsHost])
    ca = certificate.cert
    server = createHttpsServer(certificate, listen)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new CivitasError('ERR_INVALID_ARGUMENT', `cannot listen on ${host}:${port}`, { cause })),
    )
    server.listen(port, host, resolve)
  })
  const bound = (server.address() as AddressInfo).port
  const origin =
    httpsHost === undefined
      ? `http://${host.includes(':') ? `[${host}]` : host}:${bound}`
      : `https://${httpsHost}:${bound}`
  listener = createNodeListener(handler, { origin })
  return {
    origin,
    port: bound,
    ...(ca === undefined ? {} : { ca }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
