import type { JsonObject } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { signJws } from '@civitas/crypto'
import { createMemoryNonceStore, type NonceStore } from '@civitas/sign-in'
import { createRedisNonceStore } from '@civitas/sign-in/redis'
import { createVerifier } from '@civitas/verifier'
import { afterAll, describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { failedCheck } from '../support/reports.js'

const clock = () => NOW
const AUDIENCE = 'https://hotel.example'
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n

const stores: NonceStore[] = []
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
})

const STORES: [string, () => NonceStore][] = [
  ['the memory nonce store', () => createMemoryNonceStore()],
  [
    'the real Redis nonce store',
    () => createRedisNonceStore({ prefix: `test:replay:${crypto.randomUUID()}:` }),
  ],
]

/** A citizen with a residency card, and presentations of it to the hotel. */
async function scene(holderAlg: 'EdDSA' | 'ES256' = 'ES256') {
  const parties = await createParties('EdDSA', holderAlg)
  const { token } = await issueCredential({
    issuer: parties.city,
    credential: residencyCard(parties.citizen.did),
    clock,
    validFor: YEAR,
  })
  const present = async (nonce?: string, at = NOW) =>
    (
      await createPresentation({
        holder: parties.citizen,
        credentials: [token],
        audience: AUDIENCE,
        ...(nonce === undefined ? {} : { nonce }),
        clock: () => at,
      })
    ).token
  const verifierWith = (replay?: NonceStore) =>
    createVerifier({
      resolver: parties.resolver,
      trust: { ResidencyCard: [parties.city.did] },
      clock,
      ...(replay === undefined ? {} : { replay }),
    })
  return { ...parties, present, verifierWith }
}

describe.each(STORES)('createVerifier with a replay store: %s', (_name, createStore) => {
  const store = () => {
    const created = createStore()
    stores.push(created)
    return created
  }

  it('error: the same presentation checked twice fails the nonce check with ERR_NONCE_REPLAYED', async () => {
    const { present, verifierWith } = await scene()
    const verifier = verifierWith(store())
    const presentation = await present('n-replay-1')
    const expectations = { audience: AUDIENCE, nonce: 'n-replay-1' }
    expect((await verifier.check(presentation, expectations)).ok).toBe(true)
    const replayed = await verifier.check(presentation, expectations)
    expect(replayed.ok).toBe(false)
    expect(failedCheck(replayed)).toMatchObject({ name: 'nonce', code: 'ERR_NONCE_REPLAYED' })
  })

  it('error: a twin with other bytes and the same binding is a replay too (re-signed, re-encoded, high-S)', async () => {
    const { present, verifierWith, citizen } = await scene('ES256')
    const verifier = verifierWith(store())
    const expectations = { audience: AUDIENCE, nonce: 'n-replay-2' }
    const presentation = await present('n-replay-2')
    expect((await verifier.check(presentation, expectations)).ok).toBe(true)
    const [header, payload, signature] = presentation.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JsonObject
    // The holder signs the same claims again, members reordered: new bytes, new signature.
    const reordered: JsonObject = Object.fromEntries(Object.entries(claims).reverse())
    const resigned = await signJws({
      header: { typ: 'vp+jwt', kid: citizen.kid },
      payload: reordered,
      signer: citizen.signer,
    })
    // The same signature with s replaced by n - s, which plain ECDSA verification accepts as well.
    const bytes = Buffer.from(signature, 'base64url')
    const s = BigInt(`0x${bytes.subarray(32).toString('hex')}`)
    const highS = Buffer.from((P256_ORDER - s).toString(16).padStart(64, '0'), 'hex')
    const twin = `${header}.${payload}.${Buffer.concat([bytes.subarray(0, 32), highS]).toString('base64url')}`
    for (const token of [resigned, twin]) {
      expect(token).not.toBe(presentation)
      const report = await verifier.check(token, expectations)
      expect(report.ok).toBe(false)
      // Refused as a replay, or before that by a verifier that refuses high-S signatures outright.
      expect(['ERR_NONCE_REPLAYED', 'ERR_SIGNATURE_INVALID']).toContain(failedCheck(report)?.code)
    }
    const resignedReport = await verifier.check(resigned, expectations)
    expect(failedCheck(resignedReport)).toMatchObject({ name: 'nonce', code: 'ERR_NONCE_REPLAYED' })
  })

  it('behavior: without a nonce, a presentation is remembered by audience, holder and iat', async () => {
    const { present, verifierWith } = await scene('EdDSA')
    const verifier = verifierWith(store())
    const first = await present(undefined, NOW - 1000)
    expect((await verifier.check(first, { audience: AUDIENCE })).ok).toBe(true)
    expect(failedCheck(await verifier.check(first, { audience: AUDIENCE }))).toMatchObject({
      code: 'ERR_NONCE_REPLAYED',
    })
    // A new presentation (a new iat) is a new proof of possession.
    expect((await verifier.check(await present(undefined, NOW), { audience: AUDIENCE })).ok).toBe(true)
  })

  it('behavior: a failed presentation does not use up its nonce', async () => {
    const { present, verifierWith } = await scene()
    const verifier = verifierWith(store())
    const presentation = await present('n-replay-3')
    const wrongAudience = await verifier.check(presentation, {
      audience: 'https://other.example',
      nonce: 'n-replay-3',
    })
    expect(failedCheck(wrongAudience)?.code).toBe('ERR_AUDIENCE_MISMATCH')
    expect((await verifier.check(presentation, { audience: AUDIENCE, nonce: 'n-replay-3' })).ok).toBe(true)
  })
})

describe('replay memory across verifier instances and without a store', () => {
  it('behavior: two verifiers sharing one Redis prefix accept a presentation once between them', async () => {
    const { present, verifierWith } = await scene()
    const prefix = `test:replay:${crypto.randomUUID()}:`
    const [storeA, storeB] = [createRedisNonceStore({ prefix }), createRedisNonceStore({ prefix })]
    stores.push(storeA, storeB)
    const presentation = await present('n-replay-4')
    const expectations = { audience: AUDIENCE, nonce: 'n-replay-4' }
    const reports = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        verifierWith(index % 2 === 0 ? storeA : storeB).check(presentation, expectations),
      ),
    )
    expect(reports.filter((report) => report.ok)).toHaveLength(1)
    for (const report of reports.filter((one) => !one.ok)) {
      expect(failedCheck(report)).toMatchObject({ name: 'nonce', code: 'ERR_NONCE_REPLAYED' })
    }
  })

  it('error: a replay store that cannot answer fails the check closed with its code', async () => {
    const { present, verifierWith } = await scene()
    // Port 9 on loopback: nothing listens, every connection is refused.
    const closed = createRedisNonceStore({ url: 'redis://127.0.0.1:9', prefix: 'test:replay:down:' })
    stores.push(closed)
    const report = await verifierWith(closed).check(await present('n-replay-5'), {
      audience: AUDIENCE,
      nonce: 'n-replay-5',
    })
    expect(report.ok).toBe(false)
    expect(failedCheck(report)).toMatchObject({ name: 'nonce', code: 'ERR_STORE_UNAVAILABLE' })
  })

  it('behavior: without a replay store the same presentation passes again (documented: no memory)', async () => {
    const { present, verifierWith } = await scene()
    const verifier = verifierWith()
    const presentation = await present('n-replay-6')
    const expectations = { audience: AUDIENCE, nonce: 'n-replay-6' }
    expect((await verifier.check(presentation, expectations)).ok).toBe(true)
    expect((await verifier.check(presentation, expectations)).ok).toBe(true)
  })
})
