import { CivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { routeSignInRequest, type SignInEndpoints } from './routeSignInRequest.js'

const base = 'https://portal.city.example/sign-in'

function setting(failure?: unknown) {
  const calls: string[] = []
  const endpoints: SignInEndpoints = {
    response: async (request) => {
      calls.push(`response ${request.method}`)
      return new Response('answered')
    },
    requestObject: async (id) => {
      calls.push(`request ${id}`)
      if (failure !== undefined) throw failure
      return new Response(`request object ${id}`)
    },
    status: async (id) => {
      calls.push(`status ${id}`)
      if (failure !== undefined) throw failure
      return { status: 'pending', expiresAt: 1 }
    },
  }
  const route = (path: string, method = 'GET') =>
    routeSignInRequest(new Request(`${base}${path}`, { method }), '/sign-in', endpoints)
  return { route, calls }
}

describe('routeSignInRequest', () => {
  it('behavior: each route reaches its endpoint with the id it names', async () => {
    const { route, calls } = setting()
    expect(await (await route('/response', 'POST')).text()).toBe('answered')
    expect(await (await route('/request/r1')).text()).toBe('request object r1')
    const status = await route('/status/s1')
    expect(status.headers.get('content-type')).toBe('application/json')
    expect(await status.json()).toEqual({ status: 'pending', expiresAt: 1 })
    expect(calls).toEqual(['response POST', 'request r1', 'status s1'])
  })

  it('behavior: the result route exists only with a result endpoint (same-device flow)', async () => {
    const { route } = setting()
    expect((await route('/result/c1')).status).toBe(404)
    const endpoints: SignInEndpoints = {
      response: async () => new Response(null),
      requestObject: async () => new Response(null),
      status: async () => ({}),
      result: async (code) => ({ status: 'expired', code }),
    }
    const answer = await routeSignInRequest(new Request(`${base}/result/c1`), '/sign-in', endpoints)
    expect(await answer.json()).toEqual({ status: 'expired', code: 'c1' })
  })

  it.each([
    ['GET /response', '/response', 'GET'],
    ['POST /request/:id', '/request/r1', 'POST'],
    ['an extra segment', '/status/s1/more', 'GET'],
    ['a missing id', '/status', 'GET'],
    ['an unknown route', '/other/x', 'GET'],
    ['a path outside the mount point', '/../elsewhere/request/r1', 'GET'],
  ])('error: %s is a 404 not_found and reaches no endpoint', async (_, path, method) => {
    const { route, calls } = setting()
    const answer = await route(path, method)
    expect(answer.status).toBe(404)
    expect(await answer.json()).toEqual({ error: 'not_found' })
    expect(calls).toEqual([])
  })

  it('error: a GET endpoint failing on a store that is down is a 503, other failures a 400 by code', async () => {
    const down = setting(new CivitasError('ERR_STORE_UNAVAILABLE', 'down'))
    expect((await down.route('/status/s1')).status).toBe(503)
    expect((await down.route('/request/r1')).status).toBe(503)
    const broken = setting(new TypeError('boom'))
    const answer = await broken.route('/status/s1')
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' })
  })
})
