import { CivitasError } from '@civitas/core'
import { scryptAsync } from '@noble/hashes/scrypt.js'

/** scrypt cost parameters (RFC 7914). Memory used is about `128 × N × r` bytes. */
export interface ScryptParams {
  /** CPU and memory cost: a power of two. */
  N: number
  /** Block size. */
  r: number
  /** Parallelisation. */
  p: number
}

/**
 * Defaults: N = 2^15, r = 8, p = 1 (32 MiB), about 200 ms with `@noble/hashes` on a current server
 * core, paid once when the store opens.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 })

/** The floor for any store, tests included: N ≥ 2^10, r ≥ 8, p ≥ 1. */
export const MIN_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 10, r: 8, p: 1 })

/** Ceilings that keep a hostile file from making `open` take minutes or gigabytes. */
const MAX_LOG_N = 20
const MAX_R = 32
const MAX_P = 16
const MAX_MEMORY = 2 ** 30
const MAX_WORK = 2 ** 24

/** `true` when the parameters are within the floor and ceilings that every store enforces. */
export function isScryptParamsAllowed(params: ScryptParams): boolean {
  const { N, r, p } = params
  return (
    Number.isSafeInteger(N) &&
    Number.isSafeInteger(r) &&
    Number.isSafeInteger(p) &&
    N >= MIN_SCRYPT_PARAMS.N &&
    N <= 2 ** MAX_LOG_N &&
    (N & (N - 1)) === 0 &&
    r >= MIN_SCRYPT_PARAMS.r &&
    r <= MAX_R &&
    p >= MIN_SCRYPT_PARAMS.p &&
    p <= MAX_P &&
    128 * N * r <= MAX_MEMORY &&
    N * r * p <= MAX_WORK
  )
}

/** Validates caller-supplied parameters. @throws `ERR_INVALID_ARGUMENT` outside the floor and ceilings. */
export function checkScryptParams(value: unknown): ScryptParams {
  const params = value as Partial<ScryptParams> | null
  const candidate = {
    N: params?.N ?? Number.NaN,
    r: params?.r ?? DEFAULT_SCRYPT_PARAMS.r,
    p: params?.p ?? DEFAULT_SCRYPT_PARAMS.p,
  }
  if (typeof value !== 'object' || value === null || !isScryptParamsAllowed(candidate)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `kdf: expected scrypt parameters with N a power of two from 2^10 to 2^${MAX_LOG_N}, r from 8 to ${MAX_R}, p from 1 to ${MAX_P}`,
    )
  }
  return candidate
}

/** The relative cost of deriving with `params`, to tell whether a file's parameters should be raised. */
export function scryptCost(params: ScryptParams): number {
  return params.N * params.r * params.p
}

/** Derives the store's 32-byte encryption key from the passphrase. */
export function deriveKeyStoreKey(
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
): Promise<Uint8Array> {
  return scryptAsync(passphrase, salt, { ...params, dkLen: 32, maxmem: MAX_MEMORY + 2 ** 20 })
}
