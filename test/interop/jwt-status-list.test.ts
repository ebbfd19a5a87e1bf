import { fixedClock, type PrivateJwk, type PublicJwk } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore, signJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createMemoryStatusRegistry,
  createStatusListPublisher,
  createTokenStatusList,
  decodeTokenStatusList,
  issueStatusListToken,
  type StatusSize,
  verifyStatusListToken,
} from '@civitas/status-list'
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs'
import { createHeaderAndPayload, getListFromStatusListJWT, StatusList } from '@sd-jwt/jwt-status-list'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStatusServer } from '../support/statusServer.js'

// Peer: @sd-jwt/jwt-status-list 0.19 (OpenWallet Foundation), and @sd-jwt/sd-jwt-vc 0.19, which checks
// status.status_list with it. Lists made on either side read the same on the other; the peer accepts a
// Civitas credential while its entry is VALID and refuses it once revoked or suspended.

const NOW = Date.parse('2026-11-23T09:00:00Z')
const clock = fixedClock(NOW)
const BITS = [1, 2, 4, 8] as const

/** Random statuses for a list of `length` entries of `bits` bits. */
const statusesArbitrary = (bits: StatusSize) =>
  fc.integer({ min: 1, max: 256 }).chain((bytes) =>
    fc.array(fc.nat({ max: 2 ** bits - 1 }), {
      minLength: (bytes * 8) / bits,
      maxLength: (bytes * 8) / bits,
    }),
  )

describe('interop: @sd-jwt/jwt-status-list 0.19', () => {
  for (const bits of BITS) {
    it(`interop: lists the peer compresses decode in Civitas to the same statuses (${bits} bits)`, () => {
      fc.assert(
        fc.property(statusesArbitrary(bits), (statuses) => {
          const lst = new StatusList(statuses, bits).compressStatusList()
          const list = decodeTokenStatusList({ bits, lst })
          expect(Array.from({ length: list.length }, (_, i) => list.get(i))).toEqual(statuses)
        }),
        { numRuns: 40 },
      )
    })

    it(`interop: lists Civitas encodes decompress in the peer to the same statuses (${bits} bits)`, () => {
      fc.assert(
        fc.property(statusesArbitrary(bits), (statuses) => {
          const list = createTokenStatusList({ length: statuses.length, bits })
          for (const [index, value] of statuses.entries()) list.set(index, value)
          const peer = StatusList.decompressStatusList(list.encode().lst, bits)
          expect(statuses.map((_, index) => peer.getStatus(index))).toEqual(statuses)
        }),
        { numRuns: 40 },
      )
    })
  }

  it('interop: a status list token the peer builds, signed by the issuer, verifies in Civitas; a Civitas token reads in the peer', async () => {
    const keyStore = createMemoryKeyStore()
    const issuer = await createDidKey({ keyStore, alg: 'ES256' })
    const uri = 'https://clinic.example/status/1'
    const statuses = [0, 1, 2, 0, 0, 0, 1, 0]
    const peerList = new StatusList(statuses, 2)
    const { header, payload } = createHeaderAndPayload(
      peerList,
      { iss: issuer.did, sub: uri, iat: NOW / 1000, exp: NOW / 1000 + 3600, ttl: 300 },
      { alg: 'ES256', typ: 'statuslist+jwt', kid: issuer.kid },
    )
    const token = await signJws({ header: header as never, payload: payload as never, signer: issuer.signer })
    const verified = await verifyStatusListToken(token, {
      resolver: createResolver(),
      uri,
      issuer: issuer.did,
      clock,
    })
    expect(statuses.map((_, i) => verified.list.get(i))).toEqual(statuses)
    expect(verified.ttlMs).toBe(300_000)

    const ours = createTokenStatusList({ length: 8, bits: 2 })
    for (const [index, value] of statuses.entries()) ours.set(index, value)
    const issued = await issueStatusListToken({ issuer, uri, list: ours, clock })
    const read = getListFromStatusListJWT(issued.token)
    expect(statuses.map((_, i) => read.getStatus(i))).toEqual(statuses)
  })
})

describe('interop: @sd-jwt/sd-jwt-vc 0.19 checks the status of a Civitas SD-JWT VC', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(() => server.close())

  it('interop: the peer fetches the list over HTTP, accepts while VALID and refuses once suspended or revoked', async () => {
    const keyStore = createMemoryKeyStore()
    const clinic = await createDidKey({ keyStore, alg: 'ES256' })
    const patient = await createDidKey({ keyStore, alg: 'ES256' })
    const [clinicKey] = await keyStore.listKeys()
    const status = createStatusListPublisher({
      registry: createMemoryStatusRegistry({ clock }),
      issuer: clinic,
      baseUrl: `${server.origin}/status`,
      format: 'statuslist+jwt',
      ttlMs: 60_000,
      clock,
    })
    server.serve(status.handler)
    const card = await issueCredential({
      issuer: clinic,
      format: 'dc+sd-jwt',
      credential: { vct: 'urn:civitas:vct:test:1', sub: patient.did, given_name: 'Mari' },
      disclosable: ['given_name'],
      status,
      clock,
    })
    const presented = await createPresentation({
      holder: patient,
      credentials: [card.token],
      disclose: ['given_name'],
      audience: 'https://clinic.example',
      nonce: 'n-peer-status-1',
      clock,
    })
    const publicJwk = clinicKey?.publicJwk as PublicJwk
    const peer = new SDJwtVcInstance({
      hasher: digest,
      saltGenerator: generateSalt,
      signer: await ES256.getSigner((await keyStore.exportPrivateKey(clinicKey?.id as string)) as PrivateJwk),
      signAlg: 'ES256',
      verifier: await ES256.getVerifier(publicJwk),
      kbVerifier: async (data, signature, payload) =>
        (await ES256.getVerifier((payload.cnf as { jwk: PublicJwk }).jwk))(data, signature),
    })
    const verify = () =>
      peer.verify(presented.token, { keyBindingNonce: 'n-peer-status-1', currentDate: NOW / 1000 })

    await expect(verify()).resolves.toMatchObject({ payload: { given_name: 'Mari' } })
    await status.suspend(card.id ?? '', { actor: 'nurse@clinic' })
    await expect(verify()).rejects.toThrow(/Status is not valid/)
    await status.reinstate(card.id ?? '', { actor: 'nurse@clinic' })
    await expect(verify()).resolves.toBeDefined()
    await status.revoke(card.id ?? '', { actor: 'nurse@clinic' })
    await expect(verify()).rejects.toThrow(/Status is not valid/)
  })
})
