import { CivitasError, type Clock, type JsonObject, type JsonValue, type PublicJwk } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import { createResolver, type Identity, type Resolvable } from '@civitas/did'
import type { ClaimPath } from '../../types.js'
import { concealClaims } from './concealClaims.js'
import { SD_ALG } from './hashDigest.js'
import { SD_JWT_VC_RESERVED, SD_JWT_VC_TYP } from './readSdJwtVc.js'
import { resolveHolderKey } from './resolveHolderKey.js'

/** The default number of decoys per `_sd`: each gets between 1 and 3. */
export const DEFAULT_DECOYS = 3
const SD_JWT_NAMES = new Set(['_sd', '_sd_alg', '...'])

/** What {@link issueSdJwtVc} needs from `issueCredential`'s options. */
export interface IssueSdJwtVcOptions {
  issuer: Identity
  credential: JsonObject
  disclosable?: readonly ClaimPath[]
  decoys?: number
  holder?: string | PublicJwk
  resolver?: Resolvable
  validFor?: number
  clock: Clock
  /** Adds always-visible claims once every check has passed (the `status` claim). */
  extraClaims?: () => Promise<JsonObject>
}

/**
 * Issues an SD-JWT VC (`typ: dc+sd-jwt`): the claims with `iss`, `iat`, `exp` and `cnf.jwk`
 * (the holder's key), the disclosable ones replaced by salted digests with decoys, `_sd_alg:
 * sha-256`, signed by the issuer's `kid`, followed by every disclosure.
 *
 * @throws `ERR_CREDENTIAL_INVALID`, `ERR_ISSUER_MISMATCH`, `ERR_INVALID_ARGUMENT`, the holder
 *   key's and the signer's errors.
 */
export async function issueSdJwtVc(options: IssueSdJwtVcOptions): Promise<string> {
  const { issuer, credential, validFor, decoys = DEFAULT_DECOYS } = options
  const { iss, cnf, vct, ...claims } = credential
  if (typeof vct !== 'string' || vct.length === 0) invalid('an SD-JWT VC needs a vct (its type)')
  if (iss !== undefined && iss !== issuer.did) {
    throw new CivitasError(
      'ERR_ISSUER_MISMATCH',
      'the credential names another issuer than the signing identity',
    )
  }
  if (cnf !== undefined) invalid('cnf is set from the holder option, not given as a claim')
  rejectSdJwtNames(claims)
  if (!Number.isSafeInteger(decoys) || decoys < 0 || decoys > 32) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'decoys: expected an integer from 0 to 32')
  }
  const holder = options.holder ?? (typeof claims.sub === 'string' ? claims.sub : undefined)
  const jwk = await resolveHolderKey(holder, options.resolver ?? createResolver())
  if (claims.status !== undefined && options.extraClaims !== undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'credential: has a status claim already; drop it or the status option',
    )
  }
  const iat = Math.floor(options.clock() / 1000)
  const exp = claims.exp ?? (validFor === undefined ? undefined : iat + Math.ceil(validFor / 1000))
  const full: JsonObject = {
    iss: issuer.did,
    iat,
    ...(exp === undefined ? {} : { exp }),
    vct,
    ...claims,
    cnf: { jwk: { ...jwk } },
  }
  const { payload, disclosures } = concealClaims(full, {
    disclosable: options.disclosable ?? [],
    reserved: SD_JWT_VC_RESERVED,
    decoys,
  })
  if (disclosures.length > 0) payload._sd_alg = SD_ALG
  // Added once every check has passed, so no status entry is wasted on a refused credential; such
  // claims (status) are never disclosable, so they go straight into the payload.
  Object.assign(payload, await options.extraClaims?.())
  const jwt = await signJws({
    header: { typ: SD_JWT_VC_TYP, kid: issuer.kid },
    payload,
    signer: issuer.signer,
  })
  return `${jwt}~${disclosures.map((disclosure) => `${disclosure}~`).join('')}`
}

function rejectSdJwtNames(value: JsonValue): void {
  if (Array.isArray(value)) {
    for (const element of value) rejectSdJwtNames(element)
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, member] of Object.entries(value)) {
      if (SD_JWT_NAMES.has(name)) invalid(`the claim name ${name} is reserved by SD-JWT`)
      rejectSdJwtNames(member)
    }
  }
}

function invalid(message: string): never {
  throw new CivitasError('ERR_CREDENTIAL_INVALID', message)
}
