import { readFileSync } from 'node:fs'
import { isCivitasError, type JsonObject, type PublicJwk } from '@civitas/core'
import { importPublicJwk, verifyJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { describe, expect, it } from 'vitest'
import { codeOf } from '../../../../../test/support/codeOf.js'
import { readVector, vectorPath } from '../../../../../test/support/vectors.js'
import { decodeSdJwt } from '../../decodeSdJwt.js'
import { checkAudience, checkFreshness, checkNonce } from '../../internal/checkPresentationBinding.js'
import { verifyCredential } from '../../verifyCredential.js'
import { applyDisclosures } from './applyDisclosures.js'
import { decodeDisclosure } from './decodeDisclosure.js'
import { verifyKeyBinding } from './verifyKeyBinding.js'

interface Example {
  description: string
  issuerPublicJwk: PublicJwk
  presentationWithKeyBinding?: string
  presentationWithoutKeyBinding?: string
  issuedDisclosures?: { disclosure: string; sha256Digest: string }[]
  presentedDisclosures: { disclosure: string; sha256Digest: string }[]
  kbJwtPayload?: { iat: number }
  expectedProcessedPayload: JsonObject
}
interface Keys {
  keyBindingNonce: string
  verifierAudience: string
}

const keys = readVector<Keys>('sd-jwt/keys.json')
const SKEW = 60_000
const MAX_AGE = 5 * 60_000

/**
 * Verifies an SD-JWT the way `verifyPresentation` does, with the issuer's key given instead of
 * resolved from a DID (the examples' issuers are https URLs): signature, disclosures, and the
 * key binding with audience, nonce and freshness when one is present.
 */
async function verifyExample(
  token: string,
  issuerKey: PublicJwk,
  expect: { audience: string; nonce: string; now?: number },
): Promise<JsonObject> {
  const decoded = decodeSdJwt(token)
  await verifyJws(decoded.jwt, { publicJwk: issuerKey })
  const processed = applyDisclosures(decoded.jwt.payload, decoded.disclosures)
  if (decoded.keyBinding !== undefined) {
    const cnf = processed.cnf as JsonObject
    const binding = await verifyKeyBinding(decoded, importPublicJwk(cnf.jwk))
    checkAudience(binding, expect.audience)
    checkNonce(binding, expect.nonce)
    checkFreshness(binding, expect.now ?? (binding.issuedAt as number) + 30_000, SKEW, MAX_AGE)
  }
  return processed
}

describe('RFC 9901 examples', () => {
  // ../shared/vectors/sd-jwt/0[1-5]-*.json (RFC 9901 §5, Appendix A.1–A.4)
  for (const file of [
    '01-simple.json',
    '02-simple-structured.json',
    '03-complex-structured-ekyc.json',
    '04-sd-jwt-vc-pid.json',
    '05-w3c-vcdm-json-ld.json',
  ]) {
    const example = readVector<Example>(`sd-jwt/${file}`)
    const token = (example.presentationWithKeyBinding ?? example.presentationWithoutKeyBinding) as string
    const expectations = { audience: keys.verifierAudience, nonce: keys.keyBindingNonce }

    it(`vector: ${file} verifies and yields exactly the expected payload`, async () => {
      const processed = await verifyExample(token, example.issuerPublicJwk, expectations)
      expect(processed).toEqual(example.expectedProcessedPayload)
    })

    it(`vector: ${file} disclosure digests match the spec's`, () => {
      for (const { disclosure, sha256Digest } of [
        ...(example.issuedDisclosures ?? []),
        ...example.presentedDisclosures,
      ]) {
        expect(decodeDisclosure(disclosure).digest).toBe(sha256Digest)
      }
    })

    if (example.presentationWithKeyBinding !== undefined) {
      it(`behavior: ${file} with the clock 10 minutes after the key binding is ERR_PRESENTATION_STALE`, async () => {
        const now = (example.kbJwtPayload?.iat as number) * 1000 + 10 * 60_000
        expect(await codeOf(verifyExample(token, example.issuerPublicJwk, { ...expectations, now }))).toBe(
          'ERR_PRESENTATION_STALE',
        )
      })
    }
  }
})

describe('derived negative cases', () => {
  // ../shared/vectors/sd-jwt/derived-negative-cases.json (tampered from §5 and A.1, not re-signed)
  const { issuerPublicJwk, cases } = readVector<{
    issuerPublicJwk: PublicJwk
    cases: { id: string; input: string; verifierExpects?: { nonce: string; aud: string } }[]
  }>('sd-jwt/derived-negative-cases.json')
  const expected: Record<string, string> = {
    'issuer-signature-bitflip': 'ERR_SIGNATURE_INVALID',
    'modified-disclosure-value': 'ERR_DISCLOSURE_INVALID',
    'unreferenced-foreign-disclosure': 'ERR_DISCLOSURE_INVALID',
    'kb-jwt-sd-hash-mismatch': 'ERR_KEY_BINDING_INVALID',
    'kb-jwt-wrong-expected-nonce': 'ERR_NONCE_MISMATCH',
  }
  it('has a code for every case', () => {
    expect(cases.map((entry) => entry.id).sort()).toEqual(Object.keys(expected).sort())
  })
  for (const entry of cases) {
    it(`error: ${entry.id} is rejected with ${expected[entry.id]}`, async () => {
      const expectations = {
        audience: entry.verifierExpects?.aud ?? keys.verifierAudience,
        nonce: entry.verifierExpects?.nonce ?? keys.keyBindingNonce,
      }
      expect(await codeOf(verifyExample(entry.input, issuerPublicJwk, expectations))).toBe(expected[entry.id])
    })
  }
})

describe('VC-JOSE-COSE SD-JWT inputs', () => {
  // ../shared/vectors/vc/w3c-vc-jose-cose-test-suite/input/*sdjwt*.txt (tests 20–26). They are
  // typed vc+sd-jwt / vp+sd-jwt and signed with ES384 / ES512, outside what Civitas accepts.
  const read = (name: string) =>
    readFileSync(vectorPath(`vc/w3c-vc-jose-cose-test-suite/input/${name}`), 'utf8').trim()
  const resolver = createResolver()

  for (const name of ['credential-sdjwt-selective.txt', 'credential-sdjwt-nested.txt']) {
    it(`vector: ${name} decodes and every disclosure is referenced exactly once`, () => {
      const decoded = decodeSdJwt(read(name))
      const processed = applyDisclosures(decoded.jwt.payload, decoded.disclosures)
      expect(decoded.disclosures.length).toBeGreaterThan(0)
      expect(JSON.stringify(processed)).not.toContain('"_sd"')
    })
  }

  const refusals: [string, boolean, string][] = [
    ['credential-sdjwt-selective.txt', false, 'ERR_TOKEN_TYPE_INVALID'],
    ['credential-sdjwt-selective.txt', true, 'ERR_ALGORITHM_UNSUPPORTED'],
    ['credential-sdjwt-nested.txt', true, 'ERR_ALGORITHM_UNSUPPORTED'],
    ['credential-sdjwt-bad-signature.txt', true, 'ERR_ALGORITHM_UNSUPPORTED'],
    ['credential-sdjwt-bad-media-type.txt', true, 'ERR_TOKEN_TYPE_INVALID'],
    ['presentation-sdjwt-selective.txt', true, 'ERR_TOKEN_TYPE_INVALID'],
    ['presentation-sdjwt-bad-media-type.txt', true, 'ERR_TOKEN_TYPE_INVALID'],
    ['presentation-sdjwt-bad-credential.txt', true, 'ERR_TOKEN_TYPE_INVALID'],
  ]
  for (const [name, legacySdJwtTyp, code] of refusals) {
    it(`error: ${name} (legacy typ ${legacySdJwtTyp ? 'allowed' : 'refused'}) is refused with ${code}`, async () => {
      expect(await codeOf(verifyCredential(read(name), { resolver, legacySdJwtTyp }))).toBe(code)
    })
  }
})
