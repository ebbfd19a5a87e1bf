/**
 * Signatures for Civitas: EdDSA (Ed25519), ES256 (P-256) and ES256K (secp256k1); JWK validation,
 * RFC 7638 thumbprints and multikeys; compact JWS; signers and key stores. Verification runs on the
 * platform's native crypto where it has one and on @noble/curves elsewhere, with the same verdicts.
 *
 * @module
 */
export { algorithmForJwk } from './algorithmForJwk.js'
export { assertKeyId, MAX_KEY_ID_LENGTH } from './assertKeyId.js'
export { assertKeyStoreAlgorithm } from './assertKeyStoreAlgorithm.js'
export { type CreateMemoryKeyStoreOptions, createMemoryKeyStore } from './createMemoryKeyStore.js'
export { type CreateSignerOptions, createSigner } from './createSigner.js'
export { DEFAULT_JWS_MAX_LENGTH, type DecodeJwsOptions, decodeJws } from './decodeJws.js'
export { decodeMultikey } from './decodeMultikey.js'
export { ed25519ToX25519PublicJwk } from './ed25519ToX25519PublicJwk.js'
export { encodeMultikey } from './encodeMultikey.js'
export {
  type GenerateKeyPairOptions,
  type GenerateKeyPairResult,
  generateKeyPair,
} from './generateKeyPair.js'
export { importPublicJwk } from './importPublicJwk.js'
export { jwkThumbprint } from './jwkThumbprint.js'
export { type PublicJwkFromBytesOptions, publicJwkFromBytes } from './publicJwkFromBytes.js'
export { publicKeyToBytes } from './publicKeyToBytes.js'
export { type SignJwsOptions, signJws } from './signJws.js'
export { type SignWithJwkOptions, signWithJwk } from './signWithJwk.js'
export { type ToLowSSignatureOptions, toLowSSignature } from './toLowSSignature.js'
export type { CreateKeyOptions, DecodedJws, ImportKeyOptions, KeyInfo, KeyStore, Signer } from './types.js'
export { type VerifyJwsOptions, verifyJws } from './verifyJws.js'
export { type VerifySignatureOptions, verifySignature } from './verifySignature.js'
export { verifySignatureNative } from './verifySignatureNative.js'
export { verifySignaturePortable } from './verifySignaturePortable.js'
