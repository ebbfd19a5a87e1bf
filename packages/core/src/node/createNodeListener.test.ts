import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeListener } from './createNodeListener.js'

let server: Server | undefined

async function serve(
  handler: (request: Request) => Promise<Response>,
  options?: { origin?: string },
): Promise<string> {
  server = createServer(createNodeListener(handler, options))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  const running = server
  server = undefined
  if (running) await new Promise<void>((resolve) => running.close(() => resolve()))
})

describe('createNodeListener', () => {
  it('behavior: the handler sees the method, path, query and headers, and its response goes back whole', async () => {
    const base = await serve(async (request) => {
      const url = new URL(request.url)
      return new Response(
        JSON.stringify({ method: request.method, path: url.pathname, q: url.searchParams.get('q') }),
        {
          status: 201,
          headers: { 'content-type': 'application/json', 'x-seen': request.headers.get('x-test') ?? '' },
        },
      )
    })
    const response = await fetch(`${base}/lists/1?q=a`, { headers: { 'x-test': 'yes' } })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-seen')).toBe('yes')
    expect(await response.json()).toEqual({ method: 'GET', path: '/lists/1', q: 'a' })
  })

  it('behavior: the request URL takes the configured origin, never the Host header', async () => {
    const base = await serve(async (request) => new Response(new URL(request.url).origin), {
      origin: 'https://city.example',
    })
    const response = await fetch(`${base}/`, { headers: { host: 'attacker.example' } })
    expect(await response.text()).toBe('https://city.example')
  })

  it('behavior: a POST body reaches the handler as a stream', async () => {
    const base = await serve(async (request) => new Response(`got ${(await request.text()).length} bytes`))
    const response = await fetch(`${base}/response`, { method: 'POST', body: 'x'.repeat(100_000) })
    expect(await response.text()).toBe('got 100000 bytes')
  })

  it('behavior: a handler that rejects answers 500 and the server keeps serving', async () => {
    let calls = 0
    const base = await serve(async () => {
      calls += 1
      if (calls === 1) throw new Error('database down')
      return new Response('ok')
    })
    expect((await fetch(`${base}/`)).status).toBe(500)
    expect(await (await fetch(`${base}/`)).text()).toBe('ok')
  })

  it('error: a handler that is not a function is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => createNodeListener(null as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
