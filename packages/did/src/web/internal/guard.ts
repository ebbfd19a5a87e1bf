import { CivitasError } from '@civitas/core'
import type { CreateGuardedFetchOptions, GuardedFetchLookup } from '../types.js'
import { type AddressScope, addressScope, parseIp } from './isPublicAddress.js'

/** The guard's options, checked and with their defaults. */
export interface GuardSettings {
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly maxRedirects: number
  readonly allowHttp: boolean
  readonly allowHosts: ReadonlySet<string>
  /** The non-public scopes opened by `allowPrivateAddresses` and `allowLoopback`; never `forbidden`. */
  readonly allowedScopes: ReadonlySet<AddressScope>
  readonly lookup: GuardedFetchLookup | undefined
  readonly ca: string | Uint8Array | readonly (string | Uint8Array)[] | undefined
}

/** One request, checked by `createGuardedFetch`, as a platform's sender receives it. */
export interface GuardedRequest {
  readonly url: URL
  readonly method: 'GET' | 'HEAD'
  readonly headers: Headers
  readonly redirect: RequestRedirect
  /** Aborts on the guard's deadline or the caller's signal, with the reason to throw. */
  readonly signal: AbortSignal
  /** Whether the host is allow-listed (exempt from the address checks). */
  readonly hostAllowed: boolean
}

/** What each platform implements (`#guarded-request`): send, follow redirects, read the body capped. */
export type SendGuardedRequest = (request: GuardedRequest, settings: GuardSettings) => Promise<Response>

/** Checks the options of `createGuardedFetch` and fills in the defaults. */
export function guardSettings(options: CreateGuardedFetchOptions): GuardSettings {
  const { timeoutMs = 5000, maxBytes = 1_048_576, maxRedirects = 2 } = options
  for (const [name, value, max] of [
    ['timeoutMs', timeoutMs, 600_000],
    ['maxBytes', maxBytes, 16_777_216],
    ['maxRedirects', maxRedirects, 5],
  ] as const) {
    const min = name === 'maxRedirects' ? 0 : 1
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `${name}: expected an integer from ${min} to ${max}, got ${String(value).slice(0, 32)}`,
      )
    }
  }
  if (options.lookup !== undefined && typeof options.lookup !== 'function') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'lookup: expected a function')
  }
  if (options.allowHosts !== undefined && !Array.isArray(options.allowHosts)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'allowHosts: expected an array of host names')
  }
  return {
    timeoutMs,
    maxBytes,
    maxRedirects,
    allowHttp: options.allowHttp === true,
    allowHosts: new Set((options.allowHosts ?? []).map((host) => bareHost(String(host)))),
    allowedScopes: new Set<AddressScope>([
      'public',
      ...(options.allowPrivateAddresses === true ? (['private'] as const) : []),
      ...(options.allowLoopback === true ? (['loopback'] as const) : []),
    ]),
    lookup: options.lookup,
    ca: options.ca,
  }
}

/**
 * Checks what can be checked of a URL before any network access, on every platform: the scheme,
 * local names, and an address given in the URL itself. Names are resolved and checked by the
 * platform's sender (Node), or left to the browser's private network rules.
 *
 * @returns whether the host is allow-listed.
 */
export function checkTarget(url: URL, settings: GuardSettings): boolean {
  if (url.protocol !== 'https:' && !(settings.allowHttp && url.protocol === 'http:')) {
    const hint = url.protocol === 'http:' ? ' (plain http only with allowHttp)' : ''
    throw new CivitasError('ERR_ADDRESS_FORBIDDEN', `${url.protocol.slice(0, 16)} URLs are refused${hint}`, {
      details: { reason: 'protocol' },
    })
  }
  const host = bareHost(url.hostname)
  const hostAllowed = settings.allowHosts.has(host)
  if (!hostAllowed && isLocalName(host)) {
    throw new CivitasError(
      'ERR_ADDRESS_FORBIDDEN',
      `${host.slice(0, 253)} is a local name; allow-list the host to reach it`,
      { details: { host: host.slice(0, 253), reason: 'localName' } },
    )
  }
  if (parseIp(host) !== undefined) checkAddresses(host, [host], hostAllowed, settings)
  return hostAllowed
}

/** A URL's host name as compared with `allowHosts`: lower case, IPv6 without brackets. */
export function bareHost(hostname: string): string {
  const lower = hostname.toLowerCase()
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower
}

/** Whether a name is only meaningful on the local machine or network: `localhost`, `*.localhost`, dotless. */
function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || (!host.includes('.') && !host.includes(':'))
}

/**
 * Refuses a host unless every address it has is public unicast, or of a scope the settings open
 * (private, loopback), or the host is allow-listed: an attacker's name may list a public address
 * and a private one. Link-local and metadata addresses are reached only by an allow-listed host.
 */
export function checkAddresses(
  host: string,
  addresses: readonly string[],
  hostAllowed: boolean,
  settings: GuardSettings,
): void {
  if (hostAllowed) return
  const refused = addresses.find((address) => !settings.allowedScopes.has(addressScope(address)))
  if (refused !== undefined) {
    const scope = addressScope(refused)
    throw new CivitasError(
      'ERR_ADDRESS_FORBIDDEN',
      `${host.slice(0, 253)} is or resolves to a ${scope === 'forbidden' ? 'non-public' : scope} address; allow-list the host to reach it`,
      {
        details: { host: host.slice(0, 253), address: refused.slice(0, 64), scope, reason: 'address' },
      },
    )
  }
}

/** Fails as soon as a body exceeds the cap, by its `Content-Length` or by what was read. */
export function checkLength(length: number, url: URL, settings: GuardSettings): void {
  if (length > settings.maxBytes) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `${url.origin}: the response exceeds the limit of ${settings.maxBytes} bytes`,
      { details: { limit: settings.maxBytes, reason: 'tooLarge' } },
    )
  }
}

/**
 * The next URL of a redirect, refused when it leaves the origin, when redirects are not wanted
 * (`redirect: 'error'`) or past the hop limit: a document is what its own host serves, nobody else.
 */
export function redirectTarget(
  current: URL,
  location: string | null | undefined,
  hops: number,
  request: Pick<GuardedRequest, 'redirect'>,
  settings: GuardSettings,
): URL {
  if (request.redirect === 'error') throw redirectRefused(current, 'redirect', 'redirected')
  let target: URL | undefined
  try {
    target = location == null ? undefined : new URL(location, current)
  } catch {
    target = undefined
  }
  if (target === undefined) {
    throw new CivitasError('ERR_FETCH_FAILED', `${current.origin}: a redirect without a valid Location`, {
      details: { reason: 'redirect' },
    })
  }
  if (target.origin !== current.origin) {
    throw redirectRefused(current, 'crossOriginRedirect', 'redirected to another origin')
  }
  if (hops >= settings.maxRedirects) {
    throw redirectRefused(current, 'tooManyRedirects', `redirected more than ${settings.maxRedirects} times`)
  }
  return target
}

/** The error for a redirect the guard does not follow. */
export function redirectRefused(url: URL, reason: string, what: string): CivitasError {
  return new CivitasError('ERR_FETCH_FAILED', `${url.origin}: the host ${what}`, { details: { reason } })
}

/** Whether a status is a redirect that carries a Location. */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/** The error for a fetch that ran out of time. */
export function timedOut(url: URL, settings: GuardSettings): CivitasError {
  return new CivitasError('ERR_FETCH_FAILED', `${url.origin}: no answer within ${settings.timeoutMs} ms`, {
    details: { reason: 'timeout' },
  })
}

/** The error for a connection or protocol failure. */
export function networkFailed(url: URL, cause: unknown): CivitasError {
  return new CivitasError('ERR_FETCH_FAILED', `${url.origin}: the request failed`, {
    cause,
    details: { reason: 'network' },
  })
}

/** Statuses whose responses carry no body (Fetch standard, "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/** A web `Response` around a body that has been read in full, with its final URL. */
export function bufferedResponse(
  body: Uint8Array | null,
  init: { status: number; statusText?: string; headers: Headers },
  url: URL,
  redirected: boolean,
): Response {
  const response = new Response(NULL_BODY.has(init.status) ? null : (body as BodyInit | null), init)
  Object.defineProperty(response, 'url', { value: url.href })
  Object.defineProperty(response, 'redirected', { value: redirected })
  return response
}

/** Joins chunks read from a stream into one array. */
export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const body = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return body
}
