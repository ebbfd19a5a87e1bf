import { createMemoryKeyStore } from '@civitas/crypto'
import { Resolver } from 'did-resolver'
import { describe, expect, it } from 'vitest'
import { lookupTo, nodeListener, useLoopbackServers } from '../../../../test/support/loopbackHttps.js'
import { createDidWebDocument } from './createDidWebDocument.js'
import { createDidWebHandler } from './createDidWebHandler.js'
import { didWebResolver } from './didWebResolver.js'

const did = 'did:web:city.example:residents'
const url = 'https://city.example/residents/did.json'
const key = await createMemoryKeyStore().createKey({ alg: 'EdDSA' })
const document = createDidWebDocument({ did, keys: [{ publicJwk: key.publicJwk, fragment: 'seal' }] })

const startServer = useLoopbackServers()

describe('createDidWebHandler', () => {
  it('behavior: serves the document at its did:web path with media type, ETag and Cache-Control', async () => {
    const handler = createDidWebHandler(document, { ttlMs: 60_000 })
    const response = await handler(new Request(url))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/did+json')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(await response.json()).toEqual(document)
  })

  it('behavior: If-None-Match with the current ETag is 304; HEAD has no body', async () => {
    const handler = createDidWebHandler(document)
    const etag = (await handler(new Request(url))).headers.get('etag') ?? ''
    const again = await handler(new Request(url, { headers: { 'if-none-match': `W/${etag}` } }))
    expect(again.status).toBe(304)
    const head = await handler(new Request(url, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('behavior: a bare-host DID is served at /.well-known/did.json only', async () => {
    const bare = createDidWebDocument({ did: 'did:web:city.example', keys: [key] })
    const handler = createDidWebHandler(bare)
    expect((await handler(new Request('https://city.example/.well-known/did.json'))).status).toBe(200)
    expect((await handler(new Request('https://city.example/did.json'))).status).toBe(404)
    expect((await handler(new Request(url))).status).toBe(404)
  })

  it('behavior: a function source is read on every request; failures are 503 and invalid documents 500', async () => {
    let current: unknown = document
    const handler = createDidWebHandler(() => {
      if (current instanceof Error) throw current
      return current as typeof document
    })
    expect((await handler(new Request(url))).status).toBe(200)
    current = { ...document, verificationMethod: [{ id: 'x' }] }
    expect((await handler(new Request(url))).status).toBe(500)
    current = new Error('database down')
    const failed = await handler(new Request(url))
    expect(failed.status).toBe(503)
    expect(failed.headers.get('cache-control')).toBe('no-store')
  })

  it('error: other methods are 405', async () => {
    const response = await createDidWebHandler(document)(new Request(url, { method: 'POST', body: '{}' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('error: a document that is not a valid did:web document, or a bad ttlMs, is refused up front', () => {
    const cases: [unknown, unknown, string][] = [
      [{ ...document, id: 'did:key:z6Mk' }, {}, 'ERR_DID_INVALID'],
      [{ ...document, verificationMethod: 'none' }, {}, 'ERR_DID_DOCUMENT_INVALID'],
      [document, { ttlMs: -1 }, 'ERR_INVALID_ARGUMENT'],
      ['document', {}, 'ERR_INVALID_ARGUMENT'],
    ]
    for (const [source, options, code] of cases) {
      expect(() => createDidWebHandler(source as never, options as never)).toThrow(
        expect.objectContaining({ code }),
      )
    }
  })

  it('behavior: what the handler serves over HTTPS, didWebResolver resolves', async () => {
    let hosted = document
    const server = await startServer(nodeListener(createDidWebHandler(() => hosted)))
    const portDid = `did:web:issuer.civitas.test%3A${server.port}:residents`
    hosted = createDidWebDocument({ did: portDid, keys: [{ publicJwk: key.publicJwk, fragment: 'seal' }] })
    const resolver = new Resolver(
      didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: ['issuer.civitas.test'], ca: server.ca }),
    )
    const { didDocument, didResolutionMetadata } = await resolver.resolve(portDid)
    expect(didDocument).toEqual(hosted)
    expect(didResolutionMetadata.maxAgeMs).toBe(300_000)
  })
})
