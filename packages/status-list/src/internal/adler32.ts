/** Adler-32 (RFC 1950 §9, the zlib trailer) of `bytes`. */
export function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  // 5552 is the largest run before b can overflow 2^32 (the zlib NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552)
    for (let i = start; i < end; i++) {
      a += bytes[i] as number
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}
