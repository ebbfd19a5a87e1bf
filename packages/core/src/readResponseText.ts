import { CivitasError } from './errors.js'

/** Options for {@link readResponseText}. */
export interface ReadResponseTextOptions {
  /** Largest body read, in bytes; reading stops as soon as it is passed. */
  maxBytes: number
  /** Names the body in error messages, e.g. `'status list'`. */
  name?: string
}

/**
 * Reads a fetch `Response` body as strict UTF-8 text, refusing it as soon as it passes `maxBytes`
 * (a declared `Content-Length` over the cap is refused before reading), so a hostile server cannot
 * make the reader buffer more than the cap.
 *
 * @throws `ERR_INPUT_TOO_LARGE` past `maxBytes`; `ERR_UTF8_INVALID` for malformed UTF-8;
 *   `ERR_FETCH_FAILED` when the body breaks off.
 * @example
 * ```ts
 * import { readResponseText } from '@civitas/core'
 *
 * const text = await readResponseText(new Response('{"ok":true}'), { maxBytes: 65_536 })
 * ```
 */
export async function readResponseText(
  response: Response,
  options: ReadResponseTextOptions,
): Promise<string> {
  const { maxBytes, name = 'response body' } = options
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw tooLarge(name, maxBytes)
  const reader = response.body?.getReader()
  if (reader === undefined) return ''
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader.read()
    } catch (cause) {
      throw new CivitasError('ERR_FETCH_FAILED', `${name}: the body broke off`, { cause })
    }
    if (chunk.done) break
    received += chunk.value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(name, maxBytes)
    }
    chunks.push(chunk.value)
  }
  const body = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch (cause) {
    throw new CivitasError('ERR_UTF8_INVALID', `${name}: not valid UTF-8`, { cause })
  }
}

function tooLarge(name: string, maxBytes: number): CivitasError {
  return new CivitasError('ERR_INPUT_TOO_LARGE', `${name}: over the limit of ${maxBytes} bytes`, {
    details: { limit: maxBytes },
  })
}
