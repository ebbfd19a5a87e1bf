import { fixedClock } from '@civitas/core'
import { decodeJws } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { createPresentation } from './createPresentation.js'
import { issueCredential } from './issueCredential.js'
import type { CredentialFormat } from './types.js'
import { verifyCredential } from './verifyCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const FORMATS: CredentialFormat[] = ['vc+jwt', 'jwt_vc_json']

describe('issue, present, verify', () => {
  for (const format of FORMATS) {
    for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
      it(`behavior: a ${format} ${alg} residency card round-trips through a presentation`, async () => {
        const { city, citizen, resolver } = await createParties(alg, alg)
        const issued = await issueCredential({
          issuer: city,
          credential: residencyCard(citizen.did),
          format,
          clock,
          validFor: YEAR,
        })
        const verified = await verifyCredential(issued.token, { resolver, clock })
        expect(verified).toMatchObject({
          format,
          issuer: city.did,
          subject: citizen.did,
          schema: 'valid',
          kid: city.kid,
        })
        expect(verified.types).toEqual(['VerifiableCredential', 'ResidencyCard'])
        expect(verified.credential.credentialSubject).toMatchObject({ id: citizen.did, familyName: 'Tamm' })
        expect(verified.validUntil).toBe(Math.floor((NOW + YEAR) / 1000) * 1000)

        const presentation = await createPresentation({
          holder: citizen,
          credentials: [issued.token],
          audience: 'https://hotel.example',
          nonce: 'n-1',
          format,
          clock,
        })
        const checks: string[] = []
        const result = await verifyPresentation(presentation.token, {
          resolver,
          clock,
          audience: 'https://hotel.example',
          nonce: 'n-1',
          onCheck: (name, ok) => checks.push(`${name}:${ok}`),
        })
        expect(result).toMatchObject({ holder: citizen.did, format, nonce: 'n-1' })
        expect(result.credentials[0]?.subject).toBe(citizen.did)
        expect(checks).toEqual([
          'parse:true',
          'algorithm:true',
          'issuer:true',
          'signature:true',
          'freshness:true',
          'audience:true',
          'nonce:true',
          'credentials:true',
          'holder:true',
        ])
      })
    }
  }

  it('behavior: vc+jwt tokens carry typ vc+jwt and the credential as the claims set', async () => {
    const { city, citizen } = await createParties()
    const { token } = await issueCredential({ issuer: city, credential: residencyCard(citizen.did), clock })
    const { header, payload } = decodeJws(token)
    expect(header).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', kid: city.kid })
    expect(payload).toMatchObject({
      issuer: city.did,
      iss: city.did,
      iat: NOW / 1000,
      type: ['VerifiableCredential', 'ResidencyCard'],
    })
    expect(payload.vc).toBeUndefined()
  })

  it('behavior: jwt_vc_json tokens carry vc, iss, sub, jti and nbf as did-jwt-vc writes them', async () => {
    const { city, citizen } = await createParties()
    const card = residencyCard(citizen.did)
    const { token } = await issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json', clock })
    const { header, payload } = decodeJws(token)
    expect(header.typ).toBe('JWT')
    expect(payload).toMatchObject({ iss: city.did, sub: citizen.did, jti: card.id, nbf: NOW / 1000 })
    expect((payload.vc as { '@context': string[] })['@context'][0]).toBe(
      'https://www.w3.org/2018/credentials/v1',
    )
  })

  it('error: a credential that breaks its schema cannot be issued (ERR_SCHEMA_INVALID)', async () => {
    const { city, citizen } = await createParties()
    const card = residencyCard(citizen.did)
    ;(card.credentialSubject as Record<string, unknown>).birthDate = '12/04/1990'
    await expect(issueCredential({ issuer: city, credential: card, clock })).rejects.toMatchObject({
      code: 'ERR_SCHEMA_INVALID',
    })
  })

  it('error: ERR_SCHEMA_INVALID lists every fault with its JSON pointer, not only the first', async () => {
    const { city, citizen } = await createParties()
    const card = residencyCard(citizen.did)
    const subject = card.credentialSubject as Record<string, unknown>
    subject.birthDate = '12/04/1990'
    delete subject.familyName
    delete subject.givenName
    const failure = await issueCredential({ issuer: city, credential: card, clock }).catch((error) => error)
    expect(failure).toMatchObject({ code: 'ERR_SCHEMA_INVALID' })
    const errors = failure.details.errors as string[]
    expect(errors).toHaveLength(3)
    expect(errors.some((fault) => fault.startsWith('/credentialSubject/birthDate: '))).toBe(true)
    expect(errors.filter((fault) => /familyName|givenName/.test(fault))).toHaveLength(2)
    expect(failure.message).toContain('3 faults')
  })

  it('error: a credential naming another issuer cannot be issued (ERR_ISSUER_MISMATCH)', async () => {
    const { city, citizen } = await createParties()
    const card = { ...residencyCard(citizen.did), issuer: citizen.did }
    await expect(issueCredential({ issuer: city, credential: card, clock })).rejects.toMatchObject({
      code: 'ERR_ISSUER_MISMATCH',
    })
  })

  it('error: an unknown format or a validFor that is not a positive number is ERR_INVALID_ARGUMENT, issuing and presenting', async () => {
    const { city, citizen } = await createParties()
    const card = residencyCard(citizen.did)
    const { token } = await issueCredential({ issuer: city, credential: card, clock })
    for (const format of ['ldp_vc', 'VC+JWT', '', 7]) {
      await expect(
        issueCredential({ issuer: city, credential: card, clock, format: format as never }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
      await expect(
        createPresentation({ holder: citizen, credentials: [token], clock, format: format as never }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
    for (const validFor of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '60000']) {
      await expect(
        issueCredential({ issuer: city, credential: card, clock, validFor: validFor as never }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
      await expect(
        createPresentation({ holder: citizen, credentials: [token], clock, validFor: validFor as never }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
  })
})

describe('issueCredential with status for dc+sd-jwt', () => {
  /** A registry that records what it allocates: lists of token status entries at a fixed URL. */
  function recordingStatus(listFormat: 'statuslist+jwt' | 'vc+jwt' = 'statuslist+jwt') {
    const allocations: { purpose: string; credentialId?: string; statusSize?: number }[] = []
    return {
      allocations,
      status: {
        listFormat,
        listUrl: (listId: string) => `https://city.example/token-status/${listId}`,
        registry: {
          allocate: async (options: {
            purpose: 'revocation' | 'suspension'
            credentialId?: string
            statusSize?: 1 | 2 | 4 | 8
          }) => {
            allocations.push(options)
            return { listId: 'L1', index: 4711 }
          },
        },
      },
    }
  }

  it('behavior: the status claim { status_list: { idx, uri } } is added, visible, from one 2-bit entry bound to the jti', async () => {
    const { city, citizen, resolver } = await createParties('ES256', 'ES256')
    const { status, allocations } = recordingStatus()
    const issued = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: {
        vct: 'urn:civitas:vct:test:1',
        sub: citizen.did,
        jti: 'urn:uuid:card-9',
        given_name: 'Mari',
      },
      disclosable: ['given_name'],
      status,
      clock,
    })
    expect(issued.id).toBe('urn:uuid:card-9')
    expect(allocations).toEqual([{ purpose: 'revocation', credentialId: 'urn:uuid:card-9', statusSize: 2 }])
    const verified = await verifyCredential(issued.token, { resolver, clock })
    expect(verified.credential.status).toEqual({
      status_list: { idx: 4711, uri: 'https://city.example/token-status/L1' },
    })
  })

  it('error: nothing is allocated for a credential that is refused (bad disclosable path, status already present, W3C lists)', async () => {
    const { city, citizen } = await createParties('ES256', 'ES256')
    const { status, allocations } = recordingStatus()
    const base = { vct: 'urn:civitas:vct:test:1', sub: citizen.did }
    const refused = [
      { credential: base, disclosable: ['nope'], status },
      { credential: { ...base, status: { status_list: { idx: 1, uri: 'https://x.example/1' } } }, status },
      { credential: base, status: recordingStatus('vc+jwt').status },
    ]
    for (const options of refused) {
      await expect(
        issueCredential({ issuer: city, format: 'dc+sd-jwt', clock, ...options }),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    }
    expect(allocations).toEqual([])
  })
})
