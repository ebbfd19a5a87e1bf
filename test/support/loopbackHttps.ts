import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { createLoopbackCertificate } from '@civitas/cli/demo'
import { afterEach } from 'vitest'

/** A server listening on 127.0.0.1 at an ephemeral port. */
export interface LoopbackServer {
  /** The port it listens on. */
  readonly port: number
  /** The PEM certificate to trust (HTTPS only). */
  readonly ca: string
  /** How many requests it has received. */
  readonly requests: number
  /** Stops listening and drops open connections. */
  close(): Promise<void>
}

/** Host names the test certificate is valid for. */
export const TEST_HOSTS = ['issuer.civitas.test', 'other.civitas.test', 'localhost'] as const

let certificate: Promise<{ cert: string; key: string }> | undefined

/** A self-signed P-256 certificate for {@link TEST_HOSTS}, made once per test file. */
export function testCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= createLoopbackCertificate(TEST_HOSTS)
  return certificate
}

/** Starts an HTTPS (default) or plain HTTP server on 127.0.0.1, port 0. */
export async function startLoopbackServer(
  listener: RequestListener,
  options: { https?: boolean } = {},
): Promise<LoopbackServer> {
  const { cert, key } = await testCertificate()
  let requests = 0
  const counted: RequestListener = (request, response) => {
    requests++
    listener(request, response)
  }
  const server: Server =
    options.https === false ? createHttpServer(counted) : createHttpsServer({ cert, key }, counted)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    ca: cert,
    get requests() {
      return requests
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Starts loopback servers (as {@link startLoopbackServer} does) that are all closed after each test.
 * Call it once at the top level of a test file and start servers with the function it returns.
 */
export function useLoopbackServers(): typeof startLoopbackServer {
  const servers: LoopbackServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })
  return async (listener, options) => {
    const server = await startLoopbackServer(listener, options)
    servers.push(server)
    return server
  }
}

/** A listener that hands each request to the route for its exact path (`request.url`), and answers 404 elsewhere. */
export function routeListener(routes: Record<string, RequestListener>): RequestListener {
  return (request, response) => {
    const route = routes[request.url ?? '']
    if (route === undefined) {
      response.statusCode = 404
      response.end()
    } else route(request, response)
  }
}

/** Serves a web-standard `(Request) => Promise<Response>` handler from a Node server. */
export function nodeListener(handler: (request: Request) => Promise<Response>): RequestListener {
  return (req, res) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
    }
    const request = new Request(new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`), {
      method: req.method ?? 'GET',
      headers,
    })
    void handler(request).then(async (response) => {
      res.statusCode = response.status
      response.headers.forEach((value, name) => {
        res.setHeader(name, value)
      })
      res.end(response.body === null ? undefined : Buffer.from(await response.arrayBuffer()))
    })
  }
}

/** A `lookup` for the did:web resolver that answers every name with `address`. */
export function lookupTo(address: string) {
  return async (_hostname: string) => [{ address, family: address.includes(':') ? 6 : 4 }]
}
