import { generateKeyPair, signWithJwk } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { useBrowserHarness } from '../support/browserHarness.js'

// Signature verification on a browser's WebCrypto (the #native path for browsers), in Chromium.
const browser = useBrowserHarness()

describe('verifySignature in Chromium', () => {
  it.each(['EdDSA', 'ES256'] as const)(
    'behavior: a %s signature made in Node verifies natively in the browser; a tampered one or other data does not',
    async (alg) => {
      const { privateJwk, publicJwk } = await generateKeyPair({ alg })
      const data = new TextEncoder().encode('Civitas in a browser')
      const signature = await signWithJwk({ privateJwk, data })
      const tampered = signature.slice()
      tampered[5] = (tampered[5] ?? 0) ^ 1
      const verdicts = await browser().call('verifySignatures', [
        { publicJwk, alg, data, signature },
        { publicJwk, alg, data, signature: tampered },
        { publicJwk, alg, data: data.subarray(1), signature },
      ])
      expect(verdicts).toEqual([
        [true, true],
        [false, false],
        [false, false],
      ])
    },
  )
})
