import { createHash, randomBytes } from 'node:crypto'
import { startLoopbackServer } from '@civitas/cli/demo'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { decodeJws, signJws, verifyJws } from '@civitas/crypto'
import { type Identity, type Resolvable, resolveVerificationKey } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createSignInRelyingParty, type DcqlQuery } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { type CallbackContext, HashAlgorithm, type Jwk } from '@openid4vc/oauth2'
import {
  isOpenid4vpAuthorizationRequestDcApi,
  Openid4vpClient,
  Openid4vpVerifier,
  type ResolvedOpenid4vpAuthorizationRequest,
} from '@openid4vc/openid4vp'
import { setGlobalConfig } from '@openid4vc/utils'
import { DcqlQuery as TheirDcqlQuery } from 'dcql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, residencyCard, residencyInput, YEAR } from '../support/parties.js'

// The other side is the OpenWallet Foundation's OpenID4VP 1.0 implementation (@openid4vc/openid4vp,
// oid4vc-ts): its wallet side against a Civitas relying party, and its verifier side against a
// Civitas wallet, over real loopback HTTP. Its cryptography runs through callbacks, supplied here
// with Civitas primitives: DID resolution (keys under `authentication`), JWS signing and verification.

type Callbacks = Omit<CallbackContext, 'generateRandom' | 'clientAuthentication'>
type Parties = Awaited<ReturnType<typeof createParties>>

const query: DcqlQuery = {
  credentials: [
    {
      id: 'residency',
      format: 'jwt_vc_json',
      meta: { type_values: [['ResidencyCard']] },
      claims: [{ path: ['credentialSubject', 'residencyStatus'] }],
    },
  ],
}

const servers: { close(): Promise<void> }[] = []
beforeAll(() => {
  // Their library accepts only https: URLs unless told otherwise; every server here is on loopback.
  setGlobalConfig({ allowInsecureUrls: true })
})
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false })
  await Promise.all(servers.map((server) => server.close()))
})

function callbacks(resolver: Resolvable, signerIdentity?: Identity): Callbacks {
  const unsupported = () => {
    throw new Error('JWE is not used in these flows')
  }
  return {
    fetch,
    hash: (data, alg) => {
      const name = { [HashAlgorithm.Sha256]: 'sha256', [HashAlgorithm.Sha384]: 'sha384' }[alg as string]
      return new Uint8Array(
        createHash(name ?? 'sha512')
          .update(data)
          .digest(),
      )
    },
    // DID-signed JWTs only: the key must be under `authentication` of the DID its kid names.
    verifyJwt: async (signer, jwt) => {
      if (signer.method !== 'did') return { verified: false }
      try {
        const { publicJwk } = await resolveVerificationKey({
          resolver,
          kid: signer.didUrl,
          relationship: 'authentication',
        })
        await verifyJws(decodeJws(jwt.compact), { publicJwk })
        return { verified: true, signerJwk: publicJwk as Jwk }
      } catch {
        return { verified: false }
      }
    },
    signJwt: async (signer, jwt) => {
      if (signerIdentity === undefined || signer.method !== 'did' || signer.didUrl !== signerIdentity.kid) {
        throw new Error('no key for this signer')
      }
      const token = await signJws({
        header: jwt.header as never,
        payload: jwt.payload as never,
        signer: signerIdentity.signer,
      })
      const { publicJwk } = await resolveVerificationKey({
        resolver,
        kid: signerIdentity.kid,
        relationship: 'authentication',
      })
      return { jwt: token, signerJwk: publicJwk as Jwk }
    },
    encryptJwe: unsupported,
    decryptJwe: unsupported,
  }
}

/** The citizen's wallet, empty, resolving through the parties' resolver. */
function citizenWallet(parties: Parties) {
  return createWallet({
    identity: parties.citizen,
    credentialStore: createMemoryCredentialStore(),
    resolver: parties.resolver,
  })
}

async function residencyCardFor(parties: Parties): Promise<string> {
  const card = await issueCredential({
    issuer: parties.city,
    credential: residencyCard(parties.citizen.did),
    format: 'jwt_vc_json',
    validFor: YEAR,
  })
  return card.token
}

/** A Civitas relying party on its own loopback server. */
async function startRelyingParty(parties: Parties, options: { signed: boolean; idToken: boolean }) {
  let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await startLoopbackServer((request) => handler(request))
  servers.push(server)
  const identity = options.signed
    ? await createDidKey({ keyStore: parties.keyStore, alg: 'EdDSA' })
    : undefined
  const rp = createSignInRelyingParty({
    baseUrl: `${server.origin}/sign-in`,
    resolver: parties.resolver,
    verifier: createVerifier({ resolver: parties.resolver, trust: { ResidencyCard: [parties.city.did] } }),
    idToken: options.idToken,
    ...(identity === undefined ? {} : { identity }),
  })
  handler = rp.handler
  return { rp, identity }
}

describe('OpenID4VP 1.0 interop with @openid4vc/openid4vp (OpenWallet Foundation)', () => {
  describe('their wallet side against a Civitas relying party', () => {
    async function present(
      client: Openid4vpClient,
      resolved: ResolvedOpenid4vpAuthorizationRequest,
      presentation: string,
    ) {
      const { authorizationRequestPayload } = resolved
      if (isOpenid4vpAuthorizationRequestDcApi(authorizationRequestPayload))
        throw new Error('not a DC API request')
      const { authorizationResponsePayload } = await client.createOpenid4vpAuthorizationResponse({
        authorizationRequestPayload,
        authorizationResponsePayload: { vp_token: { residency: [presentation] } },
      })
      const { response } = await client.submitOpenid4vpAuthorizationResponse({
        authorizationRequestPayload,
        authorizationResponsePayload,
      })
      return response
    }

    it('interop: their client resolves the signed request, our relying party accepts their answer, and refuses a tampered one with a code', async () => {
      const parties = await createParties()
      const { rp, identity } = await startRelyingParty(parties, { signed: true, idToken: false })
      const client = new Openid4vpClient({ callbacks: callbacks(parties.resolver) })
      const card = await residencyCardFor(parties)

      const start = await rp.start({ query })
      const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: start.qr })
      expect(parsed).toMatchObject({ type: 'jar', provided: 'uri' })
      const resolved = await client.resolveOpenId4vpAuthorizationRequest({
        authorizationRequestPayload: parsed.params,
      })
      // They verified the request object's signature (through Civitas DID resolution) and read it as 1.0.
      expect(resolved.version).toBe(100)
      expect(resolved.client).toMatchObject({
        prefix: 'decentralized_identifier',
        identifier: identity?.did,
        effective: rp.clientId,
        didUrl: identity?.kid,
      })
      expect(resolved.jar?.signer).toMatchObject({ method: 'did', didUrl: identity?.kid })
      expect(resolved.authorizationRequestPayload).toMatchObject({
        response_type: 'vp_token',
        response_mode: 'direct_post',
        client_id: rp.clientId,
      })
      // Their DCQL implementation accepts the query the request carries.
      expect(resolved.dcql?.query).toEqual(query)
      TheirDcqlQuery.validate(TheirDcqlQuery.parse(resolved.dcql?.query as never))

      // A Civitas presentation bound to the audience and nonce their client gives, sent by their client.
      const { token } = await createPresentation({
        holder: parties.citizen,
        credentials: [card],
        audience: resolved.client.effective,
        nonce: resolved.authorizationRequestPayload.nonce,
        format: 'jwt_vc_json',
      })
      const accepted = await present(client, resolved, token)
      expect(accepted.status).toBe(200)
      expect(await rp.status(start.id)).toMatchObject({
        status: 'complete',
        result: { did: parties.citizen.did, claims: { residencyStatus: expect.any(String) } },
      })

      // A second sign-in answered with a presentation whose signed claims were altered.
      const second = await rp.start({ query })
      const secondResolved = await client.resolveOpenId4vpAuthorizationRequest({
        authorizationRequestPayload: client.parseOpenid4vpAuthorizationRequest({
          authorizationRequest: second.qr,
        }).params,
      })
      const fresh = await createPresentation({
        holder: parties.citizen,
        credentials: [card],
        audience: secondResolved.client.effective,
        nonce: secondResolved.authorizationRequestPayload.nonce,
        format: 'jwt_vc_json',
      })
      const [header, payload, signature] = fresh.token.split('.')
      const altered = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
      altered.exp += 3600
      const tampered = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`
      const refused = await present(client, secondResolved, tampered)
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ code: 'ERR_SIGNATURE_INVALID' })

      // And the presentation made for the first sign-in, replayed into the second, is refused too.
      const replayed = await present(client, secondResolved, token)
      expect(replayed.status).toBe(400)
      expect(await replayed.json()).toMatchObject({ code: 'ERR_NONCE_MISMATCH' })
      expect(await rp.status(second.id)).toMatchObject({ status: 'pending' })
    })

    it('interop: their client refuses the SIOPv2 combination (response_type=vp_token id_token), which it does not implement', async () => {
      const parties = await createParties()
      const { rp } = await startRelyingParty(parties, { signed: true, idToken: true })
      const client = new Openid4vpClient({ callbacks: callbacks(parties.resolver) })
      const start = await rp.start({ query })
      const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: start.qr })
      await expect(
        client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params }),
      ).rejects.toThrow(/Could not parse jar request payload as openid4vp auth request/)
    })

    it('interop: their client refuses an unsigned request object by reference (redirect_uri: with request_uri)', async () => {
      const parties = await createParties()
      const { rp } = await startRelyingParty(parties, { signed: false, idToken: false })
      const client = new Openid4vpClient({ callbacks: callbacks(parties.resolver) })
      const start = await rp.start({ query })
      const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: start.qr })
      await expect(
        client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params }),
      ).rejects.toThrow(/JAR request object is not a valid JWT/)
    })
  })

  describe('a Civitas wallet against their verifier side', () => {
    async function startTheirVerifier(parties: Parties) {
      const identity = await createDidKey({ keyStore: parties.keyStore, alg: 'ES256' })
      const theirCallbacks = callbacks(parties.resolver, identity)
      const theirs = new Openid4vpVerifier({ callbacks: theirCallbacks })
      const civitas = createVerifier({
        resolver: parties.resolver,
        trust: { ResidencyCard: [parties.city.did], [residency.vct]: [parties.city.did] },
      })
      const received: Awaited<ReturnType<Openid4vpVerifier['parseOpenid4vpAuthorizationResponse']>>[] = []
      const reports: Awaited<ReturnType<typeof civitas.check>>[] = []
      let requestJwt = ''
      let requestPayload: Parameters<
        Openid4vpVerifier['parseOpenid4vpAuthorizationResponse']
      >[0]['authorizationRequestPayload']

      const server = await startLoopbackServer(async (request) => {
        const path = new URL(request.url).pathname
        if (request.method === 'GET' && path === '/request') {
          return new Response(requestJwt, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } })
        }
        if (request.method === 'POST' && path === '/response') {
          try {
            const form = new URLSearchParams(await request.text())
            const parsed = await theirs.parseOpenid4vpAuthorizationResponse({
              authorizationResponse: Object.fromEntries(form),
              authorizationRequestPayload: requestPayload,
              callbacks: theirCallbacks,
            })
            received.push(parsed)
            // Their library leaves the presentations to the verifier; Civitas checks them.
            for (const presentation of parsed.type === 'dcql'
              ? Object.values(parsed.dcql.presentations).flat()
              : []) {
              reports.push(
                await civitas.check(String(presentation), {
                  audience: requestPayload.client_id as string,
                  nonce: parsed.expectedNonce,
                }),
              )
            }
            return Response.json({})
          } catch (error) {
            return Response.json(
              { error: 'invalid_request', error_description: String(error) },
              { status: 400 },
            )
          }
        }
        return new Response(null, { status: 404 })
      })
      servers.push(server)

      async function createRequest(dcqlQuery: DcqlQuery = query) {
        const clientId = `decentralized_identifier:${identity.did}`
        const created = await theirs.createOpenId4vpAuthorizationRequest({
          authorizationRequestPayload: {
            response_type: 'vp_token',
            client_id: clientId,
            response_mode: 'direct_post',
            response_uri: `${server.origin}/response`,
            nonce: randomBytes(32).toString('base64url'),
            state: randomBytes(32).toString('base64url'),
            dcql_query: dcqlQuery,
            client_metadata: {
              vp_formats_supported: {
                jwt_vc_json: { alg_values: ['ES256', 'EdDSA'] },
                'dc+sd-jwt': {
                  'sd-jwt_alg_values': ['EdDSA', 'ES256'],
                  'kb-jwt_alg_values': ['ES256', 'EdDSA'],
                },
              },
            },
          },
          jar: {
            requestUri: `${server.origin}/request`,
            jwtSigner: { method: 'did', didUrl: identity.kid, alg: 'ES256' },
            expiresInSeconds: 300,
          },
        })
        requestJwt = created.jar?.authorizationRequestJwt ?? ''
        requestPayload = created.authorizationRequestPayload
        return { ...created, clientId }
      }
      return { identity, received, reports, createRequest }
    }

    it('interop: our wallet answers their DID-signed request and their verifier parses the response; the presentation verifies', async () => {
      const parties = await createParties()
      const verifier = await startTheirVerifier(parties)
      const wallet = citizenWallet(parties)
      await wallet.receive(await residencyCardFor(parties))

      const request = await verifier.createRequest()
      expect(request.authorizationRequest).toMatch(/^openid4vp:\/\/\?/)
      expect(decodeJws(request.jar?.authorizationRequestJwt ?? '').header).toMatchObject({
        typ: 'oauth-authz-req+jwt',
        kid: verifier.identity.kid,
      })
      const offered: string[] = []
      const answer = await wallet.respond(request.authorizationRequest, {
        allowLoopbackHttp: true,
        approve: ({ clientId, clientDid }) => {
          offered.push(clientId, clientDid ?? '')
          return true
        },
      })
      expect(answer).toMatchObject({ declined: false, shared: { residency: [expect.any(String)] } })
      expect(offered).toEqual([request.clientId, verifier.identity.did])

      expect(verifier.received).toHaveLength(1)
      const [parsed] = verifier.received
      expect(parsed).toMatchObject({
        type: 'dcql',
        expectedNonce: request.authorizationRequestPayload.nonce,
        authorizationResponsePayload: { state: request.authorizationRequestPayload.state },
      })
      expect(parsed?.authorizationResponsePayload).not.toHaveProperty('id_token')
      expect(verifier.reports).toHaveLength(1)
      expect(verifier.reports[0]).toMatchObject({ ok: true, holder: parties.citizen.did })
    })

    it('interop: our wallet answers their request for an SD-JWT VC with only the asked claim disclosed, key-bound to their client id and nonce', async () => {
      const parties = await createParties()
      const verifier = await startTheirVerifier(parties)
      const wallet = citizenWallet(parties)
      const { credential, disclosable } = residency.buildSdJwt(residencyInput(parties.citizen.did))
      await wallet.receive(
        (await issueCredential({ issuer: parties.city, format: 'dc+sd-jwt', credential, disclosable })).token,
      )
      const request = await verifier.createRequest({
        credentials: [
          {
            id: 'adult',
            format: 'dc+sd-jwt',
            meta: { vct_values: [residency.vct] },
            claims: [{ path: ['age_equal_or_over', '18'] }],
          },
        ],
      })
      await wallet.respond(request.authorizationRequest, { allowLoopbackHttp: true, approve: () => true })

      const [parsed] = verifier.received
      expect(parsed?.type).toBe('dcql')
      const presentations = parsed?.type === 'dcql' ? parsed.dcql.presentations : {}
      expect(Object.keys(presentations)).toEqual(['adult'])
      expect(String(presentations.adult?.[0])).toMatch(/~[^~]+$/)
      expect(verifier.reports).toHaveLength(1)
      const [report] = verifier.reports
      expect(report).toMatchObject({ ok: true, holder: parties.citizen.did })
      expect(report?.claims?.age_equal_or_over).toEqual({ '18': true })
      expect(JSON.stringify(report?.claims)).not.toMatch(/Mari|Tamm|1990|TRT|Raekoja/)
    })

    it('interop: their verifier refuses our answer to a request it has since replaced (state mismatch), and our wallet reports ERR_REQUEST_INVALID', async () => {
      const parties = await createParties()
      const verifier = await startTheirVerifier(parties)
      const wallet = citizenWallet(parties)
      await wallet.receive(await residencyCardFor(parties))
      const first = await verifier.createRequest()
      let second: Awaited<ReturnType<typeof verifier.createRequest>> | undefined
      await expect(
        wallet.respond(first.authorizationRequest, {
          allowLoopbackHttp: true,
          approve: async () => {
            second = await verifier.createRequest()
            return true
          },
        }),
      ).rejects.toMatchObject({
        code: 'ERR_REQUEST_INVALID',
        // The relying party's own reason (its error_description) is the wallet's reason too.
        message: expect.stringContaining('state mismatch'),
        details: { status: 400 },
      })
      expect(second?.authorizationRequestPayload.state).not.toBe(first.authorizationRequestPayload.state)
      expect(verifier.received).toHaveLength(0)
      expect(verifier.reports).toHaveLength(0)
    })

    it('interop: our wallet refuses their unsigned redirect_uri: request passed by value in the QR code, with ERR_REQUEST_INVALID', async () => {
      const parties = await createParties()
      const theirs = new Openid4vpVerifier({ callbacks: callbacks(parties.resolver) })
      const responseUri = 'http://127.0.0.1:9/response'
      const { authorizationRequest } = await theirs.createOpenId4vpAuthorizationRequest({
        authorizationRequestPayload: {
          response_type: 'vp_token',
          client_id: `redirect_uri:${responseUri}`,
          response_mode: 'direct_post',
          response_uri: responseUri,
          nonce: randomBytes(32).toString('base64url'),
          state: randomBytes(32).toString('base64url'),
          dcql_query: query,
        },
      })
      expect(new URL(authorizationRequest).searchParams.get('dcql_query')).not.toBeNull()
      const wallet = citizenWallet(parties)
      await expect(
        wallet.respond(authorizationRequest, { allowLoopbackHttp: true, approve: () => true }),
      ).rejects.toMatchObject({ code: 'ERR_REQUEST_INVALID' })
    })
  })
})
