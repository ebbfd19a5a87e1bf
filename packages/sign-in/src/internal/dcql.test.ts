import { decodeBase64urlJson } from '@civitas/core'
import { type CredentialFormat, credentialFormats, defaultCredentialFormat } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { buildRequestObject } from './buildRequestObject.js'
import { parseClientId } from './clientId.js'
import { dcqlOf, hasRequestedTypes, readDcqlQuery, requestedTypes } from './dcql.js'

/** A claim path each format accepts: under its subject member, or a top-level claim. */
const pathFor = (format: CredentialFormat) => {
  const member = dcqlOf({ format }).subjectMember
  return member === undefined ? ['locality'] : [member, 'address', 'locality']
}

describe('DCQL reads the credential format table', () => {
  for (const { format, dcql } of credentialFormats) {
    it(`behavior: a ${format} query is read with its format's types member and claim path root`, () => {
      const meta = dcql.typesMeta === 'vct_values' ? { vct_values: ['Card'] } : { type_values: [['Card']] }
      const query = readDcqlQuery(
        { credentials: [{ id: 'card', format, meta, claims: [{ path: pathFor(format) }] }] },
        'ERR_REQUEST_INVALID',
      )
      const credentialQuery = query.credentials[0]
      if (credentialQuery === undefined) throw new Error('no credential query')
      expect(requestedTypes(credentialQuery)).toEqual(['Card'])
      expect(hasRequestedTypes(['VerifiableCredential', 'Card'], credentialQuery)).toBe(true)
      expect(hasRequestedTypes(['VerifiableCredential'], credentialQuery)).toBe(false)
    })

    it(`error: a ${format} claim path its format does not accept is refused with the caller's code`, () => {
      const member = dcql.subjectMember
      const path = member === undefined ? ['address', null] : ['address', 'locality']
      expect(() =>
        readDcqlQuery({ credentials: [{ id: 'card', format, claims: [{ path }] }] }, 'ERR_INVALID_ARGUMENT'),
      ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }))
    })
  }

  it('error: a format the table lacks is refused with ERR_REQUEST_INVALID, naming the formats it has', () => {
    let refusal: unknown
    try {
      readDcqlQuery({ credentials: [{ id: 'pass', format: 'eu-dcc' }] }, 'ERR_REQUEST_INVALID')
    } catch (error) {
      refusal = error
    }
    expect(refusal).toMatchObject({ code: 'ERR_REQUEST_INVALID' })
    for (const { format } of credentialFormats) expect(String((refusal as Error).message)).toContain(format)
  })

  it("behavior: a name the table lacks reads as the default format's DCQL", () => {
    expect(dcqlOf({ format: 'eu-dcc' as CredentialFormat })).toBe(defaultCredentialFormat.dcql)
  })

  it("behavior: the request object's vp_formats_supported lists every format of the table, each with its entry", async () => {
    const token = await buildRequestObject({
      clientId: parseClientId('redirect_uri:https://rp.example/response'),
      responseUri: 'https://rp.example/response',
      nonce: 'n-1',
      state: 's-1',
      query: { credentials: [{ id: 'card', format: 'vc+jwt' }] },
      idToken: false,
      issuedAt: 0,
      expiresAt: 60_000,
    })
    const claims = decodeBase64urlJson(token.split('.')[1] ?? '') as {
      client_metadata: { vp_formats_supported: Record<string, unknown> }
    }
    expect(claims.client_metadata.vp_formats_supported).toEqual(
      Object.fromEntries(credentialFormats.map(({ format, dcql }) => [format, dcql.vpFormat])),
    )
  })
})
