import { encodeUtf8, type SignatureAlgorithm } from '@civitas/core'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { describe, expect, it, vi } from 'vitest'
import { generateKeyPair } from './generateKeyPair.js'
import { signWithJwk } from './signWithJwk.js'
import { verifySignature } from './verifySignature.js'

// On Node every algorithm, ES256K included, signs and verifies through OpenSSL (node:crypto): the
// portable path (noble curves) fails loudly here if anything reaches it.
vi.mock('./internal/portable.js', () => {
  const reached = () => {
    throw new Error('the portable path was used on Node')
  }
  return { verifyPortable: reached, signPortable: reached }
})

describe.each(['EdDSA', 'ES256', 'ES256K'] as SignatureAlgorithm[])('%s on Node', (alg) => {
  it('behavior: signs and verifies through node:crypto alone; a changed message is refused', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg })
    const data = encodeUtf8('a residency card for Tartu')
    const signature = await signWithJwk({ privateJwk, data })
    expect(await verifySignature({ publicJwk, alg, data, signature })).toBe(true)
    const changed = encodeUtf8('a residency card for Tallinn')
    expect(await verifySignature({ publicJwk, alg, data: changed, signature })).toBe(false)
  })
})

describe('ES256K signatures from OpenSSL', () => {
  it('behavior: are always low-S, though OpenSSL itself returns either form', async () => {
    const { privateJwk } = await generateKeyPair({ alg: 'ES256K' })
    for (let run = 0; run < 64; run++) {
      const signature = await signWithJwk({ privateJwk, data: encodeUtf8(`message ${run}`) })
      expect(secp256k1.Signature.fromBytes(signature, 'compact').hasHighS()).toBe(false)
    }
  })
})
