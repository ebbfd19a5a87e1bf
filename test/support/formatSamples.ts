import { fixedClock } from '@civitas/core'
import { type CredentialFormat, createPresentation, issueCredential } from '@civitas/credentials'
import { createParties, NOW, residencyCard, YEAR } from './parties.js'

/** The audience and nonce every sample presentation is bound to. */
export const SAMPLE_AUDIENCE = 'https://gate.example'
export const SAMPLE_NONCE = 'n-4fT9sQ2wLm'
export const sampleClock = fixedClock(NOW)

/**
 * A real credential and a real presentation of it in `format`, by a city for a citizen: what the
 * format table's tests run through every registered format. A format without a sample here fails
 * those tests, so a new format comes with its sample.
 */
export async function formatSamples(format: CredentialFormat) {
  const parties = await createParties()
  const { city, citizen } = parties
  const sdJwt = format === 'dc+sd-jwt'
  const { token: credential } = await issueCredential({
    issuer: city,
    format,
    clock: sampleClock,
    validFor: YEAR,
    ...(sdJwt
      ? {
          credential: { vct: 'ResidencyCard', sub: citizen.did, given_name: 'Mari', locality: 'Tartu' },
          disclosable: ['given_name', 'locality'],
        }
      : { credential: residencyCard(citizen.did) }),
  })
  const { token: presentation } = await createPresentation({
    holder: citizen,
    credentials: [credential],
    audience: SAMPLE_AUDIENCE,
    nonce: SAMPLE_NONCE,
    clock: sampleClock,
    format,
    ...(sdJwt ? { disclose: ['locality'] } : {}),
  })
  return { ...parties, credential, presentation }
}
