import { CivitasError, encodeBase64url, encodeUtf8, type JsonObject } from '@civitas/core'

/** A served list: a signed token (with its media type) or a credential as JSON. */
export type StatusListDocument = (
  | { token: string; format?: 'vc+jwt' | 'jwt_vc_json' | 'statuslist+jwt' }
  | { credential: JsonObject }
) & {
  /** Time of the list's last change (milliseconds since the epoch or a Date), sent as `Last-Modified`. */
  updatedAt: number | Date
  /** Overrides the handler's cache lifetime for this list, in milliseconds. */
  ttlMs?: number
}

/** Options of {@link createStatusListHandler}. */
export interface CreateStatusListHandlerOptions {
  /** Returns the list with that id, or `undefined` when there is none (served as 404). */
  getList(id: string, request: Request): Promise<StatusListDocument | undefined>
  /** Extracts the list id from the URL; default: the last non-empty path segment, percent-decoded. */
  listIdFromUrl?: (url: URL) => string | undefined
  /** Cache lifetime in milliseconds, sent as `Cache-Control: max-age`; default 300,000 (5 minutes). */
  ttlMs?: number
}

/** The web-standard handler {@link createStatusListHandler} returns. */
export type CreateStatusListHandlerResult = (request: Request) => Promise<Response>

const MEDIA_TYPES = {
  'vc+jwt': 'application/vc+jwt',
  jwt_vc_json: 'application/jwt',
  'statuslist+jwt': 'application/statuslist+jwt',
} as const

function defaultListId(url: URL): string | undefined {
  const segment = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .pop()
  if (segment === undefined) return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function matches(ifNoneMatch: string, etag: string): boolean {
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === etag)
}

/**
 * Creates a `(Request) => Promise<Response>` handler that serves status list credentials with a strong `ETag`
 * (SHA-256 of the body), `If-None-Match` → 304, `Cache-Control: max-age` and `Last-Modified`. It runs in Node's
 * http server (see `@civitas/core/node`), Hono, Deno, Bun, workers, or any fetch-style framework.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 * @throws ERR_INVALID_ARGUMENT when `getList` is not a function or `ttlMs` is negative
 * @example
 * ```ts
 * import { createStatusListHandler } from '@civitas/status-list'
 *
 * const handler = createStatusListHandler({
 *   getList: async (id) => (id === '3' ? { token: 'eyJ...', format: 'vc+jwt', updatedAt: Date.now() } : undefined),
 *   ttlMs: 60_000,
 * })
 * const response = await handler(new Request('https://issuer.example/status/3'))
 * console.log(response.status, response.headers.get('etag'))
 * ```
 */
export function createStatusListHandler(
  options: CreateStatusListHandlerOptions,
): CreateStatusListHandlerResult {
  if (typeof options?.getList !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'getList: expected a function')
  }
  const defaultTtl = options.ttlMs ?? 300_000
  if (!Number.isFinite(defaultTtl) || defaultTtl < 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'ttlMs: expected a non-negative number of milliseconds')
  }
  const listIdFromUrl = options.listIdFromUrl ?? defaultListId
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } })
    }
    const id = listIdFromUrl(new URL(request.url))
    let document: StatusListDocument | undefined
    try {
      document = id === undefined ? undefined : await options.getList(id, request)
    } catch {
      return new Response(null, { status: 503, headers: { 'cache-control': 'no-store' } })
    }
    if (document === undefined) {
      return new Response('status list not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      })
    }
    const body = 'token' in document ? document.token : JSON.stringify(document.credential)
    const contentType =
      'token' in document
        ? (MEDIA_TYPES[document.format ?? 'vc+jwt'] ?? 'application/jwt')
        : 'application/vc; charset=utf-8'
    const bytes = new Uint8Array(encodeUtf8(body))
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
    const etag = `"${encodeBase64url(digest)}"`
    const ttl = Math.max(0, document.ttlMs ?? defaultTtl)
    const headers: Record<string, string> = {
      etag,
      'cache-control': `public, max-age=${Math.floor(ttl / 1000)}`,
      'last-modified': new Date(document.updatedAt).toUTCString(),
    }
    const ifNoneMatch = request.headers.get('if-none-match')
    if (ifNoneMatch !== null && matches(ifNoneMatch, etag)) {
      return new Response(null, { status: 304, headers })
    }
    headers['content-type'] = contentType
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers })
  }
}
