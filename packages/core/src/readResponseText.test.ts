import { describe, expect, it } from 'vitest'
import { readResponseText } from './readResponseText.js'

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift()
      if (next === undefined) controller.close()
      else controller.enqueue(next)
    },
  })
}

describe('readResponseText', () => {
  it('behavior: reads a body made of several chunks', async () => {
    const body = streamOf(new TextEncoder().encode('Jeju '), new TextEncoder().encode('제주'))
    expect(await readResponseText(new Response(body), { maxBytes: 100 })).toBe('Jeju 제주')
  })

  it('error: a body past the cap is refused with ERR_INPUT_TOO_LARGE, the rest unread', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      },
    })
    await expect(
      readResponseText(new Response(endless), { maxBytes: 4096, name: 'list' }),
    ).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
      message: expect.stringContaining('list'),
    })
    expect(pulled).toBeLessThan(10)
  })

  it('error: a declared Content-Length over the cap is refused before reading', async () => {
    const response = new Response('x', { headers: { 'content-length': '999999' } })
    await expect(readResponseText(response, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'ERR_INPUT_TOO_LARGE',
    })
  })

  it('error: malformed UTF-8 is refused with ERR_UTF8_INVALID', async () => {
    await expect(
      readResponseText(new Response(new Uint8Array([0xc3, 0x28])), { maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'ERR_UTF8_INVALID' })
  })
})
