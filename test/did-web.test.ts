import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore, createSigner } from '@civitas/crypto'
import { createResolutionCache, createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createDidWebDocument, createDidWebHandler, didWebResolver } from '@civitas/did/web'
import { describeResolverConformance } from '@civitas/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { lookupTo, nodeListener, startLoopbackServer } from './support/loopbackHttps.js'
import { NOW, residencyCard, YEAR } from './support/parties.js'

// A city publishes did:web on its own (loopback HTTPS) server, issues residency cards, and rotates
// its signing key the way createDidWebDocument documents it.
const keyStore = createMemoryKeyStore()
const oldKey = await keyStore.createKey({ alg: 'EdDSA', id: 'seal-2025' })
const newKey = await keyStore.createKey({ alg: 'ES256', id: 'seal-2026' })
let published: ReturnType<typeof createDidWebDocument> | undefined
const server = await startLoopbackServer(
  nodeListener(createDidWebHandler(() => published as NonNullable<typeof published>, { ttlMs: 60_000 })),
)
afterAll(() => server.close())
const did = `did:web:issuer.civitas.test%3A${server.port}:city` as const
const publish = (...keys: (typeof oldKey)[]) => {
  published = createDidWebDocument({
    did,
    keys: keys.map((key) => ({ publicJwk: key.publicJwk, fragment: key.id })),
  })
}
const identity = async (key: typeof oldKey): Promise<Identity> => {
  const kid = `${did}#${key.id}`
  return { did, kid, signer: await createSigner({ keyStore, keyId: key.id, kid }) }
}

publish(newKey)
describeResolverConformance(
  'did:web on loopback HTTPS',
  () =>
    createResolver({
      cache: false,
      resolvers: [
        didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: ['issuer.civitas.test'], ca: server.ca }),
      ],
    }),
  {
    resolvable: [did],
    invalid: ['did:web:127.0.0.1', 'did:web:city.example::residents', 'did:web:city.example%3A0'],
  },
)

describe('did:web end to end', () => {
  it('behavior: createResolver caches did:web documents for the host max-age, and rotation retires old credentials', async () => {
    let now = NOW
    const clock = () => now
    const resolver = createResolver({
      resolvers: [
        didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: ['issuer.civitas.test'], ca: server.ca }),
      ],
      cache: createResolutionCache({ clock, ttlMs: 15 * 60_000 }),
    })
    const citizen = await createDidKey({ keyStore, alg: 'EdDSA' })
    const verify = (token: string) => verifyCredential(token, { resolver, clock })
    const start = server.requests
    const fetches = () => server.requests - start

    // 2025: one key.
    publish(oldKey)
    const before = await issueCredential({
      issuer: await identity(oldKey),
      credential: residencyCard(citizen.did),
      validFor: YEAR,
      clock,
    })
    await expect(verify(before.token)).resolves.toMatchObject({ issuer: did })
    await verify(before.token)
    expect(fetches()).toBe(1) // the second verification read the cache

    // Rotation, step 1: the new key is added and signs; the old one stays under assertionMethod.
    publish(newKey, oldKey)
    now += 61_000 // past the host's max-age=60
    const after = await issueCredential({
      issuer: await identity(newKey),
      credential: residencyCard(citizen.did),
      validFor: YEAR,
      clock,
    })
    await expect(verify(after.token)).resolves.toMatchObject({ issuer: did })
    await expect(verify(before.token)).resolves.toMatchObject({ issuer: did })
    expect(fetches()).toBe(2)

    // Step 2, once the old key's credentials have expired or been revoked: the old key is removed.
    publish(newKey)
    await expect(verify(before.token)).resolves.toMatchObject({ issuer: did }) // still cached
    now += 61_000
    await expect(verify(before.token)).rejects.toMatchObject({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' })
    await expect(verify(after.token)).resolves.toMatchObject({ issuer: did })
    expect(fetches()).toBe(3)
  })

  it('behavior: a DID served with Cache-Control: no-store is fetched every time', async () => {
    let fresh = ''
    const noStore = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/did+json', 'cache-control': 'no-store' })
      response.end(JSON.stringify({ id: fresh }))
    })
    try {
      fresh = `did:web:issuer.civitas.test%3A${noStore.port}`
      const resolver = createResolver({
        resolvers: [
          didWebResolver({
            lookup: lookupTo('127.0.0.1'),
            allowHosts: ['issuer.civitas.test'],
            ca: noStore.ca,
          }),
        ],
      })
      expect((await resolver.resolve(fresh)).didDocument?.id).toBe(fresh)
      expect((await resolver.resolve(fresh)).didDocument?.id).toBe(fresh)
      expect(noStore.requests).toBe(2)
    } finally {
      await noStore.close()
    }
  })
})
