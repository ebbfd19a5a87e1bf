import { startLoopbackServer } from '@civitas/cli/demo'
import { createDidKey } from '@civitas/did/key'
import { createSignInRelyingParty, type NonceStore, readSignInRequest } from '@civitas/sign-in'
import { createRedisNonceStore } from '@civitas/sign-in/redis'
import { createVerifier } from '@civitas/verifier'
import { afterAll, describe, expect, it } from 'vitest'
import { createParties } from '../support/parties.js'
import { buildAnswer, citizenWallet, post, residencyQuery as query } from '../support/signIn.js'

const servers: { close(): Promise<void> }[] = []
const stores: NonceStore[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await Promise.all(stores.map((store) => store.close()))
})

describe('two relying-party instances sharing the real Redis', () => {
  it('behavior: a captured answer replayed to the other instance is refused; 1,000 concurrent replays yield one success', async () => {
    const parties = await createParties()
    const prefix = `test:sign-in:${crypto.randomUUID()}:`
    const [storeA, storeB] = [createRedisNonceStore({ prefix }), createRedisNonceStore({ prefix })]
    stores.push(storeA, storeB)
    const identity = await createDidKey({ keyStore: parties.keyStore, alg: 'EdDSA' })
    const instances = await Promise.all(
      [storeA, storeB].map(async (store) => {
        let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
        const server = await startLoopbackServer((request) => handler(request))
        servers.push(server)
        const rp = createSignInRelyingParty({
          baseUrl: `${server.origin}/sign-in`,
          resolver: parties.resolver,
          verifier: createVerifier({
            resolver: parties.resolver,
            trust: { ResidencyCard: [parties.city.did] },
          }),
          identity,
          store,
        })
        handler = rp.handler
        return { rp, origin: server.origin }
      }),
    )
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]]
    const { card } = await citizenWallet(parties)

    // First: answered at A, then the captured answer replayed at B.
    const first = await a.rp.start({ query })
    const firstRequest = await readSignInRequest(first.qr, {
      resolver: parties.resolver,
      allowLoopbackHttp: true,
    })
    const firstAnswer = await buildAnswer(firstRequest, parties.citizen, { residency: [card] })
    expect((await post(`${a.origin}/sign-in/response`, firstAnswer)).status).toBe(200)
    const replay = await post(`${b.origin}/sign-in/response`, firstAnswer)
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ code: 'ERR_NONCE_REPLAYED' })
    expect(await b.rp.status(first.id)).toMatchObject({
      status: 'complete',
      result: { did: parties.citizen.did },
    })

    // Then: one valid answer posted 1,000 times at once, alternating between the instances.
    const second = await b.rp.start({ query })
    const secondRequest = await readSignInRequest(second.qr, {
      resolver: parties.resolver,
      allowLoopbackHttp: true,
    })
    const secondAnswer = await buildAnswer(secondRequest, parties.citizen, { residency: [card] })
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, async (_, index) => {
        const response = await post(`${(index % 2 === 0 ? a : b).origin}/sign-in/response`, secondAnswer)
        return response.status
      }),
    )
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 400)).toHaveLength(999)
  }, 120_000)
})
