import { describeNonceStoreConformance } from '@civitas/test-utils'
import { describe, expect, it } from 'vitest'
import { createRedisNonceStore } from './createRedisNonceStore.js'

// The real Redis on 127.0.0.1:6379; each suite run uses its own key prefix.
describeNonceStoreConformance(
  'redis',
  ({ namespace }) => createRedisNonceStore({ prefix: `test:${namespace}:` }),
  {
    shared: true,
  },
)

describe('createRedisNonceStore', () => {
  it('error: a prefix with spaces is refused with ERR_INVALID_ARGUMENT', () => {
    expect(() => createRedisNonceStore({ prefix: 'has space' })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('error: an unreachable server surfaces from the call, without crashing the process', async () => {
    const store = createRedisNonceStore({ url: 'redis://127.0.0.1:1' })
    await expect(
      Promise.race([
        store.get('x'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('hung')), 3000)),
      ]),
    ).rejects.toBeDefined()
  })
})
