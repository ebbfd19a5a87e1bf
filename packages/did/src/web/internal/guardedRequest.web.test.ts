import type { RequestListener } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type LoopbackServer, startLoopbackServer } from '../../../../../test/support/loopbackHttps.js'
import { type GuardSettings, guardSettings } from './guard.js'
import { sendGuardedRequest } from './guardedRequest.web.js'

// The fetch-based path browsers use, run here with Node's fetch against plain HTTP on loopback.
const settings: GuardSettings = guardSettings({ timeoutMs: 1000, maxBytes: 1000, allowHttp: true })
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

function send(url: string, signal = AbortSignal.timeout(1000)) {
  return sendGuardedRequest(
    {
      url: new URL(url),
      method: 'GET',
      headers: new Headers(),
      redirect: 'follow',
      signal,
      hostAllowed: false,
    },
    settings,
  )
}

describe('sendGuardedRequest (fetch)', () => {
  it('behavior: returns the status, headers and the whole body', async () => {
    const origin = await serve(
      reply(200, { 'content-type': 'application/json', 'cache-control': 'max-age=30' }, '{}'),
    )
    const response = await send(`${origin}/did.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('max-age=30')
    expect(await response.text()).toBe('{}')
  })

  it('error: a redirect to another origin is refused', async () => {
    const other = await serve(reply(200, { 'content-type': 'application/did+json' }, '{}'))
    const origin = await serve(reply(302, { location: `${other}/did.json` }))
    await expect(send(`${origin}/did.json`)).rejects.toMatchObject({
      code: 'ERR_FETCH_FAILED',
      details: { reason: 'crossOriginRedirect' },
    })
  })

  it('error: a streamed body over the cap is ERR_INPUT_TOO_LARGE', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/did+json' })
      for (let index = 0; index < 20; index++) response.write('x'.repeat(100))
      response.end()
    })
    await expect(send(`${origin}/did.json`)).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_LARGE' })
  })

  it('error: no answer is the signal reason', async () => {
    const origin = await serve(() => undefined)
    const controller = new AbortController()
    const reason = new Error('deadline')
    setTimeout(() => controller.abort(reason), 200)
    await expect(send(`${origin}/did.json`, controller.signal)).rejects.toBe(reason)
  })
})
