import { isCancel, password } from '@clack/prompts'
import type { CliContext } from './context.js'
import { usageError } from './failure.js'

/**
 * The key store's passphrase: `CIVITAS_PASSPHRASE`, else a hidden prompt on a terminal (asked twice
 * for a new store, so a typo cannot lock the keys away). Without either there is nothing to ask,
 * which is a usage error.
 */
export async function readPassphrase(context: CliContext, purpose: string, isNew = false): Promise<string> {
  const fromEnv = context.env.CIVITAS_PASSPHRASE
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (context.stdin.isTTY !== true || context.stderr.isTTY !== true) {
    throw usageError(
      `the key store needs a passphrase (${purpose}): set CIVITAS_PASSPHRASE, or run in a terminal to be asked`,
    )
  }
  const answer = await password({
    message: `Passphrase for the key store (${purpose})`,
    input: context.stdin,
    output: context.stderr,
    validate: (value) => (value === undefined || value.length === 0 ? 'The passphrase is empty' : undefined),
  })
  if (isCancel(answer)) throw usageError('no passphrase given')
  if (isNew) {
    const again = await password({
      message: 'A new key store: the same passphrase again',
      input: context.stdin,
      output: context.stderr,
    })
    if (isCancel(again) || again !== answer) throw usageError('the passphrases differ; nothing was created')
  }
  return answer
}
