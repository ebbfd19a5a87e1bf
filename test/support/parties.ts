import type { SignatureAlgorithm } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'

/** A fixed moment for tests: 2026-11-23T09:00:00Z. */
export const NOW = Date.parse('2026-11-23T09:00:00Z')
/** One year in milliseconds. */
export const YEAR = 365 * 24 * 3600 * 1000

/** A city, a citizen and a resolver, with keys of the given algorithms. */
export async function createParties(
  issuerAlg: SignatureAlgorithm = 'EdDSA',
  holderAlg: SignatureAlgorithm = 'ES256',
) {
  const keyStore = createMemoryKeyStore()
  const city: Identity = await createDidKey({ keyStore, alg: issuerAlg })
  const citizen: Identity = await createDidKey({ keyStore, alg: holderAlg })
  return { keyStore, city, citizen, resolver: createResolver() }
}

export { residencyCard, residencyInput } from '@civitas/cli/demo'
