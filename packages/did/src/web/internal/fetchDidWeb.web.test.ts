import type { RequestListener } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type LoopbackServer, startLoopbackServer } from '../../../../../test/support/loopbackHttps.js'
import { fetchDidWebDocument } from './fetchDidWeb.web.js'
import type { FetchSettings } from './response.js'

// The fetch-based path browsers use, run here with Node's fetch against plain HTTP on loopback.
const settings: FetchSettings = {
  timeoutMs: 1000,
  maxBodyBytes: 1000,
  maxRedirects: 2,
  allowHttp: true,
  allowHosts: new Set(),
  allowPrivateAddresses: false,
  lookup: undefined,
  ca: undefined,
}
const servers: LoopbackServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(listener: RequestListener): Promise<string> {
  const server = await startLoopbackServer(listener, { https: false })
  servers.push(server)
  return `http://127.0.0.1:${server.port}`
}

function reply(status: number, headers: Record<string, string>, body = ''): RequestListener {
  return (_request, response) => {
    response.writeHead(status, headers)
    response.end(body)
  }
}

describe('fetchDidWebDocument (fetch)', () => {
  it('behavior: returns the body and the Cache-Control lifetime', async () => {
    const origin = await serve(
      reply(200, { 'content-type': 'application/json', 'cache-control': 'max-age=30' }, '{}'),
    )
    await expect(fetchDidWebDocument(new URL(`${origin}/did.json`), settings, false)).resolves.toEqual({
      body: '{}',
      maxAgeMs: 30_000,
    })
  })

  it('error: a redirect to another origin is refused', async () => {
    const other = await serve(reply(200, { 'content-type': 'application/did+json' }, '{}'))
    const origin = await serve(reply(302, { location: `${other}/did.json` }))
    await expect(fetchDidWebDocument(new URL(`${origin}/did.json`), settings, false)).rejects.toMatchObject({
      code: 'ERR_FETCH_FAILED',
      details: { reason: 'crossOriginRedirect' },
    })
  })

  const failures: [string, RequestListener, string][] = [
    ['a 404', reply(404, {}), 'ERR_DID_NOT_FOUND'],
    ['a 500', reply(500, {}), 'ERR_FETCH_FAILED'],
    ['a wrong content type', reply(200, { 'content-type': 'text/plain' }, '{}'), 'ERR_DID_DOCUMENT_INVALID'],
    [
      'a streamed body over the cap',
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/did+json' })
        for (let index = 0; index < 20; index++) response.write('x'.repeat(100))
        response.end()
      },
      'ERR_INPUT_TOO_LARGE',
    ],
    ['no answer', () => undefined, 'ERR_FETCH_FAILED'],
  ]
  for (const [name, listener, code] of failures) {
    it(`error: ${name} is ${code}`, async () => {
      const origin = await serve(listener)
      await expect(
        fetchDidWebDocument(new URL(`${origin}/did.json`), { ...settings, timeoutMs: 200 }, false),
      ).rejects.toMatchObject({ code })
    })
  }
})
