import { encodeBase64url, encodeUtf8, type SignatureAlgorithm } from '@civitas/core'
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forgeSmallOrderSignature, SMALL_ORDER_KEYS } from '../../../test/support/smallOrderEd25519.js'
import { decodeJws } from './decodeJws.js'
import { generateKeyPair } from './generateKeyPair.js'
import { signJws } from './signJws.js'
import { signWithJwk } from './signWithJwk.js'
import { verifyJws } from './verifyJws.js'
import { verifySignatureNative } from './verifySignatureNative.js'
import { verifySignaturePortable } from './verifySignaturePortable.js'

const ALGORITHMS: SignatureAlgorithm[] = ['EdDSA', 'ES256', 'ES256K']
const PATHS = { native: verifySignatureNative, portable: verifySignaturePortable }
const RUNS = { numRuns: 40 }

describe.each(ALGORITHMS)('%s signatures', (alg) => {
  it('property: sign then verify holds on both paths, and both paths agree on any single-byte tamper', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 256 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (data, at, flip) => {
          const { publicJwk, privateJwk } = await generateKeyPair({ alg })
          const signature = await signWithJwk({ privateJwk, data })
          for (const verify of Object.values(PATHS)) {
            expect(await verify({ publicJwk, alg, data, signature })).toBe(true)
          }
          const tampered = signature.slice()
          tampered[at % tampered.length] = (tampered[at % tampered.length] ?? 0) ^ flip
          const verdicts = await Promise.all(
            Object.values(PATHS).map((verify) => verify({ publicJwk, alg, data, signature: tampered })),
          )
          expect(verdicts).toEqual([false, false])
          if (data.length > 0) {
            const changed = data.slice()
            changed[at % changed.length] = (changed[at % changed.length] ?? 0) ^ flip
            const onData = await Promise.all(
              Object.values(PATHS).map((verify) => verify({ publicJwk, alg, data: changed, signature })),
            )
            expect(onData).toEqual([false, false])
          }
        },
      ),
      RUNS,
    )
  })

  it('property: any single-byte tamper of a compact JWS is rejected', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg })
    const signer = { alg, sign: (data: Uint8Array) => signWithJwk({ privateJwk, data }) }
    const token = await signJws({ payload: { sub: 'did:example:resident', n: 42 }, signer })
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 127 }), async (at, flip) => {
        const index = at % token.length
        if (token[index] === '.') return
        const tampered =
          token.slice(0, index) + String.fromCharCode(token.charCodeAt(index) ^ flip) + token.slice(index + 1)
        if (tampered === token) return
        await expect(verifyJws(tampered, { publicJwk })).rejects.toHaveProperty('code')
      }),
      { numRuns: 200 },
    )
  })
})

// One rule for ES256 and ES256K: Civitas signs low-S, and both S forms verify (README, Security).
describe.each([
  ['ES256', p256],
  ['ES256K', secp256k1],
] as const)('%s high-S signatures', (alg, curve) => {
  it('property: the high-S twin of a valid signature verifies on both paths, like the low-S form Civitas signs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (data) => {
        const { publicJwk, privateJwk } = await generateKeyPair({ alg })
        const signature = await signWithJwk({ privateJwk, data })
        const parsed = curve.Signature.fromBytes(signature, 'compact')
        expect(parsed.hasHighS()).toBe(false)
        const highS = new curve.Signature(parsed.r, curve.Point.Fn.ORDER - parsed.s).toBytes('compact')
        for (const verify of Object.values(PATHS)) {
          expect(await verify({ publicJwk, alg, data, signature })).toBe(true)
          expect(await verify({ publicJwk, alg, data, signature: highS })).toBe(true)
        }
      }),
      RUNS,
    )
  })
})

// Strictness kept on every path: R and S must lie in [1, n − 1], never taken modulo n.
describe.each([
  ['ES256', p256],
  ['ES256K', secp256k1],
] as const)('%s signature scalars out of range', (alg, curve) => {
  const order = curve.Point.Fn.ORDER
  const outOfRange = [0n, order, 2n ** 256n - 1n]
  const toBytes = (value: bigint) => Uint8Array.from(Buffer.from(value.toString(16).padStart(64, '0'), 'hex'))
  it('property: a valid signature with R or S replaced by 0, n or 2^256 − 1 is refused on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(...outOfRange),
        fc.boolean(),
        async (data, scalar, replaceR) => {
          const { publicJwk, privateJwk } = await generateKeyPair({ alg })
          const signature = await signWithJwk({ privateJwk, data })
          const forged = signature.slice()
          forged.set(toBytes(scalar), replaceR ? 0 : 32)
          for (const verify of Object.values(PATHS)) {
            expect(await verify({ publicJwk, alg, data, signature: forged })).toBe(false)
          }
        },
      ),
      RUNS,
    )
  })
})

describe('Ed25519 keys of small order', () => {
  it('property: both paths refuse every encoding of a small-order key, whatever the message and signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SMALL_ORDER_KEYS),
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        async ({ bytes, jwk }, data, random) => {
          const signature = forgeSmallOrderSignature(bytes, data) ?? random
          for (const verify of Object.values(PATHS)) {
            await expect(
              verify({ publicJwk: jwk as never, alg: 'EdDSA', data, signature }),
            ).rejects.toMatchObject({
              code: 'ERR_JWK_INVALID',
            })
          }
        },
      ),
      RUNS,
    )
  })
})

describe('JWS round trip', () => {
  it('property: any JSON object payload round-trips through signJws and verifyJws', async () => {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg: 'EdDSA' })
    const signer = { alg: 'EdDSA' as const, sign: (data: Uint8Array) => signWithJwk({ privateJwk, data }) }
    const key = fc
      .string({ maxLength: 8 })
      .filter((name) => !['__proto__', 'constructor', 'prototype'].includes(name))
    await fc.assert(
      fc.asyncProperty(
        // Nested member names come from fc.jsonValue; strict parsing refuses the forbidden ones there too.
        fc
          .dictionary(key, fc.jsonValue({ maxDepth: 3 }))
          .filter((payload) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(payload))),
        async (payload) => {
          const normalized = JSON.parse(JSON.stringify(payload))
          const token = await signJws({ payload: normalized, signer })
          expect((await verifyJws(token, { publicJwk })).payload).toEqual(normalized)
          expect(decodeJws(token).encodedPayload).toBe(
            encodeBase64url(encodeUtf8(JSON.stringify(normalized))),
          )
        },
      ),
      { numRuns: 100 },
    )
  })
})
