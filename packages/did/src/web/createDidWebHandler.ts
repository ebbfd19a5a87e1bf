import { CivitasError, type DidDocument, encodeBase64url, encodeUtf8 } from '@civitas/core'
import { didWebDocumentUrl } from './didWebDocumentUrl.js'
import { parseDidWebDocument } from './internal/parseDidWebDocument.js'

/** Options for {@link createDidWebHandler}. */
export interface CreateDidWebHandlerOptions {
  /** How long verifiers may cache the document, in milliseconds (`Cache-Control: max-age`); default 300,000. */
  ttlMs?: number
}

/** The web-standard handler {@link createDidWebHandler} returns. */
export type CreateDidWebHandlerResult = (request: Request) => Promise<Response>

/** Where the document comes from: the document itself, or a function returning the current one. */
export type DidWebDocumentSource = DidDocument | (() => DidDocument | Promise<DidDocument>)

interface Served {
  readonly body: Uint8Array<ArrayBuffer>
  readonly etag: string
  readonly path: string
}

/**
 * Creates a `(Request) => Promise<Response>` handler that publishes a did:web document where the
 * did:web spec says resolvers look: `/.well-known/did.json` for a bare-host DID, `<path>/did.json`
 * for a path DID (any other path is 404). It answers GET and HEAD with
 * `Content-Type: application/did+json`, a strong `ETag` (SHA-256 of the body, `If-None-Match` gives
 * 304), `Cache-Control: public, max-age` and `Access-Control-Allow-Origin: *` (browser wallets
 * resolve too). A function source is called on every request, so a rotated key is served at once;
 * verifiers see it when their cached copy expires. Documents Civitas's own resolver would refuse
 * (an `id` that is not a valid did:web, malformed methods) are never served: a static one is
 * refused here, a function's gives 500, and a function that throws gives 503.
 *
 * @throws `ERR_DID_INVALID`, `ERR_DID_DOCUMENT_INVALID` for a static document that is not a valid
 *   did:web document; `ERR_INVALID_ARGUMENT` for a negative `ttlMs` or a source of the wrong type.
 * @see https://w3c-ccg.github.io/did-method-web/#create-register
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidWebDocument, createDidWebHandler } from '@civitas/did/web'
 *
 * const key = await createMemoryKeyStore().createKey({ alg: 'EdDSA' })
 * const document = createDidWebDocument({ did: 'did:web:city.example', keys: [key] })
 * const handler = createDidWebHandler(document, { ttlMs: 3_600_000 })
 * const response = await handler(new Request('https://city.example/.well-known/did.json'))
 * console.log(response.headers.get('content-type')) // application/did+json
 * ```
 */
export function createDidWebHandler(
  source: DidWebDocumentSource,
  options: CreateDidWebHandlerOptions = {},
): CreateDidWebHandlerResult {
  const ttlMs = options.ttlMs ?? 300_000
  if (!Number.isFinite(ttlMs) || ttlMs < 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'ttlMs: expected a non-negative number of milliseconds')
  }
  if (typeof source !== 'function' && (typeof source !== 'object' || source === null)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'source: expected a DID document or a function')
  }
  const fixed = typeof source === 'function' ? undefined : served(source)
  const cacheControl = `public, max-age=${Math.floor(ttlMs / 1000)}`
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } })
    }
    const document =
      fixed === undefined ? await current(source as () => DidDocument | Promise<DidDocument>) : await fixed
    if (document instanceof Response) return document
    if (new URL(request.url).pathname !== document.path) {
      return new Response('not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      })
    }
    const headers: Record<string, string> = {
      etag: document.etag,
      'cache-control': cacheControl,
      'access-control-allow-origin': '*',
    }
    if (matches(request.headers.get('if-none-match'), document.etag)) {
      return new Response(null, { status: 304, headers })
    }
    headers['content-type'] = 'application/did+json'
    return new Response(request.method === 'HEAD' ? null : document.body, { status: 200, headers })
  }
}

/** The current document of a function source, or the error response when it cannot be served. */
async function current(source: () => DidDocument | Promise<DidDocument>): Promise<Served | Response> {
  let document: DidDocument
  try {
    document = await source()
  } catch {
    return new Response(null, { status: 503, headers: { 'cache-control': 'no-store' } })
  }
  try {
    return await served(document)
  } catch {
    return new Response(null, { status: 500, headers: { 'cache-control': 'no-store' } })
  }
}

/** The body, ETag and path of a document, refused when Civitas's resolver would refuse it. */
function served(document: DidDocument): Promise<Served> {
  const text = JSON.stringify(document)
  const path = didWebDocumentUrl(document?.id).pathname
  parseDidWebDocument(text, document.id)
  const body = new Uint8Array(encodeUtf8(text))
  return crypto.subtle
    .digest('SHA-256', body)
    .then((digest) => ({ body, path, etag: `"${encodeBase64url(new Uint8Array(digest))}"` }))
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })
}
