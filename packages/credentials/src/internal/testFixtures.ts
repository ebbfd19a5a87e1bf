import type { SignatureAlgorithm } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { residency } from '../templates/residency.js'

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

/** The demo's residency card for `subject`. */
export function residencyCard(subject: string) {
  return residency.build({
    subject,
    givenName: 'Mari',
    familyName: 'Tamm',
    birthDate: '1990-04-12',
    nationality: 'EE',
    residencyStatus: 'permanent',
    residentSince: '2015-09-01',
    address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
    issuingCity: 'Tartu',
    documentNumber: 'TRT-2026-000417',
  })
}
