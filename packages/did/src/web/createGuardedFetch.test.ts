import type { RequestListener } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type LoopbackServer, lookupTo, startLoopbackServer } from '../../../../test/support/loopbackHttps.js'
import { createGuardedFetch } from './createGuardedFetch.js'
import type { CreateGuardedFetchOptions } from './types.js'

const HOST = 'issuer.civitas.test'
const servers: LoopbackServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(routes: Record<string, RequestListener>, options: { https?: boolean } = {}) {
  const server = await startLoopbackServer((request, response) => {
    const route = routes[request.url ?? '']
    if (route === undefined) {
      response.statusCode = 404
      response.end()
    } else route(request, response)
  }, options)
  servers.push(server)
  return server
}

function text(body: string, headers: Record<string, string> = {}): RequestListener {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', ...headers })
    response.end(body)
  }
}

function guarded(server: LoopbackServer, options: CreateGuardedFetchOptions = {}) {
  return createGuardedFetch({ lookup: lookupTo('127.0.0.1'), allowHosts: [HOST], ca: server.ca, ...options })
}

describe('createGuardedFetch', () => {
  it('behavior: fetches an allow-listed host over HTTPS, with the request headers and the whole body', async () => {
    const server = await serve({
      '/list': (request, response) =>
        text(`accept=${request.headers.accept}`, { etag: '"v1"' })(request, response),
    })
    const response = await guarded(server)(`https://${HOST}:${server.port}/list`, {
      headers: { accept: 'application/vc+jwt' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe('"v1"')
    expect(response.url).toBe(`https://${HOST}:${server.port}/list`)
    expect(await response.text()).toBe('accept=application/vc+jwt')
  })

  it('behavior: a Request input, HEAD, and a 304 without a body', async () => {
    const server = await serve({
      '/list': (request, response) => {
        response.writeHead(request.headers['if-none-match'] === '"v1"' ? 304 : 200, { etag: '"v1"' })
        response.end(request.method === 'HEAD' ? undefined : 'list')
      },
    })
    const url = `https://${HOST}:${server.port}/list`
    const fetchGuarded = guarded(server)
    expect(await (await fetchGuarded(new Request(url))).text()).toBe('list')
    const head = await fetchGuarded(url, { method: 'HEAD' })
    expect([head.status, await head.text()]).toEqual([200, ''])
    const revalidated = await fetchGuarded(url, { headers: { 'if-none-match': '"v1"' } })
    expect(revalidated.status).toBe(304)
  })

  const forbidden = [
    ['10.0.0.1', ['10.0.0.1']],
    ['127.0.0.1', ['127.0.0.1']],
    ['a public and a private address', ['93.184.215.14', '192.168.1.10']],
    ['the cloud metadata address', ['169.254.169.254']],
  ] as const
  for (const [name, addresses] of forbidden) {
    it(`error: a host resolving to ${name} is ERR_ADDRESS_FORBIDDEN, before any connection`, async () => {
      const server = await serve({ '/list': text('list') })
      const lookup = async () => addresses.map((address) => ({ address, family: 4 }))
      const fetchGuarded = createGuardedFetch({ lookup, ca: server.ca })
      await expect(fetchGuarded(`https://${HOST}:${server.port}/list`)).rejects.toMatchObject({
        code: 'ERR_ADDRESS_FORBIDDEN',
        details: { host: HOST, address: addresses.at(-1), reason: 'address' },
      })
      expect(server.requests).toBe(0)
    })
  }

  it('behavior: an IP-address URL is checked as such, and reached once allow-listed', async () => {
    const server = await serve({ '/list': text('list') }, { https: false })
    const url = `http://127.0.0.1:${server.port}/list`
    await expect(createGuardedFetch({ allowHttp: true })(url)).rejects.toMatchObject({
      code: 'ERR_ADDRESS_FORBIDDEN',
      details: { address: '127.0.0.1' },
    })
    expect(server.requests).toBe(0)
    const allowed = createGuardedFetch({ allowHttp: true, allowHosts: ['127.0.0.1'] })
    expect(await (await allowed(url)).text()).toBe('list')
  })

  it('error: an IP-address URL of a private, link-local or mapped address is refused without a lookup', async () => {
    const fetchGuarded = createGuardedFetch({
      lookup: async () => {
        throw new Error('no lookup expected')
      },
    })
    for (const url of [
      'https://10.0.0.1/list',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/list',
      'https://[::ffff:127.0.0.1]/list',
      'https://[fd00:ec2::254]/list',
    ]) {
      await expect(fetchGuarded(url), url).rejects.toMatchObject({
        code: 'ERR_ADDRESS_FORBIDDEN',
        details: { reason: 'address' },
      })
    }
  })

  it('error: local names, plain http without allowHttp, other schemes and methods are refused', async () => {
    const fetchGuarded = createGuardedFetch({
      lookup: async () => {
        throw new Error('no lookup expected')
      },
    })
    const cases: [string, RequestInit, string, string | undefined][] = [
      ['https://localhost/list', {}, 'ERR_ADDRESS_FORBIDDEN', 'localName'],
      ['https://status.localhost/list', {}, 'ERR_ADDRESS_FORBIDDEN', 'localName'],
      ['https://intranet/list', {}, 'ERR_ADDRESS_FORBIDDEN', 'localName'],
      ['http://city.example/list', {}, 'ERR_ADDRESS_FORBIDDEN', 'protocol'],
      ['file:///etc/passwd', {}, 'ERR_ADDRESS_FORBIDDEN', 'protocol'],
      ['https://city.example/list', { method: 'POST', body: 'x' }, 'ERR_INVALID_ARGUMENT', undefined],
      ['not a url', {}, 'ERR_INVALID_ARGUMENT', undefined],
    ]
    for (const [url, init, code, reason] of cases) {
      await expect(fetchGuarded(url, init), url).rejects.toMatchObject({
        code,
        ...(reason === undefined ? {} : { details: { reason } }),
      })
    }
  })

  it('behavior: same-origin redirects are followed; another origin, too many, or redirect: error are refused', async () => {
    let port = 0
    const server = await serve({
      '/old': (_request, response) => {
        response.writeHead(301, { location: '/list' })
        response.end()
      },
      '/list': text('list'),
      '/away': (_request, response) => {
        response.writeHead(302, { location: `https://other.civitas.test:${port}/list` })
        response.end()
      },
      '/loop': (_request, response) => {
        response.writeHead(307, { location: '/loop' })
        response.end()
      },
    })
    port = server.port
    const origin = `https://${HOST}:${port}`
    const fetchGuarded = guarded(server, { allowHosts: [HOST, 'other.civitas.test'] })
    const moved = await fetchGuarded(`${origin}/old`)
    expect([await moved.text(), moved.redirected, moved.url]).toEqual(['list', true, `${origin}/list`])
    const refused = [
      [`${origin}/away`, {}, 'crossOriginRedirect'],
      [`${origin}/loop`, {}, 'tooManyRedirects'],
      [`${origin}/old`, { redirect: 'error' }, 'redirect'],
    ] as const
    for (const [url, init, reason] of refused) {
      await expect(fetchGuarded(url, init)).rejects.toMatchObject({
        code: 'ERR_FETCH_FAILED',
        details: { reason },
      })
    }
    const manual = await fetchGuarded(`${origin}/away`, { redirect: 'manual' })
    expect(manual.status).toBe(302)
    expect(server.requests).toBe(2 + 1 + 3 + 1 + 1)
  })

  it('error: a body over maxBytes is ERR_INPUT_TOO_LARGE, declared or streamed', async () => {
    const server = await serve({
      '/declared': text('x'.repeat(2000)),
      '/streamed': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' })
        for (let index = 0; index < 20; index++) response.write('x'.repeat(100))
        response.end()
      },
    })
    const head = await guarded(server, { maxBytes: 1000 })(`https://${HOST}:${server.port}/declared`, {
      method: 'HEAD',
    })
    expect(head.status).toBe(200) // a HEAD has no body to cap
    for (const path of ['/declared', '/streamed']) {
      await expect(
        guarded(server, { maxBytes: 1000 })(`https://${HOST}:${server.port}${path}`),
      ).rejects.toMatchObject({
        code: 'ERR_INPUT_TOO_LARGE',
        details: { limit: 1000 },
      })
    }
  })

  it('error: a content-encoded body is refused', async () => {
    const server = await serve({ '/list': text('list', { 'content-encoding': 'gzip' }) })
    await expect(guarded(server)(`https://${HOST}:${server.port}/list`)).rejects.toMatchObject({
      code: 'ERR_FETCH_FAILED',
      details: { reason: 'contentEncoding' },
    })
  })

  it('error: no answer within timeoutMs is ERR_FETCH_FAILED; the caller signal aborts with its reason', async () => {
    const server = await serve({ '/list': () => undefined })
    const url = `https://${HOST}:${server.port}/list`
    await expect(guarded(server, { timeoutMs: 200 })(url)).rejects.toMatchObject({
      code: 'ERR_FETCH_FAILED',
      details: { reason: 'timeout' },
    })
    const controller = new AbortController()
    const reason = new Error('caller gave up')
    setTimeout(() => controller.abort(reason), 100)
    await expect(guarded(server)(url, { signal: controller.signal })).rejects.toBe(reason)
  })

  it('error: an untrusted certificate is a network failure', async () => {
    const server = await serve({ '/list': text('list') })
    const fetchGuarded = createGuardedFetch({ lookup: lookupTo('127.0.0.1'), allowHosts: [HOST] })
    await expect(fetchGuarded(`https://${HOST}:${server.port}/list`)).rejects.toMatchObject({
      code: 'ERR_FETCH_FAILED',
      details: { reason: 'network' },
    })
  })

  it('error: options out of range are ERR_INVALID_ARGUMENT', () => {
    for (const options of [
      { timeoutMs: 0 },
      { maxBytes: -1 },
      { maxBytes: 2 ** 30 },
      { maxRedirects: 6 },
      { lookup: 'dns' },
      { allowHosts: 'localhost' },
    ]) {
      expect(() => createGuardedFetch(options as CreateGuardedFetchOptions)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })
})
