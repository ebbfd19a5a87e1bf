import { CivitasError } from '@civitas/core'

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
