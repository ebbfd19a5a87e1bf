import { CivitasError, isCivitasError, type PublicJwk, readNumericDate } from '@civitas/core'
import { algorithmForJwk, verifyJws } from '@civitas/crypto'
import type { DecodedSdJwt } from '../../types.js'
import { checkAlgorithm } from '../checkAlgorithm.js'
import type { PresentationClaims } from '../readPresentation.js'
import { hashDigest } from './hashDigest.js'

/** The `typ` of a key-binding JWT (RFC 9901 §4.3). */
export const KB_JWT_TYP = 'kb+jwt'

/**
 * Verifies an SD-JWT's key-binding JWT (RFC 9901 §7.3): `typ: kb+jwt`, signed by the holder key
 * the issuer put in `cnf`, with an algorithm that key allows, and `sd_hash` over exactly the
 * presented `<JWT>~<D1>~…~`. Audience, nonce and freshness are left to the caller, which gets them
 * back in the shape the presentation checks take.
 *
 * @throws `ERR_KEY_BINDING_MISSING`; `ERR_KEY_BINDING_INVALID` (with `details.reason`);
 *   `ERR_ALGORITHM_UNSUPPORTED`; `ERR_ALGORITHM_MISMATCH`; `ERR_TOKEN_TIME_OUT_OF_RANGE`.
 */
export async function verifyKeyBinding(
  decoded: DecodedSdJwt,
  holderKey: PublicJwk | undefined,
): Promise<Pick<PresentationClaims, 'audience' | 'nonce' | 'issuedAt'> & { holderKey: PublicJwk }> {
  const { keyBinding } = decoded
  if (keyBinding === undefined) {
    throw new CivitasError('ERR_KEY_BINDING_MISSING', 'the SD-JWT has no key-binding JWT')
  }
  if (holderKey === undefined) invalid('noHolderKey', 'the credential binds no holder key (cnf.jwk)')
  if (keyBinding.header.typ !== KB_JWT_TYP) invalid('typ', `a key-binding JWT must have typ ${KB_JWT_TYP}`)
  const alg = checkAlgorithm(keyBinding.header.alg)
  if (alg !== algorithmForJwk(holderKey)) {
    throw new CivitasError('ERR_ALGORITHM_MISMATCH', `the holder key does not sign with ${alg}`)
  }
  try {
    await verifyJws(keyBinding, { publicJwk: holderKey, algorithms: [alg] })
  } catch (error) {
    if (!isCivitasError(error) || error.code !== 'ERR_SIGNATURE_INVALID') throw error
    invalid('signature', 'the key-binding JWT is not signed by the holder key', error)
  }
  const { sd_hash, aud, nonce, iat } = keyBinding.payload
  if (sd_hash !== hashDigest(decoded.sdJwt)) {
    invalid('sdHash', 'sd_hash does not match the presented SD-JWT')
  }
  if (typeof aud !== 'string') invalid('aud', 'a key-binding JWT needs a string aud')
  if (typeof nonce !== 'string') invalid('nonce', 'a key-binding JWT needs a string nonce')
  if (typeof iat !== 'number' || !Number.isFinite(iat)) invalid('iat', 'a key-binding JWT needs an iat')
  return { audience: [aud], nonce, issuedAt: readNumericDate(iat, 'iat'), holderKey }
}

function invalid(reason: string, message: string, cause?: unknown): never {
  throw new CivitasError('ERR_KEY_BINDING_INVALID', message, {
    details: { reason },
    ...(cause === undefined ? {} : { cause }),
  })
}
