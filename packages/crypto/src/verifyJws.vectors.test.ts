import { encodeUtf8, type PrivateJwk, type PublicJwk } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { readVector } from '../../../test/support/vectors.js'
import { decodeJws } from './decodeJws.js'
import { importPublicJwk } from './importPublicJwk.js'
import { jwkThumbprint } from './jwkThumbprint.js'
import { signWithJwk } from './signWithJwk.js'
import { verifyJws } from './verifyJws.js'

type Jwk = Record<string, string>
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
const publicPart = (jwk: Jwk) =>
  Object.fromEntries(
    Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.has(name)),
  ) as unknown as PublicJwk
const SUPPORTED = new Set(['EdDSA', 'ES256', 'ES256K'])

interface AppendixCase {
  section: string
  alg: string
  compact: string
  key?: Jwk
  expectedResult: string
}

describe('RFC 7515 Appendix A', () => {
  // ../shared/vectors/jws/rfc7515-appendix-a.json (A.1–A.5)
  const { cases } = readVector<{ cases: AppendixCase[] }>('jws/rfc7515-appendix-a.json')
  const es256Key = cases.find((vector) => vector.alg === 'ES256')?.key as Jwk
  for (const vector of cases) {
    const key = publicPart(vector.key ?? es256Key)
    if (SUPPORTED.has(vector.alg)) {
      it(`behavior: ${vector.section} verifies`, async () => {
        await expect(verifyJws(vector.compact, { publicJwk: key })).resolves.toMatchObject({
          payload: { iss: 'joe' },
        })
      })
    } else {
      it(`error: ${vector.section} (${vector.alg}) is refused with ERR_ALGORITHM_UNSUPPORTED`, async () => {
        await expect(
          verifyJws(decodeJws(vector.compact, { payload: 'bytes' }), { publicJwk: key }),
        ).rejects.toMatchObject({
          code: 'ERR_ALGORITHM_UNSUPPORTED',
        })
      })
    }
  }
})

interface CookbookCase {
  title: string
  input: { alg: string; key: Jwk }
  signing: { 'sig-input': string; sig: string }
  output: { compact: string }
}

describe('RFC 8037 and RFC 7520 (JOSE cookbook)', () => {
  // ../shared/vectors/jws/rfc8037-A4-ed25519-jws.json: Ed25519 is deterministic, so signing reproduces the signature
  const ed25519 = readVector<CookbookCase>('jws/rfc8037-A4-ed25519-jws.json')
  it('behavior: RFC 8037 A.4 verifies, and signing its input reproduces its signature', async () => {
    const decoded = decodeJws(ed25519.output.compact, { payload: 'bytes' })
    await expect(verifyJws(decoded, { publicJwk: publicPart(ed25519.input.key) })).resolves.toBe(decoded)
    const signature = await signWithJwk({
      privateJwk: ed25519.input.key as unknown as PrivateJwk,
      data: encodeUtf8(ed25519.signing['sig-input']),
    })
    expect(Buffer.from(signature).toString('base64url')).toBe(ed25519.signing.sig)
  })

  // ../shared/vectors/jws/rfc7520-4.1-rs256.json, 4.3-es512.json, 4.4-hs256.json, 4.5-detached.json
  for (const file of [
    'rfc7520-4.1-rs256.json',
    'rfc7520-4.3-es512.json',
    'rfc7520-4.4-hs256.json',
    'rfc7520-4.5-detached.json',
  ]) {
    const vector = readVector<CookbookCase>(`jws/${file}`)
    it(`error: ${file} (${vector.input.alg}) is refused with ERR_ALGORITHM_UNSUPPORTED`, async () => {
      const decoded = decodeJws(vector.output.compact, { payload: 'bytes' })
      await expect(verifyJws(decoded, { publicJwk: publicPart(vector.input.key) })).rejects.toMatchObject({
        code: 'ERR_ALGORITHM_UNSUPPORTED',
      })
    })
  }
})

describe('derived negative cases', () => {
  // ../shared/vectors/jws/derived-negative-cases.json (tampered RFC 7515 A.3)
  const EXPECTED: Record<string, string> = {
    'es256-payload-modified': 'ERR_SIGNATURE_INVALID',
    'es256-signature-der-encoded': 'ERR_SIGNATURE_INVALID',
    'es256-signature-truncated': 'ERR_SIGNATURE_INVALID',
    'es256-alg-header-swapped-to-hs256': 'ERR_ALGORITHM_UNSUPPORTED',
    'es256-wrong-key-p256-from-did-key': 'ERR_SIGNATURE_INVALID',
  }
  const { cases } = readVector<{
    cases: { id: string; compact: string; key: Jwk; expectedResult: string }[]
  }>('jws/derived-negative-cases.json')
  for (const vector of cases) {
    it(`error: ${vector.id} is rejected with ${EXPECTED[vector.id]}`, async () => {
      expect(vector.expectedResult).toBe('invalid')
      await expect(verifyJws(vector.compact, { publicJwk: publicPart(vector.key) })).rejects.toMatchObject({
        code: EXPECTED[vector.id],
      })
    })
  }
})

describe('RFC 7638 thumbprints', () => {
  // ../shared/vectors/jws/jwk-thumbprints.json (RFC 7638 §3.1 RSA, RFC 8037 A.3 Ed25519)
  const { cases } = readVector<{
    cases: { section: string; jwk: Jwk; expectedThumbprintSha256B64u: string }[]
  }>('jws/jwk-thumbprints.json')
  for (const vector of cases) {
    if (vector.jwk.kty === 'RSA') {
      it(`error: ${vector.section} (RSA) is refused by importPublicJwk with ERR_ALGORITHM_UNSUPPORTED`, () => {
        expect(() => importPublicJwk(vector.jwk)).toThrow(
          expect.objectContaining({ code: 'ERR_ALGORITHM_UNSUPPORTED' }),
        )
      })
    } else {
      it(`behavior: ${vector.section} thumbprint matches`, async () => {
        expect(await jwkThumbprint(importPublicJwk(publicPart(vector.jwk)))).toBe(
          vector.expectedThumbprintSha256B64u,
        )
      })
    }
  }
})
