import { afterAll, beforeAll } from 'vitest'

/**
 * Replaces `fetch` with one that refuses every request for the whole test file (restored after all),
 * and returns the list of URLs something tried to fetch, so a test can assert it stayed empty.
 * Call it once at the top level of a test file.
 */
export function disableNetwork(reason: string): string[] {
  const fetched: string[] = []
  const realFetch = globalThis.fetch
  beforeAll(() => {
    globalThis.fetch = (async (input: unknown) => {
      fetched.push(String(input))
      throw new TypeError(`network disabled: ${reason}`)
    }) as typeof fetch
  })
  afterAll(() => {
    globalThis.fetch = realFetch
  })
  return fetched
}
