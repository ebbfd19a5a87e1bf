import { startLoopbackServer } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { residency } from '@civitas/credentials/templates'
import { createDidKey } from '@civitas/did/key'
import { createSignInRelyingParty } from '@civitas/sign-in'
import { createVerifier } from '@civitas/verifier'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { describe, expect, it } from 'vitest'
import { createParties, residencyInput } from '../support/parties.js'

describe('sign in with an SD-JWT VC', () => {
  it.each([
    ['with a SIOPv2 ID token', true],
    ['with presentations only (idToken: false)', false],
  ])(
    'behavior: the wallet discloses only the asked claim (over 18), and the relying party learns nothing else, %s',
    async (_name, idToken) => {
      const parties = await createParties()
      const { city, citizen, resolver, keyStore } = parties
      const wallet = createWallet({
        identity: citizen,
        credentialStore: createMemoryCredentialStore(),
        resolver,
      })
      const { credential, disclosable } = residency.buildSdJwt(residencyInput(citizen.did))
      const card = await issueCredential({ issuer: city, format: 'dc+sd-jwt', credential, disclosable })
      await wallet.receive(card.token)

      let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
      const server = await startLoopbackServer((request) => handler(request))
      try {
        const rp = createSignInRelyingParty({
          baseUrl: `${server.origin}/sign-in`,
          resolver,
          identity: await createDidKey({ keyStore, alg: 'EdDSA' }),
          idToken,
          verifier: createVerifier({ resolver, trust: { [residency.vct]: [city.did] } }),
        })
        handler = rp.handler
        const start = await rp.start({
          query: {
            credentials: [
              {
                id: 'adult',
                format: 'dc+sd-jwt',
                meta: { vct_values: [residency.vct] },
                claims: [{ path: ['age_equal_or_over', '18'] }],
              },
            ],
          },
        })
        await wallet.respond(start.qr, { allowLoopbackHttp: true, approve: () => true })
        const status = await rp.status(start.id)
        expect(status).toMatchObject({ status: 'complete', result: { did: citizen.did } })
        const claims = status.status === 'complete' ? status.result.claims : {}
        expect(claims.age_equal_or_over).toEqual({ '18': true })
        expect(JSON.stringify(claims)).not.toMatch(/Mari|Tamm|1990|TRT|Raekoja/)
      } finally {
        await server.close()
      }
    },
  )
})
