import { CivitasError } from '@civitas/core'
import type { CredentialStatusPurpose } from '@civitas/credentials'

const DEFAULT_TTL_MS = 5 * 60_000
const DEFAULT_VALID_FOR_MS = 24 * 3600_000

/** A status list publisher's checked settings, defaults filled in. */
export interface PublisherSettings {
  /** The lists' base URL without trailing slashes. */
  baseUrl: string
  ttlMs: number
  validForMs: number
  purposes: readonly CredentialStatusPurpose[]
}

/**
 * Checks a publisher's `baseUrl`, durations and purposes: an http(s) URL, positive whole
 * milliseconds (5 minutes of `ttlMs` and 1 day of `validForMs` by default), and no purposes for
 * token lists, whose one 2-bit entry holds revocation and suspension (W3C default `['revocation']`).
 *
 * @throws `ERR_INVALID_ARGUMENT` for each of these.
 */
export function readPublisherOptions(options: {
  baseUrl: string
  tokens: boolean
  ttlMs?: number
  validForMs?: number
  purposes?: readonly CredentialStatusPurpose[]
}): PublisherSettings {
  const baseUrl = checkBaseUrl(options.baseUrl)
  const ttlMs = checkDuration(options.ttlMs ?? DEFAULT_TTL_MS, 'ttlMs')
  const validForMs = checkDuration(options.validForMs ?? DEFAULT_VALID_FOR_MS, 'validForMs')
  if (options.tokens && options.purposes !== undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'purposes: a token status list keeps revocation and suspension in one 2-bit entry; leave purposes out',
    )
  }
  return { baseUrl, ttlMs, validForMs, purposes: options.purposes ?? ['revocation'] }
}

function checkBaseUrl(value: unknown): string {
  let url: URL | undefined
  try {
    url = new URL(String(value))
  } catch {
    url = undefined
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'baseUrl: expected an http(s) URL such as https://city.example/status',
    )
  }
  return url.href.replace(/\/+$/, '')
}

function checkDuration(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a positive number of milliseconds`)
  }
  return value
}
