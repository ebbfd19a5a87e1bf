// Ed25519 point decoding (RFC 8032 §5.1.3) in BigInt arithmetic: enough to refuse bytes that are no
// point and to map a point to X25519, without loading a curve library on the verification path.

const P = 2n ** 255n - 19n
/** d = -121665 / 121666 mod p. */
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n

function mod(value: bigint): bigint {
  const result = value % P
  return result < 0n ? result + P : result
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n
  let square = mod(base)
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % P
    square = (square * square) % P
  }
  return result
}

function invert(value: bigint): bigint {
  return power(value, P - 2n)
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
export function ed25519PointY(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== 32) return undefined
  let y = 0n
  for (let index = 31; index >= 0; index--) y = (y << 8n) | BigInt(bytes[index] ?? 0)
  const sign = y >> 255n
  y &= (1n << 255n) - 1n
  if (y >= P) return undefined
  const y2 = (y * y) % P
  const x2 = mod((y2 - 1n) * invert(mod(D * y2 + 1n)))
  if (x2 === 0n) return sign === 1n ? undefined : y
  // Euler's criterion: x² must be a square for x to exist.
  return power(x2, (P - 1n) / 2n) === 1n ? y : undefined
}

/** The X25519 (Montgomery u) public key of an Ed25519 point's y: u = (1 + y) / (1 − y). */
export function montgomeryU(y: bigint): Uint8Array | undefined {
  if (y === 1n) return undefined
  return toLittleEndian(mod((1n + y) * invert(mod(1n - y))))
}
