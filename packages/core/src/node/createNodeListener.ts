import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { CivitasError } from '../errors.js'

/** Options of {@link createNodeListener}. */
export interface CreateNodeListenerOptions {
  /** Origin used to build the request URL (the Host header is not trusted); default `http://localhost`. */
  origin?: string
}

/** A `node:http` request listener. */
export type CreateNodeListenerResult = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Adapts a web-standard `(Request) => Promise<Response>` handler (a status list, did:web, issuer or
 * sign-in handler) to Node's `http.createServer`. Request bodies are streamed to the handler, which
 * decides how much of one it reads; a handler that rejects answers 500.
 *
 * @throws ERR_INVALID_ARGUMENT when `handler` is not a function
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createStatusListHandler } from '@civitas/status-list'
 * import { createNodeListener } from '@civitas/core/node'
 *
 * const handler = createStatusListHandler({ getList: async () => undefined })
 * createServer(createNodeListener(handler)).listen(8080, '127.0.0.1')
 * ```
 */
export function createNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: CreateNodeListenerOptions = {},
): CreateNodeListenerResult {
  if (typeof handler !== 'function')
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'handler: expected a function')
  const origin = options.origin ?? 'http://localhost'
  return (req, res) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    }
    const method = req.method ?? 'GET'
    // Bodies are streamed, not buffered: the handler decides how much of one it reads.
    const body =
      method === 'GET' || method === 'HEAD' ? null : (Readable.toWeb(req) as ReadableStream<Uint8Array>)
    const request = new Request(new URL(req.url ?? '/', origin), {
      method,
      headers,
      body,
      ...(body === null ? {} : { duplex: 'half' }),
    } as RequestInit)
    handler(request)
      .then(async (response) => {
        res.statusCode = response.status
        response.headers.forEach((value, name) => {
          res.setHeader(name, value)
        })
        res.end(response.body === null ? undefined : new Uint8Array(await response.arrayBuffer()))
      })
      .catch(() => {
        res.statusCode = 500
        res.end()
      })
  }
}
