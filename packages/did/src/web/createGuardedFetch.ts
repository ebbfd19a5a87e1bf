import { CivitasError } from '@civitas/core'
import { sendGuardedRequest } from '#guarded-request'
import { checkTarget, type GuardSettings, guardSettings, timedOut } from './internal/guard.js'
import type { CreateGuardedFetchOptions, GuardedFetch } from './types.js'

/** The fetch-compatible function {@link createGuardedFetch} returns. */
export type CreateGuardedFetchResult = GuardedFetch

/**
 * Creates a fetch-compatible function for URLs that come from untrusted data (a DID, a
 * credential's `statusListCredential`): what `didWebResolver` resolves through, and what
 * `createStatusChecker` fetches status lists with by default.
 *
 * HTTPS only (`allowHttp` for development); `localhost`, `*.localhost` and dotless names refused;
 * the host's name resolved first and refused unless every address is public unicast (no loopback,
 * private, CGNAT, link-local and cloud metadata, multicast, unspecified, ULA, or IPv4-mapped /
 * NAT64 / 6to4 forms of those), then the connection made to that checked address so a second DNS
 * answer cannot retarget it; `allowPrivateAddresses` opens private networks, `allowLoopback`
 * loopback, and only `allowHosts` reaches anything else (link-local and metadata addresses included). Redirects
 * only within the origin (`maxRedirects`, default 2; `redirect: 'error'` refuses any, `'manual'`
 * hands the redirect back); a deadline over the whole request (`timeoutMs`, default 5 s, and the
 * caller's `signal`); a body cap enforced while reading (`maxBytes`, default 1 MiB); no content
 * encoding. GET and HEAD only. The returned `Response` holds the whole body, already read.
 *
 * In Node the request goes through `node:http(s)` (package import `#guarded-request`, condition
 * `node`). Elsewhere (browsers, workers) it goes through `fetch`: a page cannot resolve names, so
 * the address checks are the browser's own (its private network access rules), IP-address URLs
 * are still checked, and `lookup` and `ca` do not apply.
 *
 * @throws `ERR_INVALID_ARGUMENT` for options out of range (when created). The function it returns
 *   rejects with `ERR_ADDRESS_FORBIDDEN` (a local name, a non-public address, a plain `http:` URL
 *   without `allowHttp`), `ERR_FETCH_FAILED` (`details.reason`: `dns`, `network`, `timeout`,
 *   `redirect`, `crossOriginRedirect`, `tooManyRedirects`, `contentEncoding`), `ERR_INPUT_TOO_LARGE`
 *   (a body over `maxBytes`), `ERR_INVALID_ARGUMENT` (not a URL, a method other than GET or HEAD),
 *   or the caller's `signal` reason.
 * @see https://owasp.org/www-community/attacks/Server_Side_Request_Forgery
 * @example
 * ```ts
 * import { createGuardedFetch } from '@civitas/did/web'
 *
 * const guardedFetch = createGuardedFetch({ timeoutMs: 3000, maxBytes: 65_536 })
 * const response = await guardedFetch('https://city.example/status/1')
 * const body = await response.text()
 * ```
 */
export function createGuardedFetch(options: CreateGuardedFetchOptions = {}): CreateGuardedFetchResult {
  const settings = guardSettings(options)
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined
    const url = parseUrl(request?.url ?? input)
    const method = methodOf(init.method ?? request?.method)
    const hostAllowed = checkTarget(url, settings)
    return withDeadline(url, settings, init.signal ?? request?.signal, (signal) =>
      sendGuardedRequest(
        {
          url,
          method,
          headers: new Headers(init.headers ?? request?.headers),
          redirect: init.redirect ?? request?.redirect ?? 'follow',
          signal,
          hostAllowed,
        },
        settings,
      ),
    )
  }
}

function parseUrl(input: unknown): URL {
  try {
    return new URL(input instanceof URL ? input.href : String(input))
  } catch {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'input: expected an absolute URL')
  }
}

function methodOf(method: string | undefined): 'GET' | 'HEAD' {
  const upper = (method ?? 'GET').toUpperCase()
  if (upper === 'GET' || upper === 'HEAD') return upper
  throw new CivitasError('ERR_INVALID_ARGUMENT', `method: expected GET or HEAD, got ${upper.slice(0, 16)}`)
}

/**
 * Runs `send` with a signal that aborts at the guard's deadline (with the timeout error) or with
 * the caller's signal (with its reason), and throws that reason when either fires.
 */
async function withDeadline(
  url: URL,
  settings: GuardSettings,
  callerSignal: AbortSignal | null | undefined,
  send: (signal: AbortSignal) => Promise<Response>,
): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(timedOut(url, settings)), settings.timeoutMs)
  const onCallerAbort = () => controller.abort(callerSignal?.reason)
  if (callerSignal?.aborted) onCallerAbort()
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  try {
    return await send(controller.signal)
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error
  } finally {
    clearTimeout(timer)
    callerSignal?.removeEventListener('abort', onCallerAbort)
    controller.abort()
  }
}
