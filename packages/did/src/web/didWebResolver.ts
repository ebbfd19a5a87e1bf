import { CivitasError, type CivitasErrorCode, decodeUtf8, isCivitasError } from '@civitas/core'
import type { DIDResolutionResult, DIDResolver, ResolverRegistry } from 'did-resolver'
import { createGuardedFetch } from './createGuardedFetch.js'
import { didWebDocumentUrl } from './didWebDocumentUrl.js'
import { parseDidWebDocument } from './internal/parseDidWebDocument.js'
import { ACCEPT, checkHeaders, checkStatus, maxAgeMsOf } from './internal/response.js'
import type { DidWebResolverOptions } from './types.js'

/** The DID Resolution error name of each Civitas code a did:web resolution can fail with. */
const ERROR_OF_CODE: Partial<Record<CivitasErrorCode, string>> = {
  ERR_DID_INVALID: 'invalidDid',
  ERR_DID_NOT_FOUND: 'notFound',
  ERR_DID_DOCUMENT_INVALID: 'invalidDidDocument',
  ERR_JSON_INVALID: 'invalidDidDocument',
  ERR_JSON_DUPLICATE_KEY: 'invalidDidDocument',
  ERR_JSON_FORBIDDEN_KEY: 'invalidDidDocument',
  ERR_JSON_TOO_DEEP: 'invalidDidDocument',
  ERR_UTF8_INVALID: 'invalidDidDocument',
}

/**
 * The did:web method for `createResolver` or any did-resolver `Resolver`: fetches
 * `https://<host>/.well-known/did.json` (or `<path>/did.json`) and returns the document when its
 * `id` is the DID.
 *
 * Civitas treats the DID as hostile, since anyone can hand a verifier a DID that names any host,
 * and fetches through `createGuardedFetch`: HTTPS only (`allowHttp` for development); `localhost`, dotless names and IP addresses refused;
 * the host's name resolved first and refused unless every address is public unicast (no loopback,
 * private, CGNAT, link-local and cloud metadata, multicast, unspecified, ULA, or IPv4-mapped /
 * NAT64 / 6to4 forms of those), then the connection made to that checked address so a second DNS
 * answer cannot retarget it; `allowPrivateAddresses` opens private networks, `allowLoopback`
 * loopback, and only `allowHosts` reaches anything else (link-local and metadata addresses included).
 * Redirects only within the origin (`maxRedirects`, default 2); a 5 s deadline over the whole
 * resolution; a 100 KiB body cap enforced while reading; a JSON media type
 * (`application/did+json`, `application/did+ld+json`, `application/json`); strict JSON parsing;
 * a structural check of the document. `Cache-Control: max-age` (less `Age`) comes back as
 * `didResolutionMetadata.maxAgeMs`, which `createResolutionCache` honours under its own TTL.
 *
 * Failures are DID Resolution data, never exceptions: `didResolutionMetadata.error` is
 * `invalidDid`, `notFound`, `invalidDidDocument`, `representationNotSupported` or
 * `internalError` (network, timeout, size, refused address), with `message` and the Civitas
 * `code` (`ERR_ADDRESS_FORBIDDEN`, `ERR_FETCH_FAILED`, `ERR_INPUT_TOO_LARGE`, …).
 *
 * In Node the request goes through `node:https`; elsewhere through `fetch`, where the browser's
 * own network rules replace the address checks and `lookup` and `ca` do not apply (see
 * `createGuardedFetch`).
 *
 * @throws `ERR_INVALID_ARGUMENT` for options out of range (when called, not when resolving).
 * @see https://w3c-ccg.github.io/did-method-web/#read-resolve
 * @example
 * ```ts
 * import { createResolver, resolveDidDocument } from '@civitas/did'
 * import { didWebResolver } from '@civitas/did/web'
 *
 * const resolver = createResolver({ resolvers: [didWebResolver({ timeoutMs: 3000 })] })
 * const document = await resolveDidDocument(resolver, 'did:web:city.example')
 * ```
 */
export function didWebResolver(options: DidWebResolverOptions = {}): ResolverRegistry {
  const { maxBodyBytes = 102_400, ...guard } = options
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1 || maxBodyBytes > 16_777_216) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `maxBodyBytes: expected an integer from 1 to 16777216, got ${String(maxBodyBytes).slice(0, 32)}`,
    )
  }
  const guardedFetch = createGuardedFetch({ ...guard, maxBytes: maxBodyBytes })
  const web: DIDResolver = async (_did, parsed) => {
    try {
      const url = didWebDocumentUrl(parsed.did)
      if (options.allowHttp === true) url.protocol = 'http:'
      const response = await guardedFetch(url, { headers: { accept: ACCEPT } })
      checkStatus(response.status)
      checkHeaders(response.headers.get('content-type'), response.headers.get('content-encoding'))
      const body = decodeUtf8(new Uint8Array(await response.arrayBuffer()), { name: 'did:web document' })
      const didDocument = parseDidWebDocument(body, parsed.did)
      const maxAgeMs = maxAgeMsOf(response.headers.get('cache-control'), response.headers.get('age'))
      return {
        didResolutionMetadata: {
          contentType: 'application/did+json',
          ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
        },
        didDocument: didDocument as unknown as DIDResolutionResult['didDocument'],
        didDocumentMetadata: {},
      }
    } catch (error) {
      return failure(error)
    }
  }
  return { web }
}

function failure(error: unknown): DIDResolutionResult {
  const code: CivitasErrorCode = isCivitasError(error) ? error.code : 'ERR_DID_RESOLUTION_FAILED'
  const named = isCivitasError(error) ? error.details.error : undefined
  return {
    didResolutionMetadata: {
      error: typeof named === 'string' ? named : (ERROR_OF_CODE[code] ?? 'internalError'),
      message: error instanceof Error ? error.message : 'did:web resolution failed',
      code,
    },
    didDocument: null,
    didDocumentMetadata: {},
  }
}
