export { type AssertBytesOptions, assertBytes } from './assertBytes.js'
export { type AssertStringOptions, assertString } from './assertString.js'
export { type DecodeBase64urlOptions, decodeBase64url } from './decodeBase64url.js'
export { decodeBase64urlJson } from './decodeBase64urlJson.js'
export { decodeUtf8 } from './decodeUtf8.js'
export { describeValue } from './describeValue.js'
export { encodeBase64url } from './encodeBase64url.js'
export { encodeUtf8 } from './encodeUtf8.js'
export {
  type AnyCivitasError,
  CivitasError,
  type CivitasErrorCode,
  type CivitasErrorDetails,
  type CivitasErrorOptions,
} from './errors.js'
export { fixedClock } from './fixedClock.js'
export { isCivitasError } from './isCivitasError.js'
export {
  DEFAULT_JSON_MAX_DEPTH,
  DEFAULT_JSON_MAX_LENGTH,
  type ParseJsonOptions,
  parseJson,
} from './parseJson.js'
export { readNumericDate } from './readNumericDate.js'
export { type ReadResponseTextOptions, readResponseText } from './readResponseText.js'
export { systemClock } from './systemClock.js'
export type {
  Clock,
  Did,
  DidDocument,
  DidService,
  DidUrl,
  JsonObject,
  JsonValue,
  KeyType,
  PrivateJwk,
  PublicEcJwk,
  PublicJwk,
  PublicOkpJwk,
  SignatureAlgorithm,
  VerificationMethod,
  VerificationRelationship,
} from './types.js'
