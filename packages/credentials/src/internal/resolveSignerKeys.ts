import {
  CivitasError,
  type CivitasErrorCode,
  type PublicJwk,
  type VerificationRelationship,
} from '@civitas/core'
import { algorithmForJwk } from '@civitas/crypto'
import {
  findVerificationMethod,
  publicJwkFromVerificationMethod,
  type Resolvable,
  resolveDidDocument,
  resolveVerificationKey,
  type SignedBytes,
} from '@civitas/did'

/** A key that may have signed a token, with the DID URL it came from. */
export interface SignerKey {
  publicJwk: PublicJwk
  kid: string
}

const MAX_CANDIDATES = 8

/**
 * The keys a token's signature must verify with: the one `kid` names, which must belong to `did`
 * and be listed under `relationship`; or, for tokens without `kid` (did-jwt's default), every key
 * of that relationship whose curve matches `alg`. Methods that name a blockchain account (did:ethr)
 * yield the key recovered from `signed`, when it is the account's.
 *
 * @throws `mismatch` when `kid` names another DID's key; the codes of DID resolution.
 */
export async function resolveSignerKeys(options: {
  resolver: Resolvable
  did: string
  kid: unknown
  alg: string
  relationship: VerificationRelationship
  mismatch: CivitasErrorCode
  signed: SignedBytes
}): Promise<SignerKey[]> {
  const { resolver, did, kid, alg, relationship, mismatch, signed } = options
  if (kid !== undefined) {
    if (typeof kid !== 'string') throw new CivitasError('ERR_JWS_HEADER_INVALID', 'kid must be a string')
    const absolute = kid.startsWith('#') ? `${did}${kid}` : kid
    if (!absolute.startsWith(`${did}#`)) {
      throw new CivitasError(
        mismatch,
        `the key ${kid.slice(0, 120)} does not belong to ${did.slice(0, 120)}`,
        {
          details: { kid: kid.slice(0, 200), did: did.slice(0, 200) },
        },
      )
    }
    const { publicJwk } = await resolveVerificationKey({
      resolver,
      kid: absolute,
      did,
      relationship,
      signed,
    })
    return [{ publicJwk, kid: absolute }]
  }
  const document = await resolveDidDocument(resolver, did)
  const keys: SignerKey[] = []
  for (const entry of document[relationship] ?? []) {
    const id = typeof entry === 'string' ? entry : entry.id
    try {
      const publicJwk = await publicJwkFromVerificationMethod(
        findVerificationMethod(document, id, relationship),
        signed,
      )
      if (algorithmForJwk(publicJwk) === alg)
        keys.push({ publicJwk, kid: id.startsWith('#') ? `${did}${id}` : id })
    } catch {
      // Keys Civitas cannot use (other curves, key agreement) are simply not candidates.
    }
    if (keys.length === MAX_CANDIDATES) break
  }
  if (keys.length === 0) {
    throw new CivitasError(
      'ERR_VERIFICATION_METHOD_NOT_FOUND',
      `${did.slice(0, 120)} has no ${alg} key under ${relationship}`,
    )
  }
  return keys
}
