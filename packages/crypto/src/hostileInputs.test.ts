import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { algorithmForJwk } from './algorithmForJwk.js'
import { decodeJws } from './decodeJws.js'
import { decodeMultikey } from './decodeMultikey.js'
import { generateKeyPair } from './generateKeyPair.js'
import { importPublicJwk } from './importPublicJwk.js'
import { publicJwkFromBytes } from './publicJwkFromBytes.js'
import { signJws } from './signJws.js'
import { signWithJwk } from './signWithJwk.js'
import { verifyJws } from './verifyJws.js'
import { verifySignature } from './verifySignature.js'

const b64 = (text: string) => encodeBase64url(encodeUtf8(text))
const ED25519 = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const
const jws = (header: string, payload = '{"a":1}', signature = 'AA') =>
  `${b64(header)}.${b64(payload)}.${signature}`

describe('decodeJws hostile inputs', () => {
  const cases: [string, unknown, string][] = [
    ['a number', 42, 'ERR_JWS_MALFORMED'],
    ['an empty string', '', 'ERR_JWS_MALFORMED'],
    ['two parts', 'eyJhbGciOiJFZERTQSJ9.e30', 'ERR_JWS_MALFORMED'],
    ['four parts', 'a.b.c.d', 'ERR_JWS_MALFORMED'],
    ['an oversized token', `${'a'.repeat(1_048_577)}`, 'ERR_INPUT_TOO_LARGE'],
    ['padding', `${b64('{"alg":"EdDSA"}')}=.e30.AA`, 'ERR_BASE64URL_INVALID'],
    ['non-canonical trailing bits', `${b64('{"alg":"EdDSA"}')}.e31.AA`, 'ERR_BASE64URL_INVALID'],
    ['standard base64 characters', `${b64('{"alg":"EdDSA"}')}.e30.A+/A`, 'ERR_BASE64URL_INVALID'],
    ['a header that is not an object', jws('[1]'), 'ERR_JWS_HEADER_INVALID'],
    ['a header without alg', jws('{"typ":"JWT"}'), 'ERR_JWS_HEADER_INVALID'],
    ['a numeric alg', jws('{"alg":1}'), 'ERR_JWS_HEADER_INVALID'],
    ['duplicate header members', jws('{"alg":"EdDSA","alg":"none"}'), 'ERR_JSON_DUPLICATE_KEY'],
    ['a __proto__ header member', jws('{"alg":"EdDSA","__proto__":{}}'), 'ERR_JSON_FORBIDDEN_KEY'],
    ['a crit header', jws('{"alg":"EdDSA","crit":["exp"],"exp":1}'), 'ERR_JWS_CRIT_UNSUPPORTED'],
    ['b64 false', jws('{"alg":"EdDSA","b64":false}'), 'ERR_JWS_HEADER_INVALID'],
    ['a payload that is not an object', jws('{"alg":"EdDSA"}', '"text"'), 'ERR_JWS_MALFORMED'],
    ['duplicate payload members', jws('{"alg":"EdDSA"}', '{"sub":"a","sub":"b"}'), 'ERR_JSON_DUPLICATE_KEY'],
    ['a constructor payload member', jws('{"alg":"EdDSA"}', '{"constructor":1}'), 'ERR_JSON_FORBIDDEN_KEY'],
    ['invalid UTF-8', `${encodeBase64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.e30.AA`, 'ERR_UTF8_INVALID'],
  ]
  for (const [name, token, code] of cases) {
    it(`error: ${name} is ${code}`, () => {
      expect(() => decodeJws(token as string)).toThrow(expect.objectContaining({ code }))
    })
  }
})

describe('verifyJws refuses algorithms before any crypto', () => {
  for (const alg of [
    'none',
    'None',
    'NONE',
    'HS256',
    'RS256',
    'PS256',
    'ES384',
    'ES512',
    'Ed25519',
    'eddsa',
    '',
  ]) {
    it(`error: alg "${alg}" is ERR_ALGORITHM_UNSUPPORTED`, async () => {
      await expect(
        verifyJws(jws(JSON.stringify({ alg }), '{"a":1}', ''), { publicJwk: ED25519 }),
      ).rejects.toMatchObject({
        code: 'ERR_ALGORITHM_UNSUPPORTED',
      })
    })
  }

  it('error: ES256 on an Ed25519 key is ERR_ALGORITHM_MISMATCH', async () => {
    await expect(verifyJws(jws('{"alg":"ES256"}'), { publicJwk: ED25519 })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_MISMATCH',
    })
  })

  it('error: an algorithm outside the caller allow-list is ERR_ALGORITHM_UNSUPPORTED', async () => {
    await expect(
      verifyJws(jws('{"alg":"EdDSA"}'), { publicJwk: ED25519, algorithms: ['ES256'] }),
    ).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_UNSUPPORTED',
    })
  })

  it('behavior: a jwk in the header is never used to verify', async () => {
    const attacker = await generateKeyPair({ alg: 'EdDSA' })
    const signer = {
      alg: 'EdDSA' as const,
      sign: (data: Uint8Array) => signWithJwk({ privateJwk: attacker.privateJwk, data }),
    }
    const token = await signJws({ header: { jwk: attacker.publicJwk as never }, payload: { a: 1 }, signer })
    await expect(verifyJws(token, { publicJwk: ED25519 })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })
  })
})

describe('key inputs', () => {
  const jwks: [string, unknown, string][] = [
    ['null', null, 'ERR_JWK_INVALID'],
    ['a string', 'jwk', 'ERR_JWK_INVALID'],
    [
      'private material',
      { ...ED25519, d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A' },
      'ERR_JWK_PRIVATE_MATERIAL',
    ],
    ['an oct key', { kty: 'oct', k: 'c2VjcmV0' }, 'ERR_JWK_PRIVATE_MATERIAL'],
    ['an RSA key', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, 'ERR_ALGORITHM_UNSUPPORTED'],
    ['a P-384 key', { kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }, 'ERR_ALGORITHM_UNSUPPORTED'],
    ['a short x', { ...ED25519, x: 'AAAA' }, 'ERR_JWK_INVALID'],
    ['padded x', { ...ED25519, x: `${ED25519.x}=` }, 'ERR_JWK_INVALID'],
    [
      'an off-curve point',
      {
        kty: 'EC',
        crv: 'P-256',
        x: encodeBase64url(new Uint8Array(32).fill(1)),
        y: encodeBase64url(new Uint8Array(32).fill(1)),
      },
      'ERR_JWK_INVALID',
    ],
    [
      'a missing y',
      { kty: 'EC', crv: 'secp256k1', x: encodeBase64url(new Uint8Array(32).fill(1)) },
      'ERR_JWK_INVALID',
    ],
  ]
  for (const [name, jwk, code] of jwks) {
    it(`error: importPublicJwk of ${name} is ${code}`, () => {
      expect(() => importPublicJwk(jwk)).toThrow(expect.objectContaining({ code }))
    })
  }

  it('error: algorithmForJwk of an X25519 key is ERR_ALGORITHM_UNSUPPORTED', () => {
    expect(() => algorithmForJwk({ crv: 'X25519' })).toThrow(
      expect.objectContaining({ code: 'ERR_ALGORITHM_UNSUPPORTED' }),
    )
  })

  it('error: decodeMultikey of hostile text is ERR_MULTIKEY_INVALID', () => {
    for (const text of [42, '', 'mAAAA', 'z', 'z0OIl', `z${'1'.repeat(200)}`]) {
      expect(() => decodeMultikey(text as string)).toThrow(
        expect.objectContaining({ code: 'ERR_MULTIKEY_INVALID' }),
      )
    }
  })

  it('error: publicJwkFromBytes of wrong lengths or types is ERR_KEY_INVALID', () => {
    expect(() => publicJwkFromBytes({ crv: 'Ed25519', bytes: new Uint8Array(31) })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
    expect(() => publicJwkFromBytes({ crv: 'P-256', bytes: new Uint8Array(32) })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
    expect(() => publicJwkFromBytes({ crv: 'P-256', bytes: 'x' as never })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
  })

  it('error: verifySignature of non-bytes is ERR_INVALID_ARGUMENT; of a wrong-length signature is false', async () => {
    await expect(
      verifySignature({
        publicJwk: ED25519,
        alg: 'EdDSA',
        data: 'x' as never,
        signature: new Uint8Array(64),
      }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    expect(
      await verifySignature({
        publicJwk: ED25519,
        alg: 'EdDSA',
        data: new Uint8Array(1),
        signature: new Uint8Array(63),
      }),
    ).toBe(false)
  })

  it('error: signWithJwk with another alg than the key is ERR_ALGORITHM_MISMATCH; without d is ERR_JWK_INVALID', async () => {
    const { privateJwk } = await generateKeyPair({ alg: 'ES256' })
    await expect(signWithJwk({ privateJwk, alg: 'ES256K', data: new Uint8Array(1) })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_MISMATCH',
    })
    await expect(
      signWithJwk({ privateJwk: ED25519 as never, data: new Uint8Array(1) }),
    ).rejects.toMatchObject({ code: 'ERR_JWK_INVALID' })
  })

  it.each(['EdDSA', 'ES256', 'ES256K'] as const)(
    'error: signWithJwk refuses a %s private key whose d is padded, not base64url, or the wrong length',
    async (alg) => {
      const { privateJwk } = await generateKeyPair({ alg })
      for (const [d, code] of [
        [`${privateJwk.d}=`, 'ERR_BASE64URL_INVALID'],
        [`${privateJwk.d.slice(0, -1)}+`, 'ERR_BASE64URL_INVALID'],
        ['A'.repeat(22), 'ERR_JWK_INVALID'],
        [`${privateJwk.d}AAAA`, 'ERR_JWK_INVALID'],
      ] as const) {
        await expect(
          signWithJwk({ privateJwk: { ...privateJwk, d }, data: new Uint8Array(1) }),
          d,
        ).rejects.toMatchObject({ code })
      }
      await expect(signWithJwk({ privateJwk, data: new Uint8Array(1) })).resolves.toHaveLength(64)
    },
  )

  it('error: generateKeyPair of an unknown algorithm is ERR_ALGORITHM_UNSUPPORTED', async () => {
    await expect(generateKeyPair({ alg: 'RS256' as never })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_UNSUPPORTED',
    })
  })

  it('error: signJws with a header alg other than the signer is ERR_ALGORITHM_MISMATCH', async () => {
    const signer = { alg: 'EdDSA' as const, sign: async () => new Uint8Array(64) }
    await expect(signJws({ header: { alg: 'none' }, payload: {}, signer })).rejects.toMatchObject({
      code: 'ERR_ALGORITHM_MISMATCH',
    })
  })
})
