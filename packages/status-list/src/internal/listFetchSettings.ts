import { type CreateGuardedFetchOptions, createGuardedFetch } from '@civitas/did/web'
import type { ListFetchOptions } from './fetchListToken.js'

/** The options of a status checker that decide how its lists are fetched: the guard's, or a fetch. */
export type ListGuardOptions = Pick<
  CreateGuardedFetchOptions,
  | 'allowHttp'
  | 'allowHosts'
  | 'allowPrivateAddresses'
  | 'allowLoopback'
  | 'lookup'
  | 'ca'
  | 'timeoutMs'
  | 'maxBytes'
> & { fetch?: (url: string, init: RequestInit) => Promise<Response> }

/** How every list is fetched; each kind of list adds its own `accept`. */
export type ListFetchSettings = Omit<ListFetchOptions, 'accept'>

/**
 * The fetch of a status checker's lists: the caller's `fetch` with redirects refused, or else the
 * did:web address guard (same-origin redirects only) configured from the guard options, with a
 * 5 s timeout and a 1 MiB body cap by default.
 *
 * @throws `ERR_INVALID_ARGUMENT` from the guard for options out of range.
 */
export function listFetchSettings(options: ListGuardOptions): ListFetchSettings {
  const timeoutMs = options.timeoutMs ?? 5000
  const maxBytes = options.maxBytes ?? 1_048_576
  const allowHttp = options.allowHttp === true
  return {
    fetch: options.fetch ?? guardedFetchOf(options, { allowHttp, timeoutMs, maxBytes }),
    redirect: options.fetch === undefined ? 'follow' : 'error',
    allowHttp,
    timeoutMs,
    maxBytes,
  }
}

function guardedFetchOf(
  options: ListGuardOptions,
  limits: { allowHttp: boolean; timeoutMs: number; maxBytes: number },
): (url: string, init: RequestInit) => Promise<Response> {
  const { allowHosts, allowPrivateAddresses, allowLoopback, lookup, ca } = options
  return createGuardedFetch({
    ...limits,
    ...(allowHosts === undefined ? {} : { allowHosts }),
    ...(allowPrivateAddresses === undefined ? {} : { allowPrivateAddresses }),
    ...(allowLoopback === undefined ? {} : { allowLoopback }),
    ...(lookup === undefined ? {} : { lookup }),
    ...(ca === undefined ? {} : { ca }),
  })
}
