import { createPresentation, issueCredential } from '@civitas/credentials'
import { createStatusListPublisher } from '@civitas/status-list'
import { createPostgresStatusRegistry } from '@civitas/status-list/postgres'
import { createVerifier } from '@civitas/verifier'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, NOW, residencyCard, YEAR } from '../support/parties.js'
import { dropTables, findPostgresConnectionString } from '../support/postgres.js'
import { failedCheck } from '../support/reports.js'
import { startStatusServer } from '../support/statusServer.js'

const connectionString = await findPostgresConnectionString()
const tablePrefix = `cvts_${Math.random().toString(36).slice(2, 8)}_`

describe('one PostgreSQL StatusRegistry serves W3C lists and Token Status Lists', () => {
  let server: Awaited<ReturnType<typeof startStatusServer>>
  beforeAll(async () => {
    server = await startStatusServer()
  })
  afterAll(async () => {
    await server.close()
    await dropTables(connectionString, tablePrefix)
  })

  it('behavior: a vc+jwt card and a dc+sd-jwt card from one registry are each checked, revoked and refused by code', async () => {
    const clock = () => NOW
    const { city, citizen, resolver } = await createParties('ES256', 'ES256')
    const registry = createPostgresStatusRegistry({ connectionString, tablePrefix, clock })
    await registry.migrate()
    const w3c = createStatusListPublisher({ registry, issuer: city, baseUrl: `${server.origin}/w3c`, clock })
    const tokens = createStatusListPublisher({
      registry,
      issuer: city,
      baseUrl: `${server.origin}/tokens`,
      format: 'statuslist+jwt',
      clock,
    })
    server.serve((request) =>
      new URL(request.url).pathname.startsWith('/tokens/') ? tokens.handler(request) : w3c.handler(request),
    )
    const jwtCard = await issueCredential({
      issuer: city,
      credential: residencyCard(citizen.did),
      validFor: YEAR,
      status: w3c,
      clock,
    })
    const sdJwtCard = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: { vct: 'urn:civitas:vct:library-card:1', sub: citizen.did, given_name: 'Mari' },
      disclosable: ['given_name'],
      validFor: YEAR,
      status: tokens,
      clock,
    })
    const jwtEntry = await registry.findEntry({ credentialId: jwtCard.id ?? '' })
    const tokenEntry = await registry.findEntry({ credentialId: sdJwtCard.id ?? '' })
    expect(jwtEntry.listId).not.toBe(tokenEntry.listId)
    expect((await registry.getList(tokenEntry.listId))?.statusSize).toBe(2)

    const verifier = () =>
      createVerifier({
        resolver,
        trust: { ResidencyCard: [city.did], 'urn:civitas:vct:library-card:1': [city.did] },
        clock,
        status: { allowHttp: true, allowHosts: ['127.0.0.1'] },
      })
    const sdJwtPresentation = (
      await createPresentation({
        holder: citizen,
        credentials: [sdJwtCard.token],
        disclose: ['given_name'],
        audience: 'https://library.example',
        nonce: 'n-shared-registry',
        clock,
      })
    ).token
    const expectations = { audience: 'https://library.example', nonce: 'n-shared-registry' }
    expect((await verifier().check(jwtCard.token)).ok).toBe(true)
    expect((await verifier().check(sdJwtPresentation, expectations)).ok).toBe(true)

    await w3c.revoke(jwtCard.id ?? '', { actor: 'clerk@city-hall' })
    await tokens.revoke(sdJwtCard.id ?? '', { actor: 'clerk@city-hall' })
    expect(failedCheck(await verifier().check(jwtCard.token))).toMatchObject({
      code: 'ERR_CREDENTIAL_REVOKED',
    })
    expect(failedCheck(await verifier().check(sdJwtPresentation, expectations))).toMatchObject({
      code: 'ERR_CREDENTIAL_REVOKED',
    })
    expect((await registry.audit()).map(({ credentialId }) => credentialId)).toEqual([
      jwtCard.id,
      sdJwtCard.id,
    ])
    await registry.close()
  })
})
