import { fixedClock, type PublicJwk } from '@civitas/core'
import { type CredentialFormat, createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { type CheckExpectations, createVerifier, type TrustPolicy, type Verifier } from '@civitas/verifier'
import { NOW, residencyCard, YEAR } from '../support/parties.js'
import { type LayeredToken, layerToken } from './layeredToken.js'

/** The SD-JWT VC type the pool issues. */
export const FUZZ_VCT = 'urn:civitas:vct:fuzz-pass:1'
/** The audience and nonce every pooled presentation is bound to. */
export const AUDIENCE = 'https://gate.example'
export const NONCE = 'n-fuzz-0S6_WzA2Mj'

/** A signed token the fuzzer mutates, with what a verifier is asked about it. */
export interface PoolEntry {
  /** `vc+jwt`, `jwt_vc_json`, `dc+sd-jwt`, `dc+sd-jwt (no disclosures)`, `vp+jwt`, `jwt_vc_json vp`, `dc+sd-jwt+kb`. */
  name: string
  format: CredentialFormat
  kind: 'credential' | 'presentation'
  token: string
  expectations: CheckExpectations
  /** The token taken apart for claim-level mutations. */
  layered: LayeredToken
  /** The credential embedded in a JWT presentation, exactly as it appears there. */
  embedded?: string
}

/** The parties, the verifier and the signed tokens of one fuzz run. */
export interface FuzzPool {
  now: number
  trust: Record<string, string[]>
  verifier: Verifier
  parties: { city: Identity; registry: Identity; clinic: Identity; citizen: Identity; stranger: Identity }
  entries: PoolEntry[]
  /** The public key of `stranger`, a party no credential names. */
  strangerJwk: PublicJwk
}

/** The verifier every fuzz case runs against: did:key / did:jwk only, a fixed clock, trust per type. */
export function createFuzzVerifier(
  now: number,
  trust: Readonly<Record<string, readonly string[]>>,
): Verifier {
  return createVerifier({
    resolver: createResolver(),
    clock: fixedClock(now),
    trust: trust satisfies TrustPolicy,
  })
}

/**
 * Signs one token of every format once per run (keys are made once, so a run spends its time
 * verifying): credentials in `vc+jwt`, `jwt_vc_json` and `dc+sd-jwt` (with and without disclosures) and
 * presentations of each (`vp+jwt`, a `jwt_vc_json` presentation, SD-JWT+KB), all valid at `NOW`.
 */
export async function createFuzzPool(): Promise<FuzzPool> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()
  const clock = fixedClock(NOW)
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const registry = await createDidKey({ keyStore, alg: 'ES256' })
  const clinic = await createDidKey({ keyStore, alg: 'ES256K' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const stranger = await createDidKey({ keyStore, alg: 'EdDSA' })
  const trust = {
    ResidencyCard: [city.did, registry.did],
    [FUZZ_VCT]: [city.did],
    QuarantinePass: [clinic.did],
  }
  const verifier = createFuzzVerifier(NOW, trust)
  const residency = residencyCard(citizen.did)
  const issue = async (issuer: Identity, format: CredentialFormat, disclosable?: string[]) =>
    (
      await issueCredential({
        issuer,
        format,
        clock,
        validFor: YEAR,
        ...(format === 'dc+sd-jwt'
          ? {
              credential: {
                vct: FUZZ_VCT,
                sub: citizen.did,
                given_name: 'Mari',
                family_name: 'Tamm',
                age_equal_or_over: { '18': true, '21': true },
              },
              holder: citizen.did,
              resolver,
              ...(disclosable === undefined ? {} : { disclosable }),
            }
          : { credential: residency }),
      })
    ).token
  const present = async (credential: string, format?: CredentialFormat) =>
    (
      await createPresentation({
        holder: citizen,
        credentials: [credential],
        audience: AUDIENCE,
        nonce: NONCE,
        clock,
        ...(format === undefined ? {} : { format }),
        ...(credential.includes('~') ? { disclose: ['given_name', 'age_equal_or_over.18'] } : {}),
      })
    ).token
  const vcJwt = await issue(city, 'vc+jwt')
  const jwtVcJson = await issue(registry, 'jwt_vc_json')
  const sdJwt = await issue(city, 'dc+sd-jwt', [
    'given_name',
    'family_name',
    'age_equal_or_over.18',
    'age_equal_or_over.21',
  ])
  const bareSdJwt = await issue(city, 'dc+sd-jwt')
  const residencyTypes = { types: ['ResidencyCard'] }
  const passTypes = { types: [FUZZ_VCT] }
  const bound = { audience: AUDIENCE, nonce: NONCE }
  const entry = (
    name: string,
    format: CredentialFormat,
    token: string,
    issuer: Identity,
    expectations: CheckExpectations,
    embedded?: string,
  ): PoolEntry => ({
    name,
    format,
    kind:
      embedded !== undefined || (token.includes('~') && !token.endsWith('~')) ? 'presentation' : 'credential',
    token,
    expectations,
    layered: layerToken(token, issuer.signer, citizen.signer, embedded),
    ...(embedded === undefined ? {} : { embedded }),
  })
  const entries = [
    entry('vc+jwt', 'vc+jwt', vcJwt, city, residencyTypes),
    entry('jwt_vc_json', 'jwt_vc_json', jwtVcJson, registry, residencyTypes),
    entry('dc+sd-jwt', 'dc+sd-jwt', sdJwt, city, passTypes),
    entry('dc+sd-jwt (no disclosures)', 'dc+sd-jwt', bareSdJwt, city, passTypes),
    entry('vp+jwt', 'vc+jwt', await present(vcJwt), city, { ...bound, ...residencyTypes }, vcJwt),
    entry(
      'jwt_vc_json vp',
      'jwt_vc_json',
      await present(jwtVcJson, 'jwt_vc_json'),
      registry,
      { ...bound, ...residencyTypes },
      jwtVcJson,
    ),
    entry('dc+sd-jwt+kb', 'dc+sd-jwt', await present(sdJwt), city, { ...bound, ...passTypes }),
  ]
  // Every label assumes the untouched tokens pass; a pool that does not is a broken harness.
  for (const { name, token, expectations } of entries) {
    const report = await verifier.check(token, expectations)
    if (!report.ok) throw new Error(`fuzz pool: ${name} does not verify (${report.error?.code})`)
  }
  const [strangerKey] = (await keyStore.listKeys()).slice(-1)
  return {
    now: NOW,
    trust,
    verifier,
    parties: { city, registry, clinic, citizen, stranger },
    entries,
    strangerJwk: strangerKey?.publicJwk as PublicJwk,
  }
}
