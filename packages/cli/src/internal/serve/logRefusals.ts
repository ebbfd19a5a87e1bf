import type { CliContext } from '../context.js'
import { flagNamesOf } from '../flagNames.js'

/** A request a server refused: what was asked, the HTTP status, the code and the reason. */
export interface Refusal {
  method: string
  path: string
  status: number
  code: string
  reason: string
}

/** A web-standard request handler. */
export type Handler = (request: Request) => Promise<Response>

/** The code of a refusal whose body carries none: what the status means from these servers. */
function codeOfStatus(status: number, path: string): string {
  if (status === 503) return 'ERR_STORE_UNAVAILABLE'
  if (status === 404 && path.startsWith('/status/')) return 'ERR_STATUS_ENTRY_NOT_FOUND'
  return `HTTP_${status}`
}

/**
 * Wraps a handler so that every refused request (4xx, 5xx) is logged on stderr (a JSON event on
 * stdout with `--json`) with its code and reason, read from a JSON refusal (`code`,
 * `error_description`) when the body is one; `onRefused` hears of each too.
 */
export function logRefusals(
  context: CliContext,
  handler: Handler,
  onRefused: (refusal: Refusal) => void = () => {},
): Handler {
  return async (request) => {
    const response = await handler(request)
    if (response.status < 400) return response
    const body = await response
      .clone()
      .text()
      .catch(() => '')
    let parsed: { code?: unknown; error?: unknown; error_description?: unknown } = {}
    try {
      parsed = JSON.parse(body) as typeof parsed
    } catch {
      // A text or empty body: the status says what happened.
    }
    const path = new URL(request.url).pathname
    const refusal: Refusal = {
      method: request.method,
      path,
      status: response.status,
      code: typeof parsed.code === 'string' ? parsed.code : codeOfStatus(response.status, path),
      reason:
        typeof parsed.error_description === 'string'
          ? flagNamesOf()(parsed.error_description)
          : body.slice(0, 200) ||
            (response.status === 503 ? 'the store behind this server is not answering' : ''),
    }
    if (context.json) context.emit({ event: 'refused', ...refusal })
    else
      context.stderr.write(
        `${context.color.red('✗')} refused ${refusal.method} ${refusal.path}: HTTP ${refusal.status} ${refusal.code}${refusal.reason === '' ? '' : ` — ${refusal.reason}`}\n`,
      )
    onRefused(refusal)
    return response
  }
}
