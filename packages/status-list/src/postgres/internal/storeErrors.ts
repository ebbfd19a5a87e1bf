import { CivitasError } from '@civitas/core'

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

// The pg driver reports a lost or unobtainable connection by message only.
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|Client was closed|not queryable|timeout exceeded when trying to connect/i

const codeOf = (cause: unknown): unknown => (cause as { code?: unknown } | null)?.code

/** Serialization failure or deadlock: PostgreSQL rolled the transaction back, so running it again is safe. */
export function isRetryableConflict(cause: unknown): boolean {
  const code = codeOf(cause)
  return code === '40001' || code === '40P01'
}

/**
 * True when the connection failed (refused, reset, closed by the server, server shutting down): SQLSTATE
 * class 08, 57P01-57P03, 53300, socket error numbers, and the driver's own connection messages.
 */
export function isConnectionFailure(cause: unknown): boolean {
  const code = codeOf(cause)
  if (typeof code === 'string') {
    if (CONNECTION_ERRNOS.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')
      return true
  }
  if (cause instanceof AggregateError) return cause.errors.some(isConnectionFailure)
  return cause instanceof Error && CONNECTION_MESSAGES.test(cause.message)
}

/**
 * Turns a driver failure into a Civitas error: `ERR_STORE_UNAVAILABLE` for connection failures and for
 * conflicts still failing after their retries, `ERR_STORE_NOT_MIGRATED` for missing tables; Civitas
 * errors and anything else pass through unchanged.
 */
export function toStoreError(cause: unknown): unknown {
  if (cause instanceof CivitasError) return cause
  if (codeOf(cause) === '42P01') {
    return new CivitasError(
      'ERR_STORE_NOT_MIGRATED',
      'the status registry tables do not exist: call registry.migrate() once before using the registry',
      { cause },
    )
  }
  if (isConnectionFailure(cause)) {
    return new CivitasError(
      'ERR_STORE_UNAVAILABLE',
      'PostgreSQL could not be reached or dropped the connection',
      {
        cause,
      },
    )
  }
  if (isRetryableConflict(cause)) {
    return new CivitasError('ERR_STORE_UNAVAILABLE', 'PostgreSQL kept reporting conflicts; retry later', {
      cause,
    })
  }
  return cause
}
