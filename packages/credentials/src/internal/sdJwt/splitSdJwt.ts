import { CivitasError, describeValue } from '@civitas/core'
import { decodeJws } from '@civitas/crypto'
import type { DecodedSdJwt, DecodeSdJwtOptions } from '../../types.js'
import { decodeDisclosure } from './decodeDisclosure.js'
import { disclosureError } from './disclosureError.js'
import { SD_ALG } from './hashDigest.js'

/** The longest SD-JWT read unless told otherwise, in characters (public as `DEFAULT_SD_JWT_MAX_LENGTH`). */
export const SD_JWT_MAX_LENGTH = 262_144
/** The most disclosures one SD-JWT may carry (public as `MAX_DISCLOSURES`). */
export const SD_JWT_MAX_DISCLOSURES = 512

/**
 * What `decodeSdJwt` does, kept apart from the public module so that verifying code loaded on
 * first use does not pull the public module (and what it re-exports) into an application's first chunk.
 *
 * @throws the codes of `decodeSdJwt`.
 */
export function splitSdJwt(token: string, options: DecodeSdJwtOptions = {}): DecodedSdJwt {
  if (typeof token !== 'string') {
    throw new CivitasError('ERR_JWS_MALFORMED', `SD-JWT: expected a string, received ${describeValue(token)}`)
  }
  const maxLength = options.maxLength ?? SD_JWT_MAX_LENGTH
  if (token.length > maxLength) {
    throw new CivitasError(
      'ERR_INPUT_TOO_LARGE',
      `SD-JWT: ${token.length} characters exceed the limit of ${maxLength}`,
      { details: { length: token.length, maxLength } },
    )
  }
  const parts = token.split('~')
  if (parts.length < 2) {
    throw new CivitasError('ERR_JWS_MALFORMED', 'SD-JWT: expected <JWT>~<disclosures>~, found no ~')
  }
  if (parts.length - 2 > SD_JWT_MAX_DISCLOSURES) {
    disclosureError('tooMany', `SD-JWT: more than ${SD_JWT_MAX_DISCLOSURES} disclosures`)
  }
  const last = parts[parts.length - 1] as string
  const jwt = decodeJws(parts[0] as string, { maxLength })
  const alg = jwt.payload._sd_alg
  if (alg !== undefined && alg !== SD_ALG) {
    disclosureError('sdAlg', `_sd_alg ${describeValue(alg)} is not accepted; only ${SD_ALG}`)
  }
  const disclosures = parts.slice(1, -1).map((encoded) => decodeDisclosure(encoded))
  const sdJwt = token.slice(0, token.length - last.length)
  return {
    jwt,
    disclosures,
    sdJwt,
    ...(last === '' ? {} : { keyBinding: decodeJws(last, { maxLength }) }),
  }
}
