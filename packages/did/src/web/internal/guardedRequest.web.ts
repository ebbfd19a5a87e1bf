import {
  bufferedResponse,
  checkLength,
  concat,
  type GuardedRequest,
  type GuardSettings,
  networkFailed,
  redirectRefused,
} from './guard.js'

/**
 * The guarded request of browsers and other fetch-only runtimes. A page cannot resolve names, so
 * the address checks are the browser's own (its private network access rules); the host-name
 * rules, the timeout, the body cap and the origin and number of redirects are checked here.
 * `lookup` and `ca` do not apply.
 */
export async function sendGuardedRequest(
  request: GuardedRequest,
  settings: GuardSettings,
): Promise<Response> {
  const { url } = request
  let response: Response
  try {
    response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      redirect: settings.maxRedirects === 0 && request.redirect === 'follow' ? 'error' : request.redirect,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: request.signal,
    })
  } catch (cause) {
    if (request.signal.aborted) throw request.signal.reason
    throw networkFailed(url, cause)
  }
  const final = response.url === '' ? url : new URL(response.url)
  if (response.redirected && final.origin !== url.origin) {
    await response.body?.cancel()
    throw redirectRefused(url, 'crossOriginRedirect', 'redirected to another origin')
  }
  const declared = response.headers.get('content-length')
  if (declared !== null && request.method !== 'HEAD') checkLength(Number(declared), final, settings)
  const body = request.method === 'HEAD' ? null : await readBody(response, final, settings)
  return bufferedResponse(
    body,
    { status: response.status, statusText: response.statusText, headers: response.headers },
    final,
    response.redirected,
  )
}

async function readBody(response: Response, url: URL, settings: GuardSettings): Promise<Uint8Array | null> {
  const reader = response.body?.getReader()
  if (reader === undefined) return null
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        chunk = await reader.read()
      } catch (cause) {
        throw networkFailed(url, cause)
      }
      if (chunk.done) break
      length += chunk.value.length
      checkLength(length, url, settings)
      chunks.push(chunk.value)
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return concat(chunks, length)
}
