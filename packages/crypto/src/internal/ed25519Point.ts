// Ed25519 point decoding (RFC 8032 §5.1.3) in BigInt arithmetic: enough to refuse bytes that are no
// point and to map a point to X25519, without loading a curve library on the verification path.

const P = 2n ** 255n - 19n
/** d = -121665 / 121666 mod p. */
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n

function mod(value: bigint): bigint {
  const result = value % P
  return result < 0n ? result + P : result
}

/** (p − 5) / 8 in binary, most significant bit first: the one exponent point decoding needs. */
const ROOT_EXPONENT_BITS = ((P - 5n) / 8n).toString(2)

/** base^((p − 5) / 8) mod p, left to right over the exponent's bits. */
function rootPower(base: bigint): bigint {
  let result = 1n
  for (const bit of ROOT_EXPONENT_BITS) {
    result = (result * result) % P
    if (bit === '1') result = (result * base) % P
  }
  return result
}

/** The inverse mod p by the extended Euclidean algorithm (far quicker than a^(p-2) in BigInt). */
function invert(value: bigint): bigint {
  let [a, b] = [mod(value), P]
  let [x, previous] = [1n, 0n]
  while (a > 1n) {
    const quotient = b / a
    ;[a, b] = [b - quotient * a, a]
    ;[x, previous] = [previous - quotient * x, x]
  }
  return mod(x)
}

function toLittleEndian(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  let rest = value
  for (let index = 0; index < 32; index++) {
    bytes[index] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}

/**
 * The y coordinate of the Ed25519 point `bytes` encode, or undefined when they encode none: the
 * length is not 32, y is not below p, x² = (y² − 1) / (d·y² + 1) has no root, or x = 0 with its
 * sign bit set. The same points `@noble/curves` accepts without ZIP-215 leniency.
 */
function ed25519PointY(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== 32) return undefined
  let y = 0n
  for (let index = 31; index >= 0; index--) y = (y << 8n) | BigInt(bytes[index] ?? 0)
  const sign = y >> 255n
  y &= (1n << 255n) - 1n
  if (y >= P) return undefined
  const y2 = (y * y) % P
  const u = mod(y2 - 1n)
  const v = mod(D * y2 + 1n)
  if (u === 0n) return sign === 1n ? undefined : y
  // RFC 8032 §5.1.3: one exponentiation gives the candidate root x = u·v³·(u·v⁷)^((p−5)/8).
  const v3 = (((v * v) % P) * v) % P
  const v7 = (((v3 * v3) % P) * v) % P
  const x = (((u * v3) % P) * rootPower((u * v7) % P)) % P
  const vx2 = (((v * x) % P) * x) % P
  if (vx2 === u) return y
  // Then x·√−1 is the root: a root exists either way.
  return vx2 === mod(-u) ? y : undefined
}

/**
 * The y coordinates of the eight points of small order (the torsion subgroup): the identity (y = 1),
 * the point of order 2 (y = −1), the two of order 4 (y = 0) and the four of order 8 (y = ±Y8, each
 * with both signs of x). A point has small order exactly when its y is one of these.
 */
const Y8 = 0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826n
const SMALL_ORDER_Y = new Set([0n, 1n, P - 1n, Y8, P - Y8])

/**
 * The y coordinate of the Ed25519 public key `bytes` encode, or undefined unless they are the
 * canonical encoding of a point (RFC 8032 §5.1.3 without leniency) that is not of small order.
 * Under a key of small order a signature with S = 0 verifies for any message on OpenSSL, so such a
 * key proves nothing.
 */
export function ed25519PublicKeyY(bytes: Uint8Array): bigint | undefined {
  const y = ed25519PointY(bytes)
  return y === undefined || SMALL_ORDER_Y.has(y) ? undefined : y
}

/**
 * The X25519 (Montgomery u) public key of an Ed25519 public key's y: u = (1 + y) / (1 − y); y = 1
 * is the identity, never a public key.
 */
export function montgomeryU(y: bigint): Uint8Array {
  return toLittleEndian(mod((1n + y) * invert(mod(1n - y))))
}
