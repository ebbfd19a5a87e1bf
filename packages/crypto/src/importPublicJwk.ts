import { CivitasError, decodeBase64url, describeValue, type PublicJwk } from '@civitas/core'
import { uncompressedEcPoint } from '#points'
import { ed25519PublicKeyY } from './internal/ed25519Point.js'

const COORDINATE_LENGTH = 32
const UNSUPPORTED_KEY_TYPES = new Set(['RSA', 'oct'])

/**
 * Validates an untrusted public JWK and returns it in canonical form (`kty`, `crv`, `x` and, for EC
 * keys, `y`; every other member dropped). EC points must lie on their curve; Ed25519 points must be
 * canonically encoded and not of small order (under one of the eight torsion points a signature with
 * S = 0 verifies for any message). A key that passes can be used without further checks.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-4 (JWK),
 *   https://www.rfc-editor.org/rfc/rfc7518#section-6.2.1 (EC public keys),
 *   https://www.rfc-editor.org/rfc/rfc8037#section-2 (OKP keys)
 * @throws `ERR_JWK_PRIVATE_MATERIAL` when the JWK carries `d` (or any RSA private member);
 *   `ERR_ALGORITHM_UNSUPPORTED` for key types and curves Civitas does not use (RSA, `oct`, P-384,
 *   P-521, X448, ...); `ERR_JWK_INVALID` for anything malformed or off-curve, and for Ed25519 points
 *   of small order or in a non-canonical encoding.
 * @example
 * ```ts
 * import { importPublicJwk } from '@civitas/crypto'
 *
 * const jwk = importPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
 * ```
 */
export function importPublicJwk(value: unknown): PublicJwk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CivitasError('ERR_JWK_INVALID', `JWK: expected an object, received ${describeValue(value)}`)
  }
  const jwk = value as Record<string, unknown>
  for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
    if (member in jwk && (member !== 'k' || jwk.kty === 'oct')) {
      throw new CivitasError('ERR_JWK_PRIVATE_MATERIAL', `JWK: carries private member "${member}"`)
    }
  }
  const { kty, crv } = jwk
  if (typeof kty === 'string' && UNSUPPORTED_KEY_TYPES.has(kty)) unsupported(`key type ${kty}`)
  if (kty === 'OKP') return importOkp(crv, jwk.x)
  if (kty === 'EC') return importEc(crv, jwk.x, jwk.y)
  throw new CivitasError('ERR_JWK_INVALID', `JWK: expected kty "OKP" or "EC", received ${describeValue(kty)}`)
}

function importOkp(crv: unknown, x: unknown): PublicJwk {
  if (crv !== 'Ed25519' && crv !== 'X25519') {
    if (typeof crv === 'string' && (crv === 'Ed448' || crv === 'X448')) unsupported(`curve ${crv}`)
    throw new CivitasError(
      'ERR_JWK_INVALID',
      `JWK: expected crv "Ed25519" or "X25519", received ${describeValue(crv)}`,
    )
  }
  const bytes = coordinate('x', x)
  if (crv === 'Ed25519' && ed25519PublicKeyY(bytes) === undefined)
    throw new CivitasError('ERR_JWK_INVALID', 'JWK: x is no canonical Ed25519 point of large order')
  return { kty: 'OKP', crv, x: x as string }
}

function importEc(crv: unknown, x: unknown, y: unknown): PublicJwk {
  if (crv !== 'P-256' && crv !== 'secp256k1') {
    if (crv === 'P-384' || crv === 'P-521') unsupported(`curve ${crv}`)
    throw new CivitasError(
      'ERR_JWK_INVALID',
      `JWK: expected crv "P-256" or "secp256k1", received ${describeValue(crv)}`,
    )
  }
  const point = new Uint8Array(1 + 2 * COORDINATE_LENGTH)
  point[0] = 0x04
  point.set(coordinate('x', x), 1)
  point.set(coordinate('y', y), 1 + COORDINATE_LENGTH)
  try {
    uncompressedEcPoint(crv, point)
  } catch (cause) {
    throw new CivitasError('ERR_JWK_INVALID', `JWK: (x, y) is not a point on ${crv}`, { cause })
  }
  return { kty: 'EC', crv, x: x as string, y: y as string }
}

function coordinate(name: string, value: unknown): Uint8Array {
  if (typeof value !== 'string') {
    throw new CivitasError(
      'ERR_JWK_INVALID',
      `JWK: expected ${name} as a base64url string, received ${describeValue(value)}`,
    )
  }
  let bytes: Uint8Array
  try {
    bytes = decodeBase64url(value, { name: `JWK ${name}`, maxLength: 64 })
  } catch (cause) {
    throw new CivitasError('ERR_JWK_INVALID', `JWK: ${name} is not canonical base64url`, { cause })
  }
  if (bytes.length !== COORDINATE_LENGTH) {
    throw new CivitasError('ERR_JWK_INVALID', `JWK: expected ${name} of 32 bytes, received ${bytes.length}`)
  }
  return bytes
}

function unsupported(what: string): never {
  throw new CivitasError(
    'ERR_ALGORITHM_UNSUPPORTED',
    `JWK: ${what} is not supported (EdDSA, ES256, ES256K only)`,
  )
}
