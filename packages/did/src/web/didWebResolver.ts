import { CivitasError, type CivitasErrorCode, isCivitasError } from '@civitas/core'
import type { DIDResolutionResult, DIDResolver, ResolverRegistry } from 'did-resolver'
import { fetchDidWebDocument } from '#did-web-fetch'
import { didWebDocumentUrl } from './didWebDocumentUrl.js'
import { parseDidWebDocument } from './internal/parseDidWebDocument.js'
import type { FetchSettings } from './internal/response.js'
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
 * Civitas treats the DID as hostile, since anyone can hand a verifier a DID that names any host:
 * HTTPS only (`allowHttp` for development); `localhost`, dotless names and IP addresses refused;
 * the host's name resolved first and refused unless every address is public unicast (no loopback,
 * private, CGNAT, link-local and cloud metadata, multicast, unspecified, ULA, or IPv4-mapped /
 * NAT64 / 6to4 forms of those), then the connection made to that checked address so a second DNS
 * answer cannot retarget it; `allowHosts` and `allowPrivateAddresses` lift those checks.
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
 * own network rules replace the address checks and `lookup` and `ca` do not apply.
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
  const settings = settingsOf(options)
  const web: DIDResolver = async (_did, parsed) => {
    try {
      const url = didWebDocumentUrl(parsed.did)
      const host = url.hostname
      const hostAllowed = settings.allowHosts.has(host)
      if (!hostAllowed && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
        throw new CivitasError(
          'ERR_ADDRESS_FORBIDDEN',
          `did:web: ${host} is a local name; allow-list the host to resolve it`,
          { details: { host } },
        )
      }
      if (settings.allowHttp) url.protocol = 'http:'
      const { body, maxAgeMs } = await fetchDidWebDocument(url, settings, hostAllowed)
      const didDocument = parseDidWebDocument(body, parsed.did)
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

function settingsOf(options: DidWebResolverOptions): FetchSettings {
  const { timeoutMs = 5000, maxBodyBytes = 102_400, maxRedirects = 2 } = options
  for (const [name, value, max] of [
    ['timeoutMs', timeoutMs, 600_000],
    ['maxBodyBytes', maxBodyBytes, 16_777_216],
    ['maxRedirects', maxRedirects, 5],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < (name === 'maxRedirects' ? 0 : 1) || value > max) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected an integer up to ${max}`)
    }
  }
  if (options.lookup !== undefined && typeof options.lookup !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'lookup: expected a function')
  }
  return {
    timeoutMs,
    maxBodyBytes,
    maxRedirects,
    allowHttp: options.allowHttp === true,
    allowHosts: new Set((options.allowHosts ?? []).map((host) => String(host).toLowerCase())),
    allowPrivateAddresses: options.allowPrivateAddresses === true,
    lookup: options.lookup,
    ca: options.ca,
  }
}
