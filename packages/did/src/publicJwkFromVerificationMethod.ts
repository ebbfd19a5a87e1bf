import { CivitasError, type KeyType, type PublicJwk, type VerificationMethod } from '@civitas/core'
import { decodeMultikey, importPublicJwk, publicJwkFromBytes } from '@civitas/crypto'
import { base58btc } from 'multiformats/bases/base58'
import { accountAddress } from './internal/accountAddress.js'
import type { SignedBytes } from './types.js'

/** Curves of the older suite types that carry `publicKeyBase58`. */
const CURVE_OF_BASE58_TYPE: Record<string, KeyType> = {
  Ed25519VerificationKey2018: 'Ed25519',
  X25519KeyAgreementKey2019: 'X25519',
  EcdsaSecp256k1VerificationKey2019: 'secp256k1',
  P256Key2021: 'P-256',
  Secp256k1VerificationKey2018: 'secp256k1',
}

/**
 * The validated public JWK of a verification method, whichever way the document encodes it:
 * `publicKeyJwk` (JsonWebKey2020, JsonWebKey), `publicKeyMultibase` (Multikey,
 * Ed25519VerificationKey2020, X25519KeyAgreementKey2020) or `publicKeyBase58` (the 2018/2019 suites).
 * A method that names an Ethereum account instead of a key (`blockchainAccountId` `eip155:…`, as
 * did:ethr's `EcdsaSecp256k1RecoveryMethod2020`, or `ethereumAddress`) yields the key recovered
 * from `signed`, and only when that key's address is the account's.
 *
 * @see https://www.w3.org/TR/did-1.0/#verification-material and https://www.w3.org/TR/cid-1.0/#Multikey
 * @throws `ERR_JWK_PRIVATE_MATERIAL` when the method carries a private key; `ERR_KEY_INVALID`
 *   when it has no usable public key (or names an account and no `signed` is given);
 *   `ERR_SIGNATURE_INVALID` when the account did not make `signed`; `ERR_ALGORITHM_MISMATCH` when
 *   `signed` is not ES256K; the codes of `importPublicJwk` and `decodeMultikey`.
 * @example
 * ```ts
 * import { createResolver, publicJwkFromVerificationMethod, resolveDidDocument } from '@civitas/did'
 *
 * const resolver = createResolver()
 * const didDocument = await resolveDidDocument(resolver, 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp')
 * const [method] = didDocument.verificationMethod ?? []
 * if (method) publicJwkFromVerificationMethod(method) // { kty: 'OKP', crv: 'Ed25519', x: '…' }
 * ```
 */
export async function publicJwkFromVerificationMethod(
  method: VerificationMethod,
  signed?: SignedBytes,
): Promise<PublicJwk> {
  if (typeof method !== 'object' || method === null)
    throw new CivitasError('ERR_KEY_INVALID', 'expected a verification method')
  if ('privateKeyJwk' in method || 'privateKeyMultibase' in method || 'privateKeyBase58' in method) {
    throw new CivitasError('ERR_JWK_PRIVATE_MATERIAL', 'the verification method carries a private key')
  }
  if (method.publicKeyJwk !== undefined) return importPublicJwk(method.publicKeyJwk)
  if (typeof method.publicKeyMultibase === 'string') return decodeMultikey(method.publicKeyMultibase)
  const curve = CURVE_OF_BASE58_TYPE[String(method.type)]
  if (
    typeof method.publicKeyBase58 === 'string' &&
    curve !== undefined &&
    method.publicKeyBase58.length <= 100
  ) {
    try {
      return publicJwkFromBytes({ crv: curve, bytes: base58btc.baseDecode(method.publicKeyBase58) })
    } catch (cause) {
      throw new CivitasError('ERR_KEY_INVALID', 'publicKeyBase58 is not a valid key', { cause })
    }
  }
  const address = accountAddress(method)
  // Recovery (secp256k1 and Keccak) loads with the first account-based method, not with every verifier.
  if (address !== undefined && signed !== undefined)
    return (await import('./internal/accountKey.js')).recoverAccountKey(address, signed)
  throw new CivitasError(
    'ERR_KEY_INVALID',
    `verification method of type ${String(method.type).slice(0, 64)} has no usable public key`,
  )
}
