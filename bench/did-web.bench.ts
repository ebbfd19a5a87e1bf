import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver, resolveDidDocument } from '@civitas/did'
import { createDidWebDocument, createDidWebHandler, didWebResolver } from '@civitas/did/web'
import { lookupTo, nodeListener, startLoopbackServer } from '../test/support/loopbackHttps.js'
import { compare, isMain, printTable } from './support/measure.js'

/**
 * did:web resolution against a loopback HTTPS server: cold (no cache: DNS check, TLS handshake,
 * fetch, strict parse, document check) and warm (the resolution cache).
 */
export async function run(): Promise<void> {
  let document: ReturnType<typeof createDidWebDocument> | undefined
  const server = await startLoopbackServer(nodeListener(createDidWebHandler(() => document as never)))
  try {
    const did = `did:web:issuer.civitas.test%3A${server.port}:city`
    const keyStore = createMemoryKeyStore()
    document = createDidWebDocument({
      did,
      keys: [
        { publicJwk: (await keyStore.createKey({ alg: 'ES256' })).publicJwk, fragment: 'seal-2026' },
        { publicJwk: (await keyStore.createKey({ alg: 'EdDSA' })).publicJwk, fragment: 'seal-2025' },
      ],
    })
    const web = () =>
      didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: ['issuer.civitas.test'], ca: server.ca })
    const cold = createResolver({ resolvers: [web()], cache: false })
    const warm = createResolver({ resolvers: [web()] })
    const cases = [
      {
        library: 'civitas',
        label: 'did:web resolve, cold (HTTPS fetch each time)',
        task: () => resolveDidDocument(cold, did),
      },
      { library: 'civitas', label: 'did:web resolve, cached', task: () => resolveDidDocument(warm, did) },
    ]
    printTable('did:web resolution (loopback HTTPS, two keys)', await compare(cases))
  } finally {
    await server.close()
  }
}

if (isMain(import.meta.url)) await run()
