import { isCivitasError } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { listFetchSettings } from './listFetchSettings.js'

describe('listFetchSettings', () => {
  it('behavior: by default the guard fetches, follows same-origin redirects, https only, 5 s and 1 MiB', () => {
    const settings = listFetchSettings({})
    expect(settings).toMatchObject({
      redirect: 'follow',
      allowHttp: false,
      timeoutMs: 5000,
      maxBytes: 1_048_576,
    })
    expect(typeof settings.fetch).toBe('function')
  })

  it("behavior: a caller's fetch replaces the guard and redirects are refused outright", () => {
    const own = (url: string) => Promise.resolve(new Response(url))
    const settings = listFetchSettings({ fetch: own, allowHttp: true, timeoutMs: 100, maxBytes: 10 })
    expect(settings).toEqual({ fetch: own, redirect: 'error', allowHttp: true, timeoutMs: 100, maxBytes: 10 })
  })

  it('error: the default guard refuses a loopback list until its host is allowed', async () => {
    const guarded = listFetchSettings({ allowHttp: true })
    const refused = await guarded.fetch('http://127.0.0.1:9/status/1', {}).catch((error: unknown) => error)
    expect(isCivitasError(refused) && refused.details.reason).toBe('address')
  })

  it('error: guard options out of range are ERR_INVALID_ARGUMENT', () => {
    expect(() => listFetchSettings({ maxBytes: 17 * 1_048_576 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
