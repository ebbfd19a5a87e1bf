import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { createNodeListener } from '@civitas/status-list/node'
import { createLoopbackCertificate } from './createLoopbackCertificate.js'

/** Options of {@link startLoopbackServer}. */
export interface LoopbackServerOptions {
  /**
   * Serve HTTPS under this host name, with a self-signed certificate for that name made at start
   * (its PEM comes back as `ca`, for the clients that should trust it). Default: plain HTTP on
   * `127.0.0.1`.
   */
  httpsHost?: string
}

/** A server listening on 127.0.0.1 at a port the system picks. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, or `https://<httpsHost>:<port>`. */
  origin: string
  port: number
  /** The certificate to trust, for an HTTPS server. */
  ca?: string
  close(): Promise<void>
}

/** A loopback HTTP (or HTTPS) server for a web-standard handler; `close` stops it. */
export async function startLoopbackServer(
  handler: (request: Request) => Promise<Response>,
  options: LoopbackServerOptions = {},
): Promise<LoopbackServer> {
  const { httpsHost } = options
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const origin = httpsHost === undefined ? `http://127.0.0.1:${port}` : `https://${httpsHost}:${port}`
  listener = createNodeListener(handler, { origin })
  return {
    origin,
    port,
    ...(ca === undefined ? {} : { ca }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
