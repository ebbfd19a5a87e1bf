import { fixedClock } from '@civitas/core'
import { createResolver } from '@civitas/did'
import { describe, expect, it } from 'vitest'
import { NOW, residencyCard, YEAR } from '../../../test/support/parties.js'
import { createVeramoTestAgent } from '../../../test/support/veramoAgent.js'
import { type CreateCivitasPluginOptions, createCivitasPlugin } from './createCivitasPlugin.js'

function agentWith(options: CreateCivitasPluginOptions = {}, schemaValidation = false) {
  return createVeramoTestAgent({
    resolver: createResolver(),
    civitas: { clock: fixedClock(NOW), ...options },
    schemaValidation,
  }).agent
}

const audience = 'https://clinic.example'
const nonce = 'n-plugin-0123456789'

describe('createCivitasPlugin', () => {
  it('behavior: an issued dc+sd-jwt discloses only what the holder presents, through the agent', async () => {
    const agent = agentWith()
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    const citizen = await agent.didManagerCreate({ provider: 'did:key', options: { keyType: 'Secp256k1' } })
    const { token, format } = await agent.civitasIssue({
      issuer: city.did,
      credential: { vct: 'https://tartu.ee/library-card', sub: citizen.did, name: 'Mari Tamm', card: 'L-1' },
      format: 'dc+sd-jwt',
      disclosable: ['name', 'card'],
      validFor: YEAR,
    })
    expect(format).toBe('dc+sd-jwt')
    const { token: vp } = await agent.civitasPresent({
      holder: citizen.did,
      credentials: [token],
      audience,
      nonce,
      disclose: ['card'],
    })
    const report = await agent.civitasVerify({ token: vp, audience, nonce })
    expect(report).toMatchObject({ ok: true, kind: 'presentation', holder: citizen.did, issuer: city.did })
    expect(report.claims).toMatchObject({ card: 'L-1' })
    expect(report.claims).not.toHaveProperty('name')
  })

  it('error: civitasVerify with an audience refuses a bare credential (ERR_PRESENTATION_REQUIRED) or an SD-JWT without key binding (ERR_KEY_BINDING_MISSING)', async () => {
    const agent = agentWith({}, true)
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    const citizen = await agent.didManagerCreate({ provider: 'did:key' })
    const card = await agent.civitasIssue({ issuer: city.did, credential: residencyCard(citizen.did) })
    const bare = await agent.civitasVerify({ token: card.token, audience, nonce, allowBearer: true })
    expect(bare).toMatchObject({ ok: false, error: { code: 'ERR_PRESENTATION_REQUIRED' } })
    const printed = await agent.civitasVerify({
      token: card.token,
      audience,
      nonce,
      holderBinding: 'optional',
    })
    expect(printed).toMatchObject({ ok: true, kind: 'credential' })
    await expect(
      agent.civitasVerify({ token: card.token, holderBinding: 'maybe' } as never),
    ).rejects.toMatchObject({ name: 'ValidationError' })

    const sdJwt = await agent.civitasIssue({
      issuer: city.did,
      credential: { vct: 'https://tartu.ee/library-card', sub: citizen.did, card: 'L-1' },
      format: 'dc+sd-jwt',
      disclosable: ['card'],
    })
    const { token: vp } = await agent.civitasPresent({
      holder: citizen.did,
      credentials: [sdJwt.token],
      audience,
      nonce,
      disclose: ['card'],
    })
    const cut = vp.slice(0, vp.lastIndexOf('~') + 1)
    expect(await agent.civitasVerify({ token: cut, audience, nonce })).toMatchObject({
      ok: false,
      error: { code: 'ERR_KEY_BINDING_MISSING' },
    })
  })

  it('behavior: the plugin clock governs verification: a credential past its validity reports ERR_CREDENTIAL_EXPIRED', async () => {
    const issuing = agentWith()
    const city = await issuing.didManagerCreate({ provider: 'did:key' })
    const { token } = await issuing.civitasIssue({
      issuer: city.did,
      credential: residencyCard(city.did),
      validFor: 60_000,
    })
    const later = agentWith({ clock: fixedClock(NOW + YEAR) })
    const report = await later.civitasVerify({ token })
    expect(report.ok).toBe(false)
    expect(report.error?.code).toBe('ERR_CREDENTIAL_EXPIRED')
  })

  it('behavior: civitasVerify never throws on hostile tokens; the report names the failure by code', async () => {
    const agent = agentWith()
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    const { token: issued } = await agent.civitasIssue({
      issuer: city.did,
      credential: residencyCard(city.did),
    })
    const [, payload] = issued.split('.')
    const none = `${Buffer.from('{"alg":"none","typ":"vc+jwt"}').toString('base64url')}.${payload}.`
    for (const [token, code] of [
      ['', 'ERR_JWS_MALFORMED'],
      ['not.a.token', 'ERR_BASE64URL_INVALID'],
      [none, 'ERR_ALGORITHM_UNSUPPORTED'],
      ['x'.repeat(1_000_000), 'ERR_INPUT_TOO_LARGE'],
    ] as const) {
      const report = await agent.civitasVerify({ token })
      expect(report.ok, code).toBe(false)
      expect(report.error?.code, token.slice(0, 20)).toBe(code)
    }
  })

  it('error: civitasIssue for a DID the agent does not manage is ERR_DID_NOT_FOUND; a malformed one ERR_DID_INVALID', async () => {
    const agent = agentWith()
    const other = agentWith()
    const stranger = await other.didManagerCreate({ provider: 'did:key' })
    await expect(
      agent.civitasIssue({ issuer: stranger.did, credential: residencyCard(stranger.did) }),
    ).rejects.toMatchObject({ code: 'ERR_DID_NOT_FOUND' })
    await expect(
      agent.civitasIssue({ issuer: 'mari', credential: residencyCard(stranger.did) }),
    ).rejects.toMatchObject({
      code: 'ERR_DID_INVALID',
    })
    await expect(
      agent.civitasPresent({ holder: stranger.did, credentials: [], audience, nonce }),
    ).rejects.toMatchObject({ code: 'ERR_DID_NOT_FOUND' })
  })

  it('error: a keyRef that is not the DID key is ERR_VERIFICATION_METHOD_NOT_FOUND', async () => {
    const agent = agentWith()
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    const other = await agent.keyManagerCreate({ kms: 'local', type: 'Ed25519' })
    await expect(
      agent.civitasIssue({ issuer: city.did, credential: residencyCard(city.did), keyRef: other.kid }),
    ).rejects.toMatchObject({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' })
    const { token } = await agent.civitasIssue({
      issuer: city.did,
      credential: residencyCard(city.did),
      keyRef: city.keys[0]?.kid as string,
    })
    expect((await agent.civitasVerify({ token })).ok).toBe(true)
  })

  it('error: hostile arguments to civitasIssue and civitasPresent fail by code, without schema validation', async () => {
    const agent = agentWith()
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    const card = residencyCard(city.did)
    for (const [args, code] of [
      [{ issuer: city.did, credential: null }, 'ERR_CREDENTIAL_INVALID'],
      [{ issuer: city.did, credential: [] }, 'ERR_CREDENTIAL_INVALID'],
      [{ issuer: city.did, credential: { constructor: 1 } }, 'ERR_CREDENTIAL_INVALID'],
      [{ issuer: city.did, credential: card, format: 'ldp_vc' }, 'ERR_INVALID_ARGUMENT'],
      [{ issuer: city.did, credential: card, keyRef: 7 }, 'ERR_INVALID_ARGUMENT'],
      [{ issuer: city.did, credential: card, validFor: -5 }, 'ERR_INVALID_ARGUMENT'],
      [{ issuer: 7, credential: card }, 'ERR_DID_INVALID'],
      [{ issuer: city.did, credential: { ...card, issuer: 'did:key:z6MkOther' } }, 'ERR_ISSUER_MISMATCH'],
    ] as const) {
      await expect(
        agent.civitasIssue(args as never),
        JSON.stringify(args).slice(0, 80),
      ).rejects.toMatchObject({
        code,
      })
    }
    for (const credentials of ['eyJ.a.b', [7], null]) {
      await expect(agent.civitasPresent({ holder: city.did, credentials } as never)).rejects.toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      })
    }
  })

  it('error: with schema validation on, the agent refuses malformed arguments before the plugin runs', async () => {
    const agent = agentWith({}, true)
    const city = await agent.didManagerCreate({ provider: 'did:key' })
    await expect(agent.civitasVerify({} as never)).rejects.toMatchObject({ name: 'ValidationError' })
    await expect(agent.civitasVerify({ token: 'a.b.c', nonce: 7 } as never)).rejects.toMatchObject({
      name: 'ValidationError',
    })
    await expect(
      agent.civitasIssue({
        issuer: city.did,
        credential: residencyCard(city.did),
        format: 'ldp_vc',
      } as never),
    ).rejects.toMatchObject({ name: 'ValidationError' })
    const { token } = await agent.civitasIssue({ issuer: city.did, credential: residencyCard(city.did) })
    expect(await agent.civitasVerify({ token })).toMatchObject({ ok: true })
  })

  it('error: a resolver without resolve is ERR_INVALID_ARGUMENT', () => {
    expect(() => createCivitasPlugin({ resolver: {} as never })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
