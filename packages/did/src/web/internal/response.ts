import { CivitasError } from '@civitas/core'
import type { DidWebLookup } from '../types.js'

/** The resolver's options, checked and with their defaults. */
export interface FetchSettings {
  readonly timeoutMs: number
  readonly maxBodyBytes: number
  readonly maxRedirects: number
  readonly allowHttp: boolean
  readonly allowHosts: ReadonlySet<string>
  readonly allowPrivateAddresses: boolean
  readonly lookup: DidWebLookup | undefined
  readonly ca: string | Uint8Array | readonly (string | Uint8Array)[] | undefined
}

/** What a fetcher hands back: the document's text and how long it may be cached. */
export interface FetchedDocument {
  readonly body: string
  readonly maxAgeMs: number | undefined
}

/** The fetcher every platform implements (`#did-web-fetch`). */
export type FetchDidWebDocument = (
  url: URL,
  settings: FetchSettings,
  hostAllowed: boolean,
) => Promise<FetchedDocument>

/** The media types a DID document may be served as (DID Core §6.2, §6.3; plain JSON). */
const MEDIA_TYPES = new Set(['application/did+json', 'application/did+ld+json', 'application/json'])

/** The `Accept` header of every did:web request. */
export const ACCEPT = 'application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8'

/** Fails a response whose status is not 200: 404 and 410 mean the DID has no document. */
export function checkStatus(status: number): void {
  if (status === 200) return
  if (status === 404 || status === 410) {
    throw new CivitasError('ERR_DID_NOT_FOUND', `did:web: the host answered ${status}`, {
      details: { error: 'notFound', status },
    })
  }
  throw new CivitasError('ERR_FETCH_FAILED', `did:web: the host answered ${status}`, { details: { status } })
}

/** Fails a response that is not JSON or is content-encoded (Civitas never asks for compression). */
export function checkHeaders(contentType: string | null | undefined, contentEncoding?: string | null): void {
  const mediaType = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
  if (!MEDIA_TYPES.has(mediaType)) {
    throw new CivitasError(
      'ERR_DID_DOCUMENT_INVALID',
      `did:web: expected a JSON DID document, got content type ${JSON.stringify(mediaType.slice(0, 64))}`,
      { details: { error: 'representationNotSupported' } },
    )
  }
  if (contentEncoding != null && contentEncoding.trim().toLowerCase() !== 'identity') {
    throw new CivitasError('ERR_FETCH_FAILED', 'did:web: the host sent a content-encoded body')
  }
}

/** Fails as soon as a body exceeds the cap, by its `Content-Length` or by what was read. */
export function checkLength(length: number, settings: FetchSettings): void {
  if (length > settings.maxBodyBytes) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `did:web: the document exceeds the limit of ${settings.maxBodyBytes} bytes`,
      { details: { limit: settings.maxBodyBytes } },
    )
  }
}

/** How long a response may be cached, from `Cache-Control` and `Age` (RFC 9111 §5.2, §4.2.3). */
export function maxAgeMsOf(cacheControl: string | null | undefined, age?: string | null): number | undefined {
  if (cacheControl == null) return undefined
  const directives = cacheControl.toLowerCase().split(',')
  let maxAge: number | undefined
  for (const directive of directives) {
    const [name = '', value] = directive.trim().split('=', 2)
    if (name === 'no-store' || name === 'no-cache') return 0
    if (name === 'max-age') {
      const seconds = /^"?(\d{1,10})"?$/.exec(value?.trim() ?? '')?.[1]
      if (seconds === undefined) return 0 // RFC 9111 §4.2.1: an invalid max-age means stale
      maxAge = Number(seconds)
    }
  }
  if (maxAge === undefined) return undefined
  const ageSeconds = /^\d{1,10}$/.test(age?.trim() ?? '') ? Number(age) : 0
  return Math.max(0, maxAge - ageSeconds) * 1000
}

/**
 * The next URL of a redirect, refused when it leaves the origin or exceeds the hop limit: a
 * did:web document is what its own host serves, nobody else.
 */
export function redirectTarget(
  current: URL,
  location: string | null | undefined,
  hops: number,
  max: number,
): URL {
  let target: URL | undefined
  try {
    target = location == null ? undefined : new URL(location, current)
  } catch {
    target = undefined
  }
  if (target === undefined)
    throw new CivitasError('ERR_FETCH_FAILED', 'did:web: a redirect without a valid Location')
  if (target.origin !== current.origin) {
    throw new CivitasError('ERR_FETCH_FAILED', 'did:web: the host redirected to another origin', {
      details: { reason: 'crossOriginRedirect' },
    })
  }
  if (hops >= max) {
    throw new CivitasError('ERR_FETCH_FAILED', `did:web: more than ${max} redirects`, {
      details: { reason: 'tooManyRedirects' },
    })
  }
  return target
}

/** Whether a status is a redirect that carries a Location. */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/** The error for a resolution that ran out of time. */
export function timedOut(settings: FetchSettings): CivitasError {
  return new CivitasError('ERR_FETCH_FAILED', `did:web: no document within ${settings.timeoutMs} ms`, {
    details: { reason: 'timeout' },
  })
}
