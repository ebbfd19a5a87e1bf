import { CivitasError } from '@civitas/core'
import { defaultCredentialFormat } from './formats/credentialFormats.js'
import { checkSigningOptions } from './internal/checkSigningOptions.js'
import type { IssueCredentialOptions, IssueCredentialResult } from './types.js'

/**
 * Signs a credential as `vc+jwt` (VC 2.0 secured with JOSE: the claims set is the credential),
 * `jwt_vc_json` (the VC 1.1 JWT of did-jwt-vc) or `dc+sd-jwt` (SD-JWT VC: salted disclosures for
 * the `disclosable` claims, decoys, `_sd_alg: sha-256`, the holder's key in `cnf.jwk`). A VC is
 * checked against its JSON Schema when it names a known one, so an issuer cannot sign what
 * verifiers would refuse.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9901 (SD-JWT) and draft-ietf-oauth-sd-jwt-vc
 *
 * @throws `ERR_ISSUER_MISMATCH` when the credential names another issuer; `ERR_CREDENTIAL_INVALID`
 *   for a malformed credential; `ERR_SCHEMA_INVALID`; `ERR_INVALID_ARGUMENT` for a disclosable
 *   path that names no claim or a reserved one, SD-JWT options with another format, an unknown
 *   `format`, a `validFor` that is not a positive number, or a `status` whose lists do not fit
 *   the format (see `listFormat`); the
 *   holder key's (`ERR_JWK_*`, `ERR_DID_*`) and the signer's errors.
 * @example
 * ```ts
 * import { issueCredential } from '@civitas/credentials'
 * import { residency } from '@civitas/credentials/templates'
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidKey } from '@civitas/did/key'
 *
 * const keyStore = createMemoryKeyStore()
 * const city = await createDidKey({ keyStore, alg: 'EdDSA' })
 * const citizen = await createDidKey({ keyStore, alg: 'ES256' })
 * const { token } = await issueCredential({
 *   issuer: city,
 *   credential: residency.build({
 *     subject: citizen.did, givenName: 'Mari', familyName: 'Tamm', birthDate: '1990-04-12', nationality: 'EE',
 *     residencyStatus: 'permanent', residentSince: '2015-09-01', issuingCity: 'Tartu', documentNumber: 'TRT-000417',
 *     address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
 *   }),
 *   validFor: 365 * 24 * 3600 * 1000,
 * })
 *
 * const { token: sdJwt } = await issueCredential({
 *   issuer: city,
 *   format: 'dc+sd-jwt',
 *   credential: { vct: 'urn:civitas:vct:library-card:1', sub: citizen.did, given_name: 'Mari', locality: 'Tartu' },
 *   disclosable: ['given_name', 'locality'],
 * })
 * ```
 */
export async function issueCredential(options: IssueCredentialOptions): Promise<IssueCredentialResult> {
  const { credential, format = defaultCredentialFormat.format, validFor } = options
  const module = checkSigningOptions(format, validFor)
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new CivitasError('ERR_CREDENTIAL_INVALID', 'credential: expected a JSON object')
  }
  return module.issue(options)
}
