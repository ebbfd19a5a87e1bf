import type { PoolEntry } from './pool.js'
import { signedChange } from './signedView.js'
import type { Expected } from './verdict.js'

/**
 * The label of a raw mutant (for QR text, of the token it rebuilds; `undefined` when it rebuilds none),
 * judged by what is signed in it:
 * - the signed bytes of no pooled token survive (a changed byte, an added part): must reject;
 * - they are the entry's own, untouched: must accept, as the entry does;
 * - they are a pooled token's with only signature text changed or disclosures withheld, or another pooled
 *   token borrowed whole: any typed verdict (signed content, possibly not what was asked for) — except that a
 *   credential alone, where the check expects an audience or a nonce, must be refused for want of holder binding.
 */
export function labelRawMutant(
  entries: readonly PoolEntry[],
  entry: PoolEntry,
  token: string | undefined,
): { expected: Expected; reason: string } {
  if (token === undefined) return { expected: { reject: 'any' }, reason: 'rebuilds no token' }
  const own = signedChange(entry.token, token)
  if (own === 'none') return { expected: { accept: true }, reason: 'signed bytes unchanged' }
  const match = [entry, ...entries.filter((other) => other !== entry)].find(
    (candidate) => signedChange(candidate.token, token) !== 'signed-bytes',
  )
  if (match === undefined) return { expected: { reject: 'any' }, reason: 'signed bytes changed' }
  const { audience, nonce } = entry.expectations
  if (match.kind === 'credential' && (audience !== undefined || nonce !== undefined)) {
    return {
      expected: { reject: 'any' },
      reason: `signed bytes of the ${match.name} credential, without holder binding`,
    }
  }
  return {
    expected: { typed: true },
    reason: `signed bytes of ${match.name}: ${signedChange(match.token, token)}`,
  }
}
