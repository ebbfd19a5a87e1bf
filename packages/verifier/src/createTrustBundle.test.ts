import { fixedClock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore, signJws } from '@civitas/crypto'
import { createResolver, type Identity, resolveDidDocument } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createStatusList,
  createStatusListCredential,
  createTokenStatusList,
  issueStatusListToken,
} from '@civitas/status-list'
import { describe, expect, it } from 'vitest'
import { createTrustBundle } from './createTrustBundle.js'
import { verifyTrustBundle } from './verifyTrustBundle.js'

const clock = fixedClock('2026-11-23T09:00:00Z')
const code = (expected: string) => expect.objectContaining({ code: expected })
const uri = 'https://health.jeju.example/status/1'

/** A `statuslist+jwt` token signed by `issuer`. */
async function tokenListBy(issuer: Identity): Promise<string> {
  return (await issueStatusListToken({ issuer, uri, list: createTokenStatusList({ length: 1024 }), clock }))
    .token
}

describe('createTrustBundle', () => {
  it('behavior: resolves DID documents not given, keeps those given, and signs with the authority key', async () => {
    const keyStore = createMemoryKeyStore()
    const ministry = await createDidKey({ keyStore, alg: 'EdDSA' })
    const [first, second] = [
      await createDidKey({ keyStore, alg: 'ES256' }),
      await createDidKey({ keyStore, alg: 'EdDSA' }),
    ]
    const given = await resolveDidDocument(createResolver(), second.did)
    const { token, issuedAt, expiresAt } = await createTrustBundle({
      authority: ministry,
      issuers: [
        { id: first.did, types: ['ResidencyCard'] },
        {
          id: second.did,
          types: ['QuarantinePass', 'urn:civitas:vct:quarantine-pass:1'],
          didDocument: given,
        },
      ],
      validForMs: 3600_000,
      clock,
    })
    expect(expiresAt - issuedAt).toBe(3600_000)
    const bundle = await verifyTrustBundle(token, { authority: ministry.did, clock })
    expect(bundle.issuers.map((issuer) => issuer.didDocument.id)).toEqual([first.did, second.did])
    expect(bundle.issuers[1]?.types).toEqual(['QuarantinePass', 'urn:civitas:vct:quarantine-pass:1'])
    expect(bundle.lists).toEqual([])
  })

  it('error: bad options are ERR_INVALID_ARGUMENT', async () => {
    const keyStore = createMemoryKeyStore()
    const ministry = await createDidKey({ keyStore, alg: 'EdDSA' })
    const other = await createDidKey({ keyStore, alg: 'EdDSA' })
    const otherDocument = await resolveDidDocument(createResolver(), other.did)
    const base = { authority: ministry, issuers: [], validForMs: 1000 }
    for (const options of [
      { ...base, authority: undefined },
      { ...base, validForMs: 0 },
      { ...base, validForMs: 1.5 },
      { ...base, issuers: 'all' },
      { ...base, issuers: [{ id: 'city', types: ['X'] }] },
      { ...base, issuers: [{ id: other.did, types: [] }] },
      { ...base, issuers: [{ id: ministry.did, types: ['X'], didDocument: otherDocument }] },
      { ...base, lists: [1] },
    ]) {
      await expect(createTrustBundle(options as never)).rejects.toThrow(code('ERR_INVALID_ARGUMENT'))
    }
  })

  it('behavior: W3C status list credentials and statuslist+jwt tokens of bundled issuers are bundled', async () => {
    const keyStore = createMemoryKeyStore()
    const ministry = await createDidKey({ keyStore, alg: 'EdDSA' })
    const health = await createDidKey({ keyStore, alg: 'ES256' })
    const w3c = await issueCredential({
      issuer: health,
      credential: await createStatusListCredential({
        id: 'https://health.jeju.example/status/w3c/1',
        issuer: health.did,
        statusPurpose: 'revocation',
        list: createStatusList(),
      }),
      clock,
    })
    const lists = [w3c.token, await tokenListBy(health)]
    const { token } = await createTrustBundle({
      authority: ministry,
      issuers: [{ id: health.did, types: ['urn:civitas:vct:quarantine-pass:1'] }],
      lists,
      validForMs: 3600_000,
      clock,
    })
    expect((await verifyTrustBundle(token, { authority: ministry.did, clock })).lists).toEqual(lists)
  })

  it('error: a list not signed by a bundled issuer, or not a status list, is ERR_INVALID_ARGUMENT', async () => {
    const keyStore = createMemoryKeyStore()
    const ministry = await createDidKey({ keyStore, alg: 'EdDSA' })
    const health = await createDidKey({ keyStore, alg: 'ES256' })
    const impostor = await createDidKey({ keyStore, alg: 'ES256' })
    const genuine = await tokenListBy(health)
    const [header = '', payload = ''] = genuine.split('.')
    // The health authority's claims and header, signed with the impostor's key.
    const forged = `${header}.${payload}.${(await tokenListBy(impostor)).split('.')[2]}`
    const claimed = await signJws({
      header: { typ: 'statuslist+jwt', kid: `${health.did}#${impostor.kid.split('#')[1]}` },
      payload: { iss: health.did, sub: uri, iat: Date.parse('2026-11-23T09:00:00Z') / 1000 },
      signer: impostor.signer,
    })
    const notAList = await issueCredential({
      issuer: health,
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: health.did,
        credentialSubject: { id: ministry.did },
      },
      clock,
    })
    for (const [list, reason] of [
      [await tokenListBy(impostor), 'ERR_UNTRUSTED_ISSUER'],
      [forged, 'ERR_STATUS_LIST_INVALID'],
      [claimed, 'ERR_STATUS_LIST_INVALID'],
      [notAList.token, 'ERR_CREDENTIAL_INVALID'],
      ['a.b.c', 'ERR_BASE64URL_INVALID'],
    ] as const) {
      const made = createTrustBundle({
        authority: ministry,
        issuers: [{ id: health.did, types: ['urn:civitas:vct:quarantine-pass:1'] }],
        lists: [genuine, list],
        validForMs: 3600_000,
        clock,
      })
      await expect(made).rejects.toThrow(code('ERR_INVALID_ARGUMENT'))
      await expect(made).rejects.toMatchObject({ details: { index: 1, reason } })
    }
  })
})
