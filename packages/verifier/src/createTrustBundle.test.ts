import { fixedClock } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, resolveDidDocument } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { describe, expect, it } from 'vitest'
import { createTrustBundle } from './createTrustBundle.js'
import { verifyTrustBundle } from './verifyTrustBundle.js'

const clock = fixedClock('2026-11-23T09:00:00Z')
const code = (expected: string) => expect.objectContaining({ code: expected })

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
})
