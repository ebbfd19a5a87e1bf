import { CivitasError, isCivitasError, readResponseText } from '@civitas/core'

/** What one request for a status list returned. */
export type FetchedList =
  | { changed: true; token: string; etag?: string; maxAgeMs?: number }
  | { changed: false; maxAgeMs?: number }

/** How {@link fetchListToken} fetches. */
export interface ListFetchOptions {
  fetch: (url: string, init: RequestInit) => Promise<Response>
  /** `'follow'` for the guarded fetch (same-origin only), `'error'` for a caller's own fetch. */
  redirect: 'follow' | 'error'
  allowHttp: boolean
  timeoutMs: number
  maxBytes: number
  /** The `Accept` header: the list format's media types. */
  accept: string
}

/** What the guard reports for a list that is merely out of reach; every other refusal is policy. */
const OUTAGES: ReadonlySet<unknown> = new Set(['timeout', 'network'])

/**
 * Fetches a status list credential or status list token: https only unless `allowHttp`, redirects as the fetch
 * allows them, a timeout, a body cap enforced while reading, and `If-None-Match` when an `etag` is
 * known. A failure of the fetch itself (the guard refusing the address, say) is kept as `cause`
 * and its code as `details.reason`.
 *
 * Only a genuine outage is `ERR_STATUS_LIST_UNAVAILABLE`, the one failure a checker may accept by
 * policy: a network error, a timeout, an HTTP 5xx. What the guard refuses (an address, a redirect,
 * a size) and any other answer (a 4xx, an unasked 304) say nothing will be there to check, so they
 * are `ERR_STATUS_LIST_INVALID` and fail closed.
 *
 * @throws `ERR_STATUS_LIST_UNAVAILABLE` when the list is out of reach; `ERR_STATUS_LIST_INVALID`
 *   for a URL, a refusal or an answer that cannot give a status list.
 */
export async function fetchListToken(
  url: string,
  etag: string | undefined,
  options: ListFetchOptions,
): Promise<FetchedList> {
  checkUrl(url, options.allowHttp)
  let response: Response
  try {
    response = await options.fetch(url, {
      redirect: options.redirect,
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        accept: options.accept,
        ...(etag === undefined ? {} : { 'if-none-match': etag }),
      },
    })
  } catch (cause) {
    // A caller's own fetch fails with platform errors: those are outages; a CivitasError says why.
    if (isCivitasError(cause) && !(cause.code === 'ERR_FETCH_FAILED' && OUTAGES.has(cause.details.reason))) {
      throw invalid(url, `refused (${cause.message})`, cause)
    }
    throw unavailable(url, `could not be fetched${isCivitasError(cause) ? ` (${cause.message})` : ''}`, cause)
  }
  const maxAgeMs = readMaxAge(response.headers.get('cache-control'))
  const lifetime = maxAgeMs === undefined ? {} : { maxAgeMs }
  if (response.status === 304 && etag !== undefined) return { changed: false, ...lifetime }
  if (response.status >= 500) throw unavailable(url, `answered HTTP ${response.status}`)
  if (!response.ok) throw invalid(url, `answered HTTP ${response.status}`)
  const token = (await readCapped(response, url, options.maxBytes)).trim()
  const newEtag = response.headers.get('etag')
  return { changed: true, token, ...lifetime, ...(newEtag === null ? {} : { etag: newEtag }) }
}

function checkUrl(url: string, allowHttp: boolean): void {
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    throw invalid(url, 'statusListCredential is not a URL')
  }
  if (protocol === 'https:' || (allowHttp && protocol === 'http:')) return
  throw invalid(
    url,
    `statusListCredential must be an https URL${protocol === 'http:' ? ' (plain http only with allowHttp)' : ''}`,
  )
}

/** `max-age` of a Cache-Control header in milliseconds; `no-store` and `no-cache` mean 0. */
function readMaxAge(header: string | null): number | undefined {
  if (header === null) return undefined
  const directives = header
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
  if (directives.includes('no-store') || directives.includes('no-cache')) return 0
  const maxAge = directives.find((part) => part.startsWith('max-age='))?.slice(8)
  return maxAge !== undefined && /^\d{1,9}$/.test(maxAge) ? Number(maxAge) * 1000 : undefined
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  try {
    return await readResponseText(response, { maxBytes, name: 'status list' })
  } catch (cause) {
    if (isCivitasError(cause) && cause.code === 'ERR_FETCH_FAILED')
      throw unavailable(url, 'broke off while sending', cause)
    throw invalid(url, isCivitasError(cause) ? cause.message : 'unreadable body', cause)
  }
}

function unavailable(url: string, what: string, cause?: unknown): CivitasError {
  return new CivitasError('ERR_STATUS_LIST_UNAVAILABLE', `status list ${url.slice(0, 200)} ${what}`, {
    details: {
      statusListCredential: url.slice(0, 500),
      ...(isCivitasError(cause) ? { reason: cause.code, ...reasonOf(cause) } : {}),
    },
    ...(cause === undefined ? {} : { cause }),
  })
}

/** The guard's own reason (`address`, `crossOriginRedirect`, `timeout`, …), when it gives one. */
function reasonOf(cause: CivitasError): { guard?: string } {
  const reason = cause.details.reason
  return typeof reason === 'string' ? { guard: reason } : {}
}

function invalid(url: string, what: string, cause?: unknown): CivitasError {
  return new CivitasError('ERR_STATUS_LIST_INVALID', `status list ${url.slice(0, 200)}: ${what}`, {
    details: {
      statusListCredential: url.slice(0, 500),
      ...(isCivitasError(cause) ? { reason: cause.code, ...reasonOf(cause) } : {}),
    },
    ...(cause === undefined ? {} : { cause }),
  })
}
