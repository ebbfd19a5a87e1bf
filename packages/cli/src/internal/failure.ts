import { CivitasError, type CivitasErrorCode, isCivitasError } from '@civitas/core'
import { explainCode } from '@civitas/verifier'
import { flagNamesOf } from './flagNames.js'

/** Exit codes: success, a failed operation or rejected token, a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

// What to do next for the codes a command (rather than a verifier) meets, naming the flags to use.
const HINTS: Partial<Record<CivitasErrorCode, string>> = {
  ERR_KEY_STORE_PASSPHRASE:
    'The passphrase does not open this key store. Check CIVITAS_PASSPHRASE (or what you typed), or point --store at another file.',
  ERR_KEY_STORE_CORRUPT:
    'The key store file is damaged. Restore it from a backup, or point --store at another file.',
  ERR_KEY_STORE_LOCKED:
    'Another civitas process has this key store open. Wait for it to finish, or stop it (the lock file names its pid).',
  ERR_KEY_STORE_IO:
    'The key store file cannot be read or written. Check the --store path and its permissions.',
  ERR_KEY_NOT_FOUND: 'No key with that id in the store. List them with `civitas keys list`.',
  ERR_KEY_EXISTS: 'A key with that id exists already. Choose another --id.',
  ERR_CREDENTIAL_STORE:
    'The wallet file cannot be read or written, or is damaged. Check the --wallet path and its permissions, restore the file from a backup, or point --wallet at another file.',
  ERR_CREDENTIAL_NOT_FOUND:
    'The wallet holds no valid credential that matches. `civitas wallet list` shows what it holds; `civitas wallet receive` adds one.',
  ERR_CREDENTIAL_STORE_LOCKED:
    'Another civitas process has this wallet file open. Wait for it to finish, or stop it (the lock file names its pid).',
  ERR_CREDENTIAL_REVOKED:
    'Revocation is final: issue a new credential (`civitas issue`) instead of reinstating this one.',
  ERR_STATUS_ENTRY_NOT_FOUND:
    'No status entry for that credential id in this registry. Check --credential-id, --database-url and --table-prefix.',
  ERR_QR_PREFIX:
    'Pass a token (eyJ…), its CV1: QR text, a file holding either, - for standard input, or an image with --image.',
  ERR_JSON_INVALID: 'The file or value is not valid JSON; the message says where it breaks.',
  ERR_DID_INVALID: 'Check the DID or domain you gave; the message names the part that is wrong.',
  ERR_SCHEMA_INVALID:
    "Give every required claim with --claim name=value (or in --claims file.json); `civitas issue --help` lists each template's claims and their types.",
  ERR_INVALID_ARGUMENT: 'Check the options; `--help` shows each one with an example.',
  ERR_STORE_UNAVAILABLE:
    'The database or store cannot be reached. Check that it runs and that --database-url (or CIVITAS_DATABASE_URL) is right.',
  ERR_STORE_NOT_MIGRATED: 'The registry tables are missing or out of date; check --table-prefix.',
  ERR_FETCH_FAILED: 'The URL could not be fetched. Check that the server runs and the URL is right.',
  ERR_REQUEST_INVALID:
    'The sign-in request or answer was refused; the reason says what was wrong, and refusedWith is the code the relying party gave (its verifier refused a credential when that is a verification code).',
}

/** A usage error: what was wrong with the command line. */
export function usageError(message: string): CivitasError {
  return new CivitasError('ERR_INVALID_ARGUMENT', message, { details: { usage: true } })
}

/** What to tell the user about a failure: its code, reason, details, what to do, and the exit code. */
export interface Failure {
  code: string
  message: string
  details: Record<string, unknown>
  hint: string
  exitCode: number
}

/** What to tell the user about an error, naming the command line's flags where the library names options. */
export function describeFailure(error: unknown): Failure {
  const rename = flagNamesOf()
  if (isCivitasError(error)) {
    const { usage: _usage, ...details } = error.details as Record<string, unknown>
    const cause = error.cause instanceof Error ? error.cause.message : undefined
    return {
      code: error.code,
      message: rename(error.message),
      details: cause === undefined || cause === error.message ? details : { ...details, cause },
      hint: HINTS[error.code] ?? rename(explainCode(error.code)),
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
      details: {},
      hint: network ? (HINTS.ERR_STORE_UNAVAILABLE as string) : 'Check the file path and its permissions.',
      exitCode: EXIT.failed,
    }
  }
  if (typeof code === 'string' || /postgres/i.test(message)) {
    // PostgreSQL refused (a SQLSTATE code), or the driver could not connect.
    return {
      code: typeof code === 'string' ? `PG_${code}` : 'PG_CONNECT',
      message,
      details: {},
      hint: 'The database refused: check --database-url (user, host, database name) and that PostgreSQL runs.',
      exitCode: EXIT.failed,
    }
  }
  return {
    code: 'ERR_UNEXPECTED',
    message,
    details: {},
    hint: 'This is a bug in civitas; please report it with the command you ran.',
    exitCode: EXIT.failed,
  }
}

/** The failure as lines for a terminal: the reason with its code, each detail, then what to do. */
export function failureLines(failure: Failure): { error: string; details: string[]; hint: string } {
  const details: string[] = []
  const show = (item: unknown) => {
    const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '')
    return text.length > 300 ? `${text.slice(0, 300)}…` : text
  }
  for (const [name, value] of Object.entries(failure.details)) {
    if (Array.isArray(value)) details.push(`  ${name}:`, ...value.map((item) => `    ${show(item)}`))
    else details.push(`  ${name}: ${show(value)}`)
  }
  return { error: `error: ${failure.message}`, details, hint: failure.hint }
}
