import { CivitasError, decodeUtf8 } from '@civitas/core'
import {
  ACCEPT,
  checkHeaders,
  checkLength,
  checkStatus,
  type FetchedDocument,
  type FetchSettings,
  maxAgeMsOf,
  timedOut,
} from './response.js'

/**
 * The did:web fetch of browsers and other fetch-only runtimes. A page cannot resolve names, so
 * the address checks are the browser's own (its private network access rules); the host-name
 * rules, the timeout, the body cap, the content type and the origin of redirects are checked here.
 * `lookup` and `ca` do not apply.
 */
export async function fetchDidWebDocument(
  url: URL,
  settings: FetchSettings,
  _hostAllowed: boolean,
): Promise<FetchedDocument> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(timedOut(settings)), settings.timeoutMs)
  try {
    let response: Response
    try {
      response = await fetch(url, {
        headers: { accept: ACCEPT },
        redirect: settings.maxRedirects === 0 ? 'error' : 'follow',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      })
    } catch (cause) {
      throw new CivitasError('ERR_FETCH_FAILED', `did:web: the request to ${url.host} failed`, {
        cause,
        details: { reason: 'network' },
      })
    }
    if (response.redirected && new URL(response.url).origin !== url.origin) {
      await response.body?.cancel()
      throw new CivitasError('ERR_FETCH_FAILED', 'did:web: the host redirected to another origin', {
        details: { reason: 'crossOriginRedirect' },
      })
    }
    checkStatus(response.status)
    checkHeaders(response.headers.get('content-type'), response.headers.get('content-encoding'))
    const declared = response.headers.get('content-length')
    if (declared !== null) checkLength(Number(declared), settings)
    return {
      body: decodeUtf8(await readBody(response, settings), { name: 'did:web document' }),
      maxAgeMs: maxAgeMsOf(response.headers.get('cache-control'), response.headers.get('age')),
    }
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

async function readBody(response: Response, settings: FetchSettings): Promise<Uint8Array> {
  const reader = response.body?.getReader()
  if (reader === undefined) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      length += value.length
      checkLength(length, settings)
      chunks.push(value)
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  const body = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return body
}
