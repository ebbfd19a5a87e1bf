import type { RequestListener } from 'node:http'
import { Resolver } from 'did-resolver'
import { describe, expect, it } from 'vitest'
import {
  type LoopbackServer,
  lookupTo,
  routeListener,
  useLoopbackServers,
} from '../../../../test/support/loopbackHttps.js'
import { createResolver } from '../createResolver.js'
import { resolveDidDocument } from '../resolveDidDocument.js'
import { didWebResolver } from './didWebResolver.js'
import type { DidWebResolverOptions } from './types.js'

const HOST = 'issuer.civitas.test'
const startServer = useLoopbackServers()

function documentOf(did: string) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [
      {
        id: `${did}#key-1`,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      },
    ],
    assertionMethod: [`${did}#key-1`],
  }
}

/** Serves `routes` (path → listener), 404 elsewhere, and returns the DID of `path` on that server. */
async function serve(
  routes: Record<string, RequestListener>,
  options: { https?: boolean } = {},
): Promise<{ server: LoopbackServer; didOf: (path?: string) => string }> {
  const server = await startServer(routeListener(routes), options)
  const didOf = (path = '') => `did:web:${HOST}%3A${server.port}${path}`
  return { server, didOf }
}

function json(body: unknown, headers: Record<string, string> = {}): RequestListener {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/did+json', ...headers })
    response.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

async function resolveWith(did: string, server: LoopbackServer, options: DidWebResolverOptions = {}) {
  const resolver = new Resolver(
    didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: [HOST], ca: server.ca, ...options }),
  )
  return resolver.resolve(did)
}

describe('didWebResolver', () => {
  it('behavior: resolves a document served over HTTPS at /.well-known/did.json', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = didOf()
    const { didDocument, didResolutionMetadata } = await resolveWith(did, server)
    expect(didResolutionMetadata.error).toBeUndefined()
    expect(didDocument).toEqual(documentOf(did))
  })

  it('behavior: a path DID is read from <path>/did.json, with its Cache-Control lifetime', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/user/alice/did.json': (request, response) =>
        json(documentOf(did), { 'cache-control': 'public, max-age=60', age: '10' })(request, response),
    })
    did = didOf(':user:alice')
    const { didDocument, didResolutionMetadata } = await resolveWith(did, server)
    expect(didDocument?.id).toBe(did)
    expect(didResolutionMetadata.maxAgeMs).toBe(50_000)
  })

  it('behavior: every JSON media type of a DID document is accepted', async () => {
    let did = ''
    const types = ['application/did+ld+json', 'application/json; charset=utf-8', 'Application/DID+JSON']
    const routes = Object.fromEntries(
      types.map((type, index): [string, RequestListener] => [
        `/t${index}/did.json`,
        (_request, response) => {
          response.writeHead(200, { 'content-type': type })
          response.end(JSON.stringify(documentOf(did)))
        },
      ]),
    )
    const { server, didOf } = await serve(routes)
    for (const index of types.keys()) {
      did = didOf(`:t${index}`)
      expect((await resolveWith(did, server)).didDocument?.id).toBe(did)
    }
  })

  it('behavior: a same-origin redirect is followed', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/.well-known/did.json': (_request, response) => {
        response.writeHead(302, { location: '/current/did.json' })
        response.end()
      },
      '/current/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = didOf()
    expect((await resolveWith(did, server)).didDocument?.id).toBe(did)
  })

  it('error: a redirect to another origin is refused', async () => {
    let port = 0
    const { server, didOf } = await serve({
      '/.well-known/did.json': (_request, response) => {
        response.writeHead(301, { location: `https://other.civitas.test:${port}/.well-known/did.json` })
        response.end()
      },
    })
    port = server.port
    const { didResolutionMetadata } = await resolveWith(didOf(), server, {
      allowHosts: [HOST, 'other.civitas.test'],
    })
    expect(didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_FETCH_FAILED' })
    expect(didResolutionMetadata.message).toMatch(/another origin/)
    expect(server.requests).toBe(1)
  })

  it('error: endless same-origin redirects stop at maxRedirects', async () => {
    const { server, didOf } = await serve({
      '/.well-known/did.json': (_request, response) => {
        response.writeHead(307, { location: '/.well-known/did.json' })
        response.end()
      },
    })
    const { didResolutionMetadata } = await resolveWith(didOf(), server, { maxRedirects: 1 })
    expect(didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_FETCH_FAILED' })
    expect(server.requests).toBe(2)
  })

  it('error: a document whose id is another DID is invalidDidDocument', async () => {
    const { server, didOf } = await serve({
      '/.well-known/did.json': json(documentOf('did:web:attacker.example')),
    })
    const { didDocument, didResolutionMetadata } = await resolveWith(didOf(), server)
    expect(didDocument).toBeNull()
    expect(didResolutionMetadata).toMatchObject({
      error: 'invalidDidDocument',
      code: 'ERR_DID_DOCUMENT_INVALID',
    })
  })

  it('error: an oversized body is refused, declared or streamed', async () => {
    const big = JSON.stringify({ id: 'x', padding: 'a'.repeat(300_000) })
    const { server, didOf } = await serve({
      '/.well-known/did.json': json(big),
      '/chunked/did.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/did+json' })
        for (let index = 0; index < 30; index++) response.write('a'.repeat(10_000))
        response.end()
      },
    })
    for (const did of [didOf(), didOf(':chunked')]) {
      const { didResolutionMetadata } = await resolveWith(did, server)
      expect(didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_INPUT_TOO_LARGE' })
    }
  })

  it('error: a server that does not answer in time is a timeout', async () => {
    const { server, didOf } = await serve({
      '/.well-known/did.json': () => undefined,
      '/trickle/did.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/did+json' })
        response.write('{')
      },
    })
    for (const did of [didOf(), didOf(':trickle')]) {
      const { didResolutionMetadata } = await resolveWith(did, server, { timeoutMs: 200 })
      expect(didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_FETCH_FAILED' })
      expect(didResolutionMetadata.message).toMatch(/within 200 ms/)
    }
  })

  it('error: non-JSON, duplicate keys and a wrong content type', async () => {
    const { server, didOf } = await serve({
      '/.well-known/did.json': json('<html>not json</html>'),
      '/dup/did.json': json('{"id":"a","id":"b"}'),
      '/html/did.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' })
        response.end('{}')
      },
    })
    const cases = [
      [didOf(), 'invalidDidDocument', 'ERR_JSON_INVALID'],
      [didOf(':dup'), 'invalidDidDocument', 'ERR_JSON_DUPLICATE_KEY'],
      [didOf(':html'), 'representationNotSupported', 'ERR_DID_DOCUMENT_INVALID'],
    ] as const
    for (const [did, error, code] of cases) {
      const { didResolutionMetadata } = await resolveWith(did, server)
      expect(didResolutionMetadata).toMatchObject({ error, code })
    }
  })

  it('error: a missing document is notFound', async () => {
    const { server, didOf } = await serve({})
    const { didResolutionMetadata } = await resolveWith(didOf(':nobody'), server)
    expect(didResolutionMetadata).toMatchObject({ error: 'notFound', code: 'ERR_DID_NOT_FOUND' })
  })

  it('behavior: a host resolving to 127.0.0.1 is refused unless allow-listed or loopback is allowed', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = didOf()
    const refused = await resolveWith(did, server, { allowHosts: [] })
    expect(refused.didResolutionMetadata).toMatchObject({
      error: 'internalError',
      code: 'ERR_ADDRESS_FORBIDDEN',
    })
    expect(server.requests).toBe(0)
    expect((await resolveWith(did, server)).didDocument?.id).toBe(did)
    // Private networks are another decision than loopback: allowPrivateAddresses does not open 127.0.0.1.
    const intranet = await resolveWith(did, server, { allowHosts: [], allowPrivateAddresses: true })
    expect(intranet.didResolutionMetadata).toMatchObject({ code: 'ERR_ADDRESS_FORBIDDEN' })
    expect(server.requests).toBe(1)
    const loopback = await resolveWith(did, server, { allowHosts: [], allowLoopback: true })
    expect(loopback.didDocument?.id).toBe(did)
  })

  it('behavior: localhost is refused by name, before any lookup, unless allow-listed', async () => {
    let did = ''
    const { server } = await serve({
      '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = `did:web:localhost%3A${server.port}`
    const options = { ca: server.ca }
    const refused = await new Resolver(didWebResolver(options)).resolve(did)
    expect(refused.didResolutionMetadata).toMatchObject({ code: 'ERR_ADDRESS_FORBIDDEN' })
    // localhost may list ::1 first; only the 127.0.0.1 server exists, so pin that address.
    const allowed = await new Resolver(
      didWebResolver({ ...options, allowHosts: ['localhost'], lookup: lookupTo('127.0.0.1') }),
    ).resolve(did)
    expect(allowed.didDocument?.id).toBe(did)
    expect(server.requests).toBe(1)
  })

  it('behavior: the connection goes to the address that was checked, not to a second DNS answer', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = didOf()
    // A rebinding name: 127.0.0.1 first, then 127.0.0.2, where nothing listens.
    const answers: string[] = []
    const lookup = async () => {
      const address = answers.length === 0 ? '127.0.0.1' : '127.0.0.2'
      answers.push(address)
      return [{ address, family: 4 }]
    }
    expect((await resolveWith(did, server, { lookup })).didDocument?.id).toBe(did)
    expect(answers).toEqual(['127.0.0.1'])
  })

  it('error: the certificate must be trusted and name the host', async () => {
    let did = ''
    const { server, didOf } = await serve({
      '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response),
    })
    did = didOf()
    const untrusted = await new Resolver(
      didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: [HOST] }),
    ).resolve(did)
    expect(untrusted.didResolutionMetadata).toMatchObject({
      error: 'internalError',
      code: 'ERR_FETCH_FAILED',
    })
    const otherName = `did:web:wrong.civitas.test%3A${server.port}`
    const misnamed = await resolveWith(otherName, server, { allowHosts: ['wrong.civitas.test'] })
    expect(misnamed.didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_FETCH_FAILED' })
    expect(server.requests).toBe(0)
  })

  // No traffic: every one of these is refused before a connection is opened.
  const forbidden = [
    ['10.0.0.1', ['10.0.0.1']],
    ['a public and a private address', ['93.184.215.14', '192.168.1.10']],
    ['IPv4-mapped loopback', ['::ffff:127.0.0.1']],
    ['the cloud metadata address', ['169.254.169.254']],
    ['a unique local address', ['fd00:ec2::254']],
    ['CGNAT', ['100.64.0.1']],
  ] as const
  for (const [name, addresses] of forbidden) {
    it(`error: a host resolving to ${name} is ERR_ADDRESS_FORBIDDEN`, async () => {
      const lookup = async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
      const { didResolutionMetadata } = await new Resolver(didWebResolver({ lookup })).resolve(
        'did:web:issuer.civitas.test',
      )
      expect(didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_ADDRESS_FORBIDDEN' })
    })
  }

  const hostile = [
    ['localhost', 'did:web:localhost', 'internalError', 'ERR_ADDRESS_FORBIDDEN'],
    ['a dotless name', 'did:web:intranet', 'internalError', 'ERR_ADDRESS_FORBIDDEN'],
    ['a .localhost name', 'did:web:city.localhost', 'internalError', 'ERR_ADDRESS_FORBIDDEN'],
    ['an IPv4 address', 'did:web:127.0.0.1', 'invalidDid', 'ERR_DID_INVALID'],
    ['a hexadecimal IPv4 address', 'did:web:city.0x7f', 'invalidDid', 'ERR_DID_INVALID'],
    ['an IPv6 address', 'did:web:%5B%3A%3A1%5D', 'invalidDid', 'ERR_DID_INVALID'],
    ['a dot-dot path segment', 'did:web:example.com:..:admin', 'invalidDid', 'ERR_DID_INVALID'],
    ['an encoded slash', 'did:web:example.com:a%2Fb', 'invalidDid', 'ERR_DID_INVALID'],
    ['port 0', 'did:web:example.com%3A0', 'invalidDid', 'ERR_DID_INVALID'],
    ['an oversized DID', `did:web:${'a'.repeat(2000)}.com`, 'invalidDid', 'ERR_DID_INVALID'],
  ] as const
  for (const [name, did, error, code] of hostile) {
    it(`error: ${name} is refused with ${code}`, async () => {
      const lookup = async () => {
        throw new Error('no lookup expected')
      }
      const { didResolutionMetadata } = await new Resolver(didWebResolver({ lookup })).resolve(did)
      expect(didResolutionMetadata).toMatchObject({ error, code })
    })
  }

  it('behavior: plain HTTP only with allowHttp', async () => {
    let did = ''
    const { server, didOf } = await serve(
      { '/.well-known/did.json': (request, response) => json(documentOf(did))(request, response) },
      { https: false },
    )
    did = didOf()
    const refused = await resolveWith(did, server)
    expect(refused.didResolutionMetadata).toMatchObject({ error: 'internalError', code: 'ERR_FETCH_FAILED' })
    expect((await resolveWith(did, server, { allowHttp: true })).didDocument?.id).toBe(did)
  })

  it('error: options out of range are ERR_INVALID_ARGUMENT', () => {
    for (const options of [{ timeoutMs: 0 }, { maxBodyBytes: -1 }, { maxRedirects: 6 }, { lookup: 'dns' }]) {
      expect(() => didWebResolver(options as DidWebResolverOptions)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('error: resolveDidDocument turns did:web failures into typed errors', async () => {
    const { server, didOf } = await serve({
      '/.well-known/did.json': json(documentOf('did:web:attacker.example')),
    })
    const resolver = createResolver({
      cache: false,
      resolvers: [didWebResolver({ lookup: lookupTo('127.0.0.1'), allowHosts: [HOST], ca: server.ca })],
    })
    await expect(resolveDidDocument(resolver, didOf())).rejects.toMatchObject({
      code: 'ERR_DID_DOCUMENT_INVALID',
    })
    await expect(resolveDidDocument(resolver, 'did:web:intranet')).rejects.toMatchObject({
      code: 'ERR_DID_RESOLUTION_FAILED',
      details: { error: 'internalError', reason: 'ERR_ADDRESS_FORBIDDEN' },
    })
  })
})
