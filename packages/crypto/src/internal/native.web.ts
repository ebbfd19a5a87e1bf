import type { PrivateJwk, PublicJwk, SignatureAlgorithm } from '@civitas/core'
import { createKeyCache, publicKeyCacheKey } from './keyCache.js'

// Browsers' WebCrypto verifies Ed25519 and P-256 natively; secp256k1 is not in WebCrypto, so
// ES256K stays on the portable path. Imported CryptoKeys are cached per public key.
const publicKeys = createKeyCache<Promise<CryptoKey>>()
const PARAMS: Partial<
  Record<SignatureAlgorithm, { import: EcKeyImportParams | Algorithm; verify: EcdsaParams | Algorithm }>
> = {
  EdDSA: { import: { name: 'Ed25519' }, verify: { name: 'Ed25519' } },
  ES256: { import: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
}

function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle
}

/** Whether this runtime verifies `alg` natively. */
export function hasNative(alg: SignatureAlgorithm): boolean {
  return subtle() !== undefined && PARAMS[alg] !== undefined
}

/** Verifies with WebCrypto, or returns `undefined` when the runtime lacks the algorithm. */
export function verifyNative(
  jwk: PublicJwk,
  alg: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | Promise<boolean> | undefined {
  const params = PARAMS[alg]
  const webCrypto = subtle()
  if (params === undefined || webCrypto === undefined) return undefined
  const cacheKey = publicKeyCacheKey(jwk)
  let key = publicKeys.get(cacheKey)
  if (key === undefined) {
    const { kty, crv, x } = jwk
    key = webCrypto.importKey(
      'jwk',
      jwk.kty === 'EC' ? { kty, crv, x, y: jwk.y } : { kty, crv, x },
      params.import,
      false,
      ['verify'],
    )
    publicKeys.set(cacheKey, key)
  }
  return key
    .then(
      (cryptoKey) =>
        // WebCrypto takes the signature before the data.
        webCrypto.verify(params.verify, cryptoKey, signature as BufferSource, data as BufferSource),
      () => false,
    )
    .catch(() => false)
}

/** Browsers sign on the portable path: signing is never a verifier's hot path. */
export function signNative(_jwk: PrivateJwk, _alg: SignatureAlgorithm, _data: Uint8Array): undefined {
  return undefined
}
