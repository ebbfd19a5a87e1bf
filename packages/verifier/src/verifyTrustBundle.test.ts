import { decodeBase64urlJson, encodeBase64url, encodeUtf8, fixedClock, type JsonObject } from '@civitas/core'
import { createMemoryKeyStore, signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createTokenStatusList, issueStatusListToken } from '@civitas/status-list'
import { describe, expect, it } from 'vitest'
import { createTrustBundle } from './createTrustBundle.js'
import { verifyTrustBundle } from './verifyTrustBundle.js'

const NOW = Date.parse('2026-11-23T09:00:00Z')
const DAY = 24 * 3600_000
const clock = fixedClock(NOW)
const code = (expected: string) => expect.objectContaining({ code: expected })

/** A `statuslist+jwt` token signed by `issuer`. */
async function listBy(issuer: Identity): Promise<string> {
  const uri = 'https://health.jeju.example/status/1'
  return (await issueStatusListToken({ issuer, uri, list: createTokenStatusList({ length: 1024 }), clock }))
    .token
}

async function scene() {
  const keyStore = createMemoryKeyStore()
  const ministry = await createDidKey({ keyStore, alg: 'ES256' })
  const impostor = await createDidKey({ keyStore, alg: 'ES256' })
  const authority = await createDidKey({ keyStore, alg: 'EdDSA' })
  const issuers = [{ id: authority.did, types: ['QuarantinePass'], name: 'Jeju Health Authority' }]
  const list = await listBy(authority)
  const { token } = await createTrustBundle({
    authority: ministry,
    issuers,
    lists: [list],
    validForMs: DAY,
    clock,
  })
  return { ministry, impostor, authority, issuers, list, token }
}

/** The bundle's payload, changed and re-signed by `signer` (or kept with its old signature). */
async function rewrite(
  token: string,
  change: (payload: JsonObject, header: JsonObject) => void,
  identity?: { kid: string; signer: Parameters<typeof signJws>[0]['signer'] },
): Promise<string> {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const newHeader = decodeBase64urlJson(header) as JsonObject
  const newPayload = decodeBase64urlJson(payload) as JsonObject
  change(newPayload, newHeader)
  if (identity === undefined) {
    const encode = (value: JsonObject) => encodeBase64url(encodeUtf8(JSON.stringify(value)))
    return `${encode(newHeader)}.${encode(newPayload)}.${signature}`
  }
  const { alg: _alg, ...rest } = newHeader
  return signJws({ header: { ...rest, kid: identity.kid }, payload: newPayload, signer: identity.signer })
}

describe('verifyTrustBundle', () => {
  it('behavior: a bundle from createTrustBundle yields its issuers with DID documents, lists and window', async () => {
    const { ministry, authority, list, token } = await scene()
    const bundle = await verifyTrustBundle(token, { authority: ministry.did, clock })
    expect(bundle).toMatchObject({
      authority: ministry.did,
      lists: [list],
      issuedAt: NOW,
      expiresAt: NOW + DAY,
      issuers: [{ id: authority.did, types: ['QuarantinePass'], name: 'Jeju Health Authority' }],
    })
    expect(bundle.issuers[0]?.didDocument.id).toBe(authority.did)
    expect(bundle.issuers[0]?.didDocument.assertionMethod).toHaveLength(1)
  })

  it('error: a bundle signed by anyone but the configured authority is ERR_TRUST_BUNDLE_UNTRUSTED', async () => {
    const { ministry, impostor, issuers } = await scene()
    const { token } = await createTrustBundle({ authority: impostor, issuers, validForMs: DAY, clock })
    await expect(verifyTrustBundle(token, { authority: ministry.did, clock })).rejects.toThrow(
      code('ERR_TRUST_BUNDLE_UNTRUSTED'),
    )
    // Claiming to be the authority while naming one's own key is no better.
    const claimed = await rewrite(token, (payload) => Object.assign(payload, { iss: ministry.did }), impostor)
    await expect(verifyTrustBundle(claimed, { authority: ministry.did, clock })).rejects.toThrow(
      code('ERR_TRUST_BUNDLE_UNTRUSTED'),
    )
  })

  it('error: tampered, forged, retyped and malformed bundles are ERR_TRUST_BUNDLE_INVALID', async () => {
    const { ministry, impostor, authority, token } = await scene()
    const opts = { authority: ministry.did, clock }
    const cases = [
      // another issuer slipped in, old signature kept
      await rewrite(token, (payload) => {
        ;(payload.issuers as JsonObject[]).push({
          id: impostor.did,
          types: ['QuarantinePass'],
          didDocument: { id: impostor.did },
        })
      }),
      // the authority's kid, signed with another key
      await rewrite(token, () => undefined, { kid: ministry.kid, signer: impostor.signer }),
      // another token type, properly signed
      await rewrite(token, (_payload, header) => Object.assign(header, { typ: 'vc+jwt' }), ministry),
      // entries of the wrong shape, properly signed
      await rewrite(
        token,
        (payload) => Object.assign(payload, { issuers: [{ id: authority.did }] }),
        ministry,
      ),
      await rewrite(
        token,
        (payload) =>
          Object.assign(payload, {
            issuers: [{ id: authority.did, types: ['X'], didDocument: { id: impostor.did } }],
          }),
        ministry,
      ),
      await rewrite(token, (payload) => Object.assign(payload, { lists: [42] }), ministry),
      await rewrite(token, (payload) => Object.assign(payload, { lists: ['a.b.c'] }), ministry),
      await rewrite(token, (payload) => Object.assign(payload, { exp: 'tomorrow' }), ministry),
      await rewrite(token, (payload) => Object.assign(payload, { iat: NOW / 1000 + 3600 }), ministry),
      'not a bundle',
      `${token.split('.').slice(0, 2).join('.')}`,
    ]
    for (const bundle of cases) {
      await expect(verifyTrustBundle(bundle, opts)).rejects.toThrow(code('ERR_TRUST_BUNDLE_INVALID'))
    }
  })

  it('error: a list issued by someone the bundle does not list is ERR_TRUST_BUNDLE_INVALID', async () => {
    const { ministry, impostor, token } = await scene()
    const foreign = await listBy(impostor)
    const bundle = await rewrite(token, (payload) => Object.assign(payload, { lists: [foreign] }), ministry)
    const refused = verifyTrustBundle(bundle, { authority: ministry.did, clock })
    await expect(refused).rejects.toThrow(code('ERR_TRUST_BUNDLE_INVALID'))
    await expect(refused).rejects.toMatchObject({ details: { index: 0, reason: 'ERR_UNTRUSTED_ISSUER' } })
  })

  it('error: past its expiry the bundle is ERR_TRUST_BUNDLE_EXPIRED; older than maxAgeMs, ERR_TRUST_BUNDLE_STALE', async () => {
    const { ministry, token } = await scene()
    await expect(
      verifyTrustBundle(token, { authority: ministry.did, clock: fixedClock(NOW + DAY + 61_000) }),
    ).rejects.toThrow(code('ERR_TRUST_BUNDLE_EXPIRED'))
    await expect(
      verifyTrustBundle(token, {
        authority: ministry.did,
        clock: fixedClock(NOW + 7 * 3600_000),
        maxAgeMs: 6 * 3600_000,
      }),
    ).rejects.toThrow(code('ERR_TRUST_BUNDLE_STALE'))
    await expect(
      verifyTrustBundle(token, {
        authority: ministry.did,
        clock: fixedClock(NOW + 5 * 3600_000),
        maxAgeMs: 6 * 3600_000,
      }),
    ).resolves.toBeDefined()
  })

  it('error: a bundle whose times lie beyond any date is ERR_TOKEN_TIME_OUT_OF_RANGE, never a formatting crash', async () => {
    const { ministry, token } = await scene()
    const far = 2 ** 53 - 1
    for (const [iat, exp] of [
      [-far, -far + 1],
      [NOW / 1000, far],
    ]) {
      const forged = await rewrite(
        token,
        (payload) => {
          payload.iat = iat as number
          payload.exp = exp as number
        },
        ministry,
      )
      await expect(verifyTrustBundle(forged, { authority: ministry.did, clock })).rejects.toThrow(
        code('ERR_TOKEN_TIME_OUT_OF_RANGE'),
      )
    }
  })

  it('error: an authority that is not a DID is ERR_INVALID_ARGUMENT', async () => {
    const { token } = await scene()
    await expect(verifyTrustBundle(token, { authority: 'ministry' })).rejects.toThrow(
      code('ERR_INVALID_ARGUMENT'),
    )
  })
})
