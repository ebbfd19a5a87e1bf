import { createHash } from 'node:crypto'
import type { JsonObject } from '@civitas/core'
import { decodeSdJwt } from '@civitas/credentials'
import { type Signer, signJws } from '@civitas/crypto'
import { forgeSmallOrderJws, type SMALL_ORDER_KEYS } from './smallOrderEd25519.js'

// Tokens forged under Ed25519 keys of small order, for the credential and verifier tests.

type SmallOrderKey = (typeof SMALL_ORDER_KEYS)[number]

/**
 * A vc+jwt credential forged under each DID of the small-order key (did:key, did:jwk): `claims`
 * (a real credential's) with that DID as issuer, and a fresh `id` per forging attempt.
 */
export function forgeSmallOrderCredentials(key: SmallOrderKey, claims: JsonObject) {
  return key.dids.map(({ did, kid }) => ({
    did,
    token: forgeSmallOrderJws(key.bytes, { typ: 'vc+jwt', kid }, (attempt) => ({
      ...claims,
      issuer: did,
      iss: did,
      id: `urn:uuid:6a1c0b3e-0000-4000-8000-${String(attempt).padStart(12, '0')}`,
    })),
  }))
}

/** What {@link bindSmallOrderSdJwt} needs besides the key. */
export interface SmallOrderBindingOptions {
  /** A real SD-JWT VC, as issued. */
  sdJwt: string
  /** Its issuer's signer, re-signing it with the small-order key as `cnf.jwk`. */
  issuer: Signer
  audience: string
  nonce: string
  /** The KB-JWT's `iat`, seconds. */
  iat: number
}

/**
 * The SD-JWT VC re-signed by its real issuer with the small-order key as `cnf.jwk`, presented with
 * all its disclosures and a key-binding JWT forged under that key: `{ presented, keyBinding }`.
 */
export async function bindSmallOrderSdJwt(key: SmallOrderKey, options: SmallOrderBindingOptions) {
  const { jwt, disclosures } = decodeSdJwt(options.sdJwt)
  const issued = await signJws({
    header: { typ: 'dc+sd-jwt' },
    payload: { ...jwt.payload, cnf: { jwk: key.jwk } },
    signer: options.issuer,
  })
  const presented = `${issued}~${disclosures.map((entry) => `${entry.encoded}~`).join('')}`
  const keyBinding = forgeSmallOrderJws(key.bytes, { typ: 'kb+jwt' }, (attempt) => ({
    iat: options.iat - attempt,
    aud: options.audience,
    nonce: options.nonce,
    sd_hash: createHash('sha256').update(presented).digest('base64url'),
  }))
  return { presented, keyBinding }
}
