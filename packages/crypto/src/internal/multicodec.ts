import type { KeyType } from '@civitas/core'

/** Multicodec codes of the public keys Civitas reads and writes. */
export const MULTICODEC_OF_CURVE: Readonly<Record<KeyType, number>> = {
  Ed25519: 0xed,
  X25519: 0xec,
  secp256k1: 0xe7,
  'P-256': 0x1200,
}

/** The curve of each supported multicodec code. */
export const CURVE_OF_MULTICODEC: ReadonlyMap<number, KeyType> = new Map(
  Object.entries(MULTICODEC_OF_CURVE).map(([curve, code]) => [code, curve as KeyType]),
)

/** A multikey longer than this is not one of ours (the longest, P-256, is 35 bytes). */
export const MAX_MULTIKEY_LENGTH = 128
