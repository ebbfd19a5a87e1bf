import { CivitasError } from '@civitas/core'

/** A fetch-compatible function. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * Requires an https URL; plain http only on loopback hosts and only in development.
 *
 * @throws `ERR_REQUEST_INVALID`.
 */
export function checkFetchUrl(value: string, development: boolean, name: string): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (
    url?.protocol === 'https:' ||
    (development && url?.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  ) {
    return url.href
  }
  throw new CivitasError(
    'ERR_REQUEST_INVALID',
    `${name}: expected an https URL${development ? ' (or http on loopback)' : ''}, got ${value.slice(0, 200)}`,
  )
}

/**
 * One request that follows no redirect and gives up after `timeoutMs` (default 5 s).
 *
 * @throws `ERR_FETCH_FAILED` when no response arrives (redirects count as failures).
 */
export async function fetchOnce(
  url: string,
  options: { fetch?: FetchLike | undefined; init?: RequestInit; timeoutMs?: number },
): Promise<Response> {
  const fetcher = options.fetch ?? ((target: string, init: RequestInit) => fetch(target, init))
  try {
    return await fetcher(url, {
      ...options.init,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch (cause) {
    throw new CivitasError(
      'ERR_FETCH_FAILED',
      `${url.slice(0, 200)} could not be reached (redirects are not followed)`,
      {
        cause,
      },
    )
  }
}
