import { CivitasError, type CivitasErrorCode, isCivitasError } from '@civitas/core'
import { explainCode } from '@civitas/verifier'

/** Exit codes: success, a failed operation or rejected token, a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

// What to do next for the codes a command (rather than a verifier) meets.
const HINTS: Partial<Record<CivitasErrorCode, string>> = {
  ERR_KEY_STORE_PASSPHRASE:
    'The passphrase does not open this key store. Check CIVITAS_PASSPHRASE (or what you typed), or point --store at another file.',
  ERR_KEY_STORE_CORRUPT: 'The key store file is damaged. Restore it from a backup.',
  ERR_KEY_STORE_LOCKED:
    'Another civitas process has this key store open. Wait for it to finish, or stop it (the lock file names its pid).',
  ERR_KEY_STORE_IO:
    'The key store file cannot be read or written. Check the --store path and its permissions.',
  ERR_KEY_NOT_FOUND: 'No key with that id in the store. List them with `civitas keys list`.',
  ERR_KEY_EXISTS: 'A key with that id exists already. Choose another --id.',
  ERR_CREDENTIAL_STORE:
    'The wallet file has no such credential, or cannot be read. List it with `civitas wallet list`.',
  ERR_CREDENTIAL_STORE_LOCKED:
    'Another civitas process has this wallet file open. Wait for it to finish, or stop it (the lock file names its pid).',
  ERR_STATUS_ENTRY_NOT_FOUND:
    'No status entry for that credential id in this registry. Check --credential-id, --database-url and --table-prefix.',
  ERR_QR_PREFIX: 'Pass a token (eyJ…), its CV1: QR text, or an image with --image.',
  ERR_INVALID_ARGUMENT: 'Check the options; `--help` shows each one with an example.',
  ERR_STORE_UNAVAILABLE: 'The database or store cannot be reached. Check that it runs and the URL is right.',
}

/** A usage error: what was wrong with the command line. */
export function usageError(message: string): CivitasError {
  return new CivitasError('ERR_INVALID_ARGUMENT', message, { details: { usage: true } })
}

/** What to tell the user about an error: its code, message, a hint, and the exit code. */
export function describeFailure(error: unknown): {
  code: string
  message: string
  hint: string
  exitCode: number
} {
  if (isCivitasError(error)) {
    return {
      code: error.code,
      message: error.message,
      hint: HINTS[error.code] ?? explainCode(error.code),
      exitCode: error.code === 'ERR_INVALID_ARGUMENT' ? EXIT.usage : EXIT.failed,
    }
  }
  const code = (error as { code?: unknown })?.code
  const message = error instanceof Error ? error.message : String(error)
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A system error: a file or an address that cannot be used.
    const network = /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)$/.test(code)
    return {
      code,
      message,
      hint: network ? (HINTS.ERR_STORE_UNAVAILABLE as string) : 'Check the file path and its permissions.',
      exitCode: EXIT.failed,
    }
  }
  if (typeof code === 'string' || /postgres/i.test(message)) {
    // PostgreSQL refused (a SQLSTATE code), or the driver could not connect.
    return {
      code: typeof code === 'string' ? `PG_${code}` : 'PG_CONNECT',
      message,
      hint: 'The database refused: check --database-url (user, host, database name) and that PostgreSQL runs.',
      exitCode: EXIT.failed,
    }
  }
  return {
    code: 'ERR_UNEXPECTED',
    message: error instanceof Error ? error.message : String(error),
    hint: 'This is a bug in civitas; please report it with the command you ran.',
    exitCode: EXIT.failed,
  }
}
