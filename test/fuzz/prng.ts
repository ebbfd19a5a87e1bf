/** A seeded pseudo-random source: the same seed gives the same sequence on every platform. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

/**
 * sfc32 seeded from `(seed, stream)`: each fuzz case gets its own stream (its index), so one case is
 * reproduced from the run's seed and its index alone, whatever ran before it.
 */
export function createPrng(seed: number, stream = 0): Prng {
  let a = seed >>> 0
  let b = (stream * 0x9e3779b9) >>> 0
  let c = 0x243f6a88 ^ stream
  let d = 1
  const nextUint = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 15; i++) nextUint()
  const next = () => nextUint() / 2 ** 32
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  }
}
