// EC points in BigInt arithmetic, for browsers: both curves have p ≡ 3 (mod 4), so a square root
// is one exponentiation, and both have prime order, so a point on the curve is a valid key.
const CURVES = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  secp256k1: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn,
    a: 0n,
    b: 7n,
  },
} as const

function power(base: bigint, exponent: bigint, p: bigint): bigint {
  let result = 1n
  let square = base % p
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % p
    square = (square * square) % p
  }
  return result
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

function toBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32)
  let rest = value
  for (let index = 31; index >= 0; index--) {
    bytes[index] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return bytes
}

/** The 65-byte uncompressed form of a 33- or 65-byte point on `crv`; throws when it is no point. */
export function uncompressedEcPoint(crv: 'P-256' | 'secp256k1', point: Uint8Array): Uint8Array {
  const { p, a, b } = CURVES[crv]
  const prefix = point[0]
  const compressed = point.length === 33 && (prefix === 2 || prefix === 3)
  if (!compressed && !(point.length === 65 && prefix === 4)) throw new Error(`not a ${crv} point encoding`)
  const x = toBigInt(point.subarray(1, 33))
  if (x >= p) throw new Error('x is not below p')
  const rhs = (((x * x) % p) * x + a * x + b) % p
  let y: bigint
  if (compressed) {
    y = power(rhs, (p + 1n) / 4n, p)
    if ((y * y) % p !== rhs) throw new Error(`x has no point on ${crv}`)
    if ((y & 1n) !== BigInt(prefix & 1)) y = p - y
  } else {
    y = toBigInt(point.subarray(33, 65))
    if (y >= p || (y * y) % p !== rhs) throw new Error(`(x, y) is not on ${crv}`)
  }
  const uncompressed = new Uint8Array(65)
  uncompressed[0] = 4
  uncompressed.set(toBytes(x), 1)
  uncompressed.set(toBytes(y), 33)
  return uncompressed
}
