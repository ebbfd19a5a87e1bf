import type { SignatureAlgorithm } from '@civitas/core'
import {
  generateKeyPair,
  importPublicJwk,
  jwkThumbprint,
  type KeyInfo,
  type KeyStore,
  verifySignature,
} from '@civitas/crypto'
import { describe, expect, it } from 'vitest'

/** Every signature algorithm Civitas knows, and the curve each one signs with. */
export const ALL_ALGORITHMS: readonly SignatureAlgorithm[] = ['EdDSA', 'ES256', 'ES256K']
const CURVE_OF: Record<SignatureAlgorithm, string> = { EdDSA: 'Ed25519', ES256: 'P-256', ES256K: 'secp256k1' }

const MESSAGE = new TextEncoder().encode('Civitas key store conformance')

/** Asserts the shape of a KeyInfo: exactly id, alg and a canonical public JWK of the right curve. */
export async function expectKeyInfo(info: KeyInfo, alg: SignatureAlgorithm): Promise<void> {
  expect(Object.keys(info).sort()).toEqual(['alg', 'id', 'publicJwk'])
  expect(info.alg).toBe(alg)
  expect(typeof info.id).toBe('string')
  expect(info.publicJwk).not.toHaveProperty('d')
  expect(info.publicJwk.crv).toBe(CURVE_OF[alg])
  expect(importPublicJwk(info.publicJwk)).toEqual(info.publicJwk)
}

/** Asserts that `store` signs `MESSAGE` with key `info` so that the signature verifies, and nothing else does. */
export async function expectSignsFor(store: KeyStore, info: KeyInfo): Promise<void> {
  const signature = await store.sign(info.id, MESSAGE)
  expect(signature).toBeInstanceOf(Uint8Array)
  expect(signature.length).toBe(64)
  const check = (data: Uint8Array, sig: Uint8Array) =>
    verifySignature({ publicJwk: info.publicJwk, alg: info.alg, data, signature: sig })
  expect(await check(MESSAGE, signature)).toBe(true)
  const otherMessage = MESSAGE.slice()
  otherMessage[0] = (otherMessage[0] ?? 0) ^ 1
  expect(await check(otherMessage, signature)).toBe(false)
  const tampered = signature.slice()
  tampered[10] = (tampered[10] ?? 0) ^ 0x40
  expect(await check(MESSAGE, tampered)).toBe(false)
}

/** Per-algorithm cases: create, import, sign, and refusal of undeclared algorithms. */
export function defineKeyStoreAlgorithmCases(getStore: () => KeyStore, exportable: boolean): void {
  for (const alg of ALL_ALGORITHMS) {
    describe(alg, () => {
      it(`behavior: createKey(${alg}) returns public info whose id is the RFC 7638 thumbprint`, async () => {
        const store = getStore()
        if (!store.algorithms.includes(alg)) return
        const info = await store.createKey({ alg })
        await expectKeyInfo(info, alg)
        expect(info.id).toBe(await jwkThumbprint(info.publicJwk))
        expect(await store.getKey(info.id)).toEqual(info)
      })

      it(`behavior: ${alg} signatures verify with verifySignature against the reported publicJwk`, async () => {
        const store = getStore()
        if (!store.algorithms.includes(alg)) return
        const info = await store.createKey({ alg })
        await expectSignsFor(store, info)
        const empty = await store.sign(info.id, new Uint8Array(0))
        const ok = await verifySignature({
          publicJwk: info.publicJwk,
          alg,
          data: new Uint8Array(0),
          signature: empty,
        })
        expect(ok).toBe(true)
      })

      it(`behavior: an imported ${alg} key keeps its public key, signs for it and ${exportable ? 'exports the same d' : 'is never exported'}`, async () => {
        const store = getStore()
        if (!store.algorithms.includes(alg)) return
        const pair = await generateKeyPair({ alg })
        const info = await store.importKey({ privateJwk: pair.privateJwk })
        await expectKeyInfo(info, alg)
        expect(info.id).toBe(await jwkThumbprint(pair.publicJwk))
        expect(info.publicJwk).toEqual(importPublicJwk(pair.publicJwk))
        await expectSignsFor(store, info)
        if (!exportable) {
          await expect(store.exportPrivateKey(info.id)).rejects.toMatchObject({
            code: 'ERR_KEY_NOT_EXPORTABLE',
          })
          return
        }
        const exported = await store.exportPrivateKey(info.id)
        expect(exported.d).toBe(pair.privateJwk.d)
        const { d: _d, ...publicPart } = exported
        expect(importPublicJwk(publicPart)).toEqual(info.publicJwk)
      })

      it(`behavior: createKey and importKey honour an explicit id for ${alg}`, async () => {
        const store = getStore()
        if (!store.algorithms.includes(alg)) return
        const created = await store.createKey({ alg, id: `created-${alg}` })
        expect(created.id).toBe(`created-${alg}`)
        const pair = await generateKeyPair({ alg })
        const imported = await store.importKey({ privateJwk: pair.privateJwk, id: `imported-${alg}` })
        expect(imported.id).toBe(`imported-${alg}`)
        await expectSignsFor(store, imported)
      })

      it(`error: ${alg} is refused with ERR_ALGORITHM_UNSUPPORTED when the store does not declare it`, async () => {
        const store = getStore()
        if (store.algorithms.includes(alg)) return
        await expect(store.createKey({ alg })).rejects.toMatchObject({ code: 'ERR_ALGORITHM_UNSUPPORTED' })
        const pair = await generateKeyPair({ alg })
        await expect(store.importKey({ privateJwk: pair.privateJwk })).rejects.toMatchObject({
          code: 'ERR_ALGORITHM_UNSUPPORTED',
        })
        expect(await store.listKeys()).toEqual([])
      })
    })
  }
}
