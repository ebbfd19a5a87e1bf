import { CivitasError, type PublicJwk } from '@civitas/core'
import { publicJwkFromBytes } from '@civitas/crypto'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import type { SignedBytes } from '../types.js'

// Keys already recovered, by address. An address is a hash of its key, so a pair found once holds
// forever: later signatures by that account are checked with the key directly, without recovery.
const MAX_KNOWN_KEYS = 1024
const knownKeys = new Map<string, PublicJwk>()

/** The Ethereum address (lower case) of a secp256k1 public key, compressed or not. */
export function ethereumAddressOf(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false)
  const hash = keccak_256(uncompressed.subarray(1))
  let hex = '0x'
  for (const byte of hash.subarray(12)) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * The secp256k1 key that made an ES256K signature, recovered from it (both recovery ids are tried)
 * and accepted only when its Ethereum address is `address`. Once an account's key is known it is
 * returned as is, and the signature is left to the verification that follows.
 *
 * @throws `ERR_ALGORITHM_MISMATCH` for another algorithm; `ERR_SIGNATURE_INVALID` when no key
 *   recovered from the signature has this address.
 */
export function recoverAccountKey(address: string, signed: SignedBytes): PublicJwk {
  if (signed.alg !== 'ES256K') {
    throw new CivitasError('ERR_ALGORITHM_MISMATCH', 'a blockchain account verifies ES256K signatures only', {
      details: { alg: String(signed.alg).slice(0, 32) },
    })
  }
  const known = knownKeys.get(address)
  if (known !== undefined) return known
  if (signed.signature instanceof Uint8Array && signed.signature.length === 64) {
    const recovered = new Uint8Array(65)
    recovered.set(signed.signature, 1)
    for (const bit of [0, 1]) {
      recovered[0] = bit
      let publicKey: Uint8Array
      try {
        publicKey = secp256k1.recoverPublicKey(recovered, signed.data)
      } catch {
        continue
      }
      if (ethereumAddressOf(publicKey) === address) return remember(address, publicKey)
    }
  }
  throw new CivitasError('ERR_SIGNATURE_INVALID', `the signature was not made by the account ${address}`, {
    details: { address },
  })
}

function remember(address: string, publicKey: Uint8Array): PublicJwk {
  const publicJwk = Object.freeze(publicJwkFromBytes({ crv: 'secp256k1', bytes: publicKey }))
  if (knownKeys.size >= MAX_KNOWN_KEYS) knownKeys.delete(knownKeys.keys().next().value as string)
  knownKeys.set(address, publicJwk)
  return publicJwk
}
