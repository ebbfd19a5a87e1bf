import { CivitasError } from '@civitas/core'
import { type DecodedJws, verifyJws } from '@civitas/crypto'
import type { SignerKey } from './resolveSignerKeys.js'

/** Verifies the JWS with the first candidate key that accepts it and returns that key's `kid`. */
export async function verifySignedBy(decoded: DecodedJws, keys: readonly SignerKey[]): Promise<string> {
  let failure: unknown
  for (const key of keys) {
    try {
      await verifyJws(decoded, { publicJwk: key.publicJwk })
      return key.kid
    } catch (error) {
      failure = error
    }
  }
  throw failure ?? new CivitasError('ERR_SIGNATURE_INVALID', 'no key verifies the signature')
}
