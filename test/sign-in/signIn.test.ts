import { startLoopbackServer } from '@civitas/cli/demo'
import type { JsonObject } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { signJws } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import {
  createSignInRelyingParty,
  type DcqlQuery,
  type NonceStore,
  readSignInRequest,
  type SignInRequest,
} from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { createParties, residencyCard, residencyInput, YEAR } from '../support/parties.js'
import { buildAnswer, citizenWallet, post, residencyQuery as query } from '../support/signIn.js'

const servers: { close(): Promise<void> }[] = []
const stores: NonceStore[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await Promise.all(stores.map((store) => store.close()))
})

/** A relying party on its own loopback server; `signed` gives it a DID, otherwise it uses `redirect_uri:`. */
async function startRelyingParty(options: {
  parties: Awaited<ReturnType<typeof createParties>>
  signed?: boolean
  store?: NonceStore
  clock?: () => number
  transactionTtlMs?: number
  idToken?: boolean
  trust?: Record<string, string[]>
  holderBinding?: 'required' | 'optional'
}) {
  const { parties } = options
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  servers.push(server)
  const identity =
    options.signed === false ? undefined : await createDidKey({ keyStore: parties.keyStore, alg: 'EdDSA' })
  const rp = createSignInRelyingParty({
    baseUrl: `${server.origin}/sign-in`,
    resolver: parties.resolver,
    verifier: createVerifier({
      resolver: parties.resolver,
      trust: options.trust ?? { ResidencyCard: [parties.city.did] },
      ...(options.holderBinding === undefined ? {} : { holderBinding: options.holderBinding }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    }),
    ...(identity === undefined ? {} : { identity }),
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.transactionTtlMs === undefined ? {} : { transactionTtlMs: options.transactionTtlMs }),
    ...(options.idToken === undefined ? {} : { idToken: options.idToken }),
  })
  handler = rp.handler
  return { rp, origin: server.origin, identity }
}

describe('sign in with a wallet (OpenID4VP cross-device, SIOPv2)', () => {
  it.each([
    ['a DID-signed request (decentralized_identifier:)', true],
    ['an unsigned request (redirect_uri:)', false],
  ])('behavior: the full flow over loopback HTTP with %s', async (_name, signed) => {
    const parties = await createParties()
    const { rp, identity } = await startRelyingParty({ parties, signed })
    const { wallet } = await citizenWallet(parties)
    const start = await rp.start({ query })
    expect(start.qr).toMatch(/^openid4vp:\/\/\?client_id=[^&]+&request_uri=http/)
    expect(await rp.status(start.id)).toMatchObject({ status: 'pending' })

    const offered: string[] = []
    const answer = await wallet.respond(start.qr, {
      allowLoopbackHttp: true,
      approve: ({ clientId, clientDid, matches }) => {
        offered.push(clientId, clientDid ?? '', ...(matches.residency ?? []).map((match) => match.record.id))
        return true
      },
    })
    expect(answer).toMatchObject({ declined: false, shared: { residency: [expect.any(String)] } })
    expect(offered[0]).toBe(rp.clientId)
    expect(offered[1]).toBe(identity?.did ?? '')

    const done = await rp.status(start.id)
    expect(done).toMatchObject({
      status: 'complete',
      result: { did: parties.citizen.did, claims: { residencyStatus: expect.any(String) } },
    })
  })

  it('behavior: a declined request posts nothing and the sign-in stays pending', async () => {
    const parties = await createParties()
    const { rp } = await startRelyingParty({ parties })
    const { wallet } = await citizenWallet(parties)
    const start = await rp.start({ query })
    expect(await wallet.respond(start.qr, { allowLoopbackHttp: true, approve: () => false })).toMatchObject({
      declined: true,
    })
    expect(await rp.status(start.id)).toMatchObject({ status: 'pending' })
  })

  it('error: a wallet without a matching credential is told so with ERR_CREDENTIAL_NOT_FOUND', async () => {
    const parties = await createParties()
    const { rp } = await startRelyingParty({ parties })
    const empty = createWallet({
      identity: parties.citizen,
      credentialStore: createMemoryCredentialStore(),
      resolver: parties.resolver,
    })
    const start = await rp.start({ query })
    await expect(
      empty.respond(start.qr, { allowLoopbackHttp: true, approve: () => true }),
    ).rejects.toMatchObject({
      code: 'ERR_CREDENTIAL_NOT_FOUND',
    })
  })

  describe('presentations only (idToken: false, response_type=vp_token)', () => {
    it('behavior: the request asks for vp_token alone, the wallet sends no id_token, and the holder signs in', async () => {
      const parties = await createParties()
      const { rp } = await startRelyingParty({ parties, idToken: false })
      const { wallet, card } = await citizenWallet(parties)
      const start = await rp.start({ query })
      const requestUri = new URL(start.qr).searchParams.get('request_uri') ?? ''
      const claims = decodeJwt(await (await fetch(requestUri)).text())
      expect(claims).toMatchObject({ response_type: 'vp_token', response_mode: 'direct_post' })
      expect(claims).not.toHaveProperty('scope')
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      expect(request.idToken).toBe(false)
      expect((await buildAnswer(request, parties.citizen, { residency: [card] })).has('id_token')).toBe(false)

      await wallet.respond(start.qr, { allowLoopbackHttp: true, approve: () => true })
      expect(await rp.status(start.id)).toMatchObject({
        status: 'complete',
        result: { did: parties.citizen.did, claims: { residencyStatus: expect.any(String) } },
      })
    })

    it('error: an id_token the request did not ask for is refused with ERR_REQUEST_INVALID', async () => {
      const parties = await createParties()
      const { rp, origin } = await startRelyingParty({ parties, idToken: false })
      const { card } = await citizenWallet(parties)
      const start = await rp.start({ query })
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      const form = await buildAnswer({ ...request, idToken: true }, parties.citizen, { residency: [card] })
      const response = await post(`${origin}/sign-in/response`, form)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' })
      expect(await rp.status(start.id)).toMatchObject({ status: 'pending' })
    })

    it('error: someone else presenting the holder’s credential is refused with ERR_HOLDER_MISMATCH', async () => {
      const parties = await createParties()
      const { rp, origin } = await startRelyingParty({ parties, idToken: false })
      const { card } = await citizenWallet(parties)
      const stranger = await createDidKey({ keyStore: parties.keyStore, alg: 'EdDSA' })
      const start = await rp.start({ query })
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      const form = await buildAnswer(request, stranger, { residency: [card] })
      const response = await post(`${origin}/sign-in/response`, form)
      expect(await response.json()).toMatchObject({ code: 'ERR_HOLDER_MISMATCH' })
    })

    it('behavior: the default request asks for vp_token id_token with scope openid; its iss is the DID whose key signs', async () => {
      const parties = await createParties()
      const { rp, identity } = await startRelyingParty({ parties })
      const start = await rp.start({ query })
      const requestUri = new URL(start.qr).searchParams.get('request_uri') ?? ''
      const token = await (await fetch(requestUri)).text()
      expect(decodeJwt(token)).toMatchObject({
        iss: identity?.did,
        client_id: `decentralized_identifier:${identity?.did}`,
        response_type: 'vp_token id_token',
        scope: 'openid',
      })
      expect(decodeProtectedHeader(token).kid?.startsWith(`${identity?.did}#`)).toBe(true)
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      expect(request.idToken).toBe(true)
    })
  })

  describe("the relying party's policy, whatever the token offers", () => {
    /** A fresh sign-in, read as a wallet reads it. */
    async function signInRequest(
      rp: Awaited<ReturnType<typeof startRelyingParty>>['rp'],
      parties: Awaited<ReturnType<typeof createParties>>,
      asked: DcqlQuery = query,
    ) {
      const start = await rp.start({ query: asked })
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      return { start, request }
    }

    /**
     * A relying party trusting the city for residency cards and a health office for quarantine passes,
     * and a card the health office signed that also claims to be a residency card.
     */
    async function disguisedCardScene() {
      const parties = await createParties()
      const health = await createDidKey({ keyStore: parties.keyStore, alg: 'ES256' })
      const relyingParty = await startRelyingParty({
        parties,
        trust: { ResidencyCard: [parties.city.did], QuarantinePass: [health.did] },
      })
      const disguised = residencyCard(parties.citizen.did) as JsonObject
      disguised.type = ['VerifiableCredential', 'QuarantinePass', 'ResidencyCard']
      const mixed = await issueCredential({ issuer: health, credential: disguised, validFor: YEAR })
      return { parties, ...relyingParty, mixed: mixed.token }
    }

    it('error: a bare credential in vp_token is ERR_PRESENTATION_REQUIRED, even with a verifier whose default is optional', async () => {
      const parties = await createParties()
      const { rp, origin } = await startRelyingParty({ parties, holderBinding: 'optional' })
      const { card } = await citizenWallet(parties)
      const { start, request } = await signInRequest(rp, parties)
      const form = await buildAnswer(request, parties.citizen, { residency: [card] })
      // The credential lifted out of the presentation, answered with the holder's genuine ID token.
      form.set('vp_token', JSON.stringify({ residency: [card] }))
      const response = await post(`${origin}/sign-in/response`, form)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'ERR_PRESENTATION_REQUIRED' })
      expect(await rp.status(start.id)).toMatchObject({ status: 'pending' })
    })

    it('error: an SD-JWT answer with its key-binding JWT cut off is ERR_KEY_BINDING_MISSING', async () => {
      const parties = await createParties()
      const vct = residency.vct
      const { rp, origin } = await startRelyingParty({ parties, trust: { [vct]: [parties.city.did] } })
      const { credential, disclosable } = residency.buildSdJwt(residencyInput(parties.citizen.did))
      const card = await issueCredential({
        issuer: parties.city,
        format: 'dc+sd-jwt',
        credential,
        disclosable,
      })
      const asked: DcqlQuery = {
        credentials: [{ id: 'adult', format: 'dc+sd-jwt', meta: { vct_values: [vct] } }],
      }
      const { request } = await signInRequest(rp, parties, asked)
      const form = await buildAnswer(request, parties.citizen, { adult: [card.token] })
      const [presented] = (JSON.parse(form.get('vp_token') ?? '{}') as { adult: string[] }).adult
      const cut = presented?.slice(0, presented.lastIndexOf('~') + 1)
      form.set('vp_token', JSON.stringify({ adult: [cut] }))
      const response = await post(`${origin}/sign-in/response`, form)
      expect(await response.json()).toMatchObject({ code: 'ERR_KEY_BINDING_MISSING' })
    })

    it('error: an issuer trusted for another type cannot answer a ResidencyCard query by listing both types', async () => {
      const { parties, rp, origin, mixed } = await disguisedCardScene()
      const { start, request } = await signInRequest(rp, parties)
      const response = await post(
        `${origin}/sign-in/response`,
        await buildAnswer(request, parties.citizen, { residency: [mixed] }),
      )
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'ERR_UNTRUSTED_ISSUER' })
      expect(await rp.status(start.id)).toMatchObject({ status: 'pending' })
    })

    it('error: a type set answered only by an untrusted type is ERR_TYPE_NOT_ACCEPTED', async () => {
      const { parties, rp, origin, mixed } = await disguisedCardScene()
      // Two alternatives: a quarantine pass that is also a residency card, or a plain residency card.
      const asked: DcqlQuery = {
        credentials: [
          {
            id: 'residency',
            format: 'vc+jwt',
            meta: { type_values: [['QuarantinePass', 'MembershipCard'], ['ResidencyCard']] },
          },
        ],
      }
      const { request } = await signInRequest(rp, parties, asked)
      const response = await post(
        `${origin}/sign-in/response`,
        await buildAnswer(request, parties.citizen, { residency: [mixed] }),
      )
      // Trusted for QuarantinePass only: its full set is not listed, and ResidencyCard is not vouched for.
      expect(await response.json()).toMatchObject({ code: 'ERR_TYPE_NOT_ACCEPTED' })
    })
  })

  describe('hostile answers and requests', () => {
    async function scene() {
      const parties = await createParties()
      const relyingParty = await startRelyingParty({ parties })
      const { card } = await citizenWallet(parties)
      const start = await relyingParty.rp.start({ query })
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      const stranger = await createDidKey({ keyStore: parties.keyStore, alg: 'EdDSA' })
      return { parties, ...relyingParty, card, start, request, stranger }
    }

    async function refusal(origin: string, form: URLSearchParams) {
      const response = await post(`${origin}/sign-in/response`, form)
      expect(response.status).toBe(400)
      return ((await response.json()) as { code: string }).code
    }

    it.each([
      [
        'a wrong nonce',
        (r: SignInRequest) => ({ ...r, nonce: 'a-nonce-the-relying-party-never-issued' }),
        'ERR_NONCE_MISMATCH',
      ],
      [
        'a wrong state',
        (r: SignInRequest) => ({ ...r, state: 'a-state-the-relying-party-never-issued' }),
        'ERR_STATE_MISMATCH',
      ],
      [
        'another audience',
        (r: SignInRequest) => ({ ...r, clientId: 'decentralized_identifier:did:web:evil.example' }),
        'ERR_AUDIENCE_MISMATCH',
      ],
    ])('error: an answer with %s is refused with %s', async (_name, alter, code) => {
      const { origin, request, parties, card } = await scene()
      const form = await buildAnswer(alter(request), parties.citizen, { residency: [card] })
      expect(await refusal(origin, form)).toBe(code)
    })

    it('error: an answer to another transaction (its state, this nonce) is refused with ERR_NONCE_MISMATCH', async () => {
      const { origin, request, parties, card, rp } = await scene()
      const other = await readSignInRequest((await rp.start({ query })).qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      const form = await buildAnswer({ ...request, state: other.state }, parties.citizen, {
        residency: [card],
      })
      expect(await refusal(origin, form)).toBe('ERR_NONCE_MISMATCH')
    })

    it('error: an answer after the transaction expired is refused with ERR_TRANSACTION_EXPIRED', async () => {
      const parties = await createParties()
      let now = Date.now()
      const { rp, origin } = await startRelyingParty({ parties, clock: () => now, transactionTtlMs: 60_000 })
      const { card } = await citizenWallet(parties)
      const start = await rp.start({ query })
      const request = await readSignInRequest(start.qr, {
        resolver: parties.resolver,
        allowLoopbackHttp: true,
      })
      const form = await buildAnswer(request, parties.citizen, { residency: [card] })
      now += 61_000
      expect(await refusal(origin, form)).toBe('ERR_TRANSACTION_EXPIRED')
      expect(await rp.status(start.id)).toEqual({ status: 'expired' })
    })

    it('error: a presentation of someone else’s credential is refused with ERR_HOLDER_MISMATCH', async () => {
      const { origin, request, card, stranger } = await scene()
      const form = await buildAnswer(request, stranger, { residency: [card] })
      expect(await refusal(origin, form)).toBe('ERR_HOLDER_MISMATCH')
    })

    it('error: an id_token whose sub is not the presentation holder is refused with ERR_HOLDER_MISMATCH', async () => {
      const { origin, request, parties, card, stranger } = await scene()
      const form = await buildAnswer(request, parties.citizen, { residency: [card] }, stranger)
      expect(await refusal(origin, form)).toBe('ERR_HOLDER_MISMATCH')
    })

    it('error: a vp_token that leaves a query unanswered is refused with ERR_REQUEST_INVALID', async () => {
      const { origin, request, parties, card } = await scene()
      const form = await buildAnswer(request, parties.citizen, { residency: [card] })
      const { token } = await createPresentation({
        holder: parties.citizen,
        credentials: [card],
        audience: request.clientId,
        nonce: request.nonce,
      })
      form.set('vp_token', JSON.stringify({ other: [token] }))
      expect(await refusal(origin, form)).toBe('ERR_REQUEST_INVALID')
    })

    it('error: an oversized body is refused with ERR_INPUT_TOO_LARGE', async () => {
      const { origin, request, parties, card } = await scene()
      const form = await buildAnswer(request, parties.citizen, { residency: [card] })
      form.set('padding', 'x'.repeat(300_000))
      expect(await refusal(origin, form)).toBe('ERR_INPUT_TOO_LARGE')
    })

    it('error: a request object signed by a key not in the relying party’s DID document is refused', async () => {
      const { parties, start, identity, stranger } = await scene()
      const requestUri = new URL(start.qr).searchParams.get('request_uri') ?? ''
      const genuine = await (await fetch(requestUri)).text()
      const [, payload] = genuine.split('.')
      // The stranger signs the same claims, naming the relying party's key in kid.
      const forged = await signJws({
        header: { typ: 'oauth-authz-req+jwt', kid: identity?.kid ?? '' },
        payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')),
        signer: stranger.signer,
      })
      const server = await startLoopbackServer(async () => new Response(forged))
      servers.push(server)
      const qr = `openid4vp://?${new URLSearchParams({ client_id: `decentralized_identifier:${identity?.did}`, request_uri: `${server.origin}/r` })}`
      await expect(
        readSignInRequest(qr, { resolver: parties.resolver, allowLoopbackHttp: true }),
      ).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
    })

    it('error: a redirect_uri: request whose response_uri is on another origin is refused with ERR_REQUEST_INVALID', async () => {
      const parties = await createParties()
      const { rp } = await startRelyingParty({ parties, signed: false })
      const start = await rp.start({ query })
      const genuine = await (await fetch(new URL(start.qr).searchParams.get('request_uri') ?? '')).text()
      const [header, payload] = genuine.split('.')
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))
      claims.response_uri = 'http://127.0.0.1:9/elsewhere'
      const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`
      const server = await startLoopbackServer(async () => new Response(tampered))
      servers.push(server)
      const qr = `openid4vp://?${new URLSearchParams({ client_id: rp.clientId, request_uri: `${server.origin}/r` })}`
      await expect(
        readSignInRequest(qr, { resolver: parties.resolver, allowLoopbackHttp: true }),
      ).rejects.toMatchObject({
        code: 'ERR_REQUEST_INVALID',
      })
    })

    it.each([
      [
        'an origin: client id',
        'openid4vp://?client_id=origin%3Ahttps%3A%2F%2Frp.example&request_uri=https%3A%2F%2Frp.example%2Fr',
      ],
      [
        'extra parameters',
        'openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Frp.example%2Fr&request_uri=https%3A%2F%2Frp.example%2Fr&nonce=x',
      ],
      [
        'a plain-http request_uri',
        'openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Frp.example%2Fr&request_uri=http%3A%2F%2Frp.example%2Fr',
      ],
      ['not a URL at all', 'hello'],
    ])(
      'error: a QR code with %s is refused with ERR_REQUEST_INVALID before any request',
      async (_name, qr) => {
        const parties = await createParties()
        let fetched = false
        await expect(
          readSignInRequest(qr, {
            resolver: parties.resolver,
            fetch: async () => {
              fetched = true
              return new Response('')
            },
          }),
        ).rejects.toMatchObject({ code: 'ERR_REQUEST_INVALID' })
        expect(fetched).toBe(false)
      },
    )
  })
})
