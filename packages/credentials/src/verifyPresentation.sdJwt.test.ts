import {
  encodeBase64url,
  encodeUtf8,
  fixedClock,
  isCivitasError,
  type JsonObject,
  type JsonValue,
  type PublicJwk,
} from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { describe, expect, it } from 'vitest'
import { codeOf } from '../../../test/support/codeOf.js'
import { createParties, NOW, YEAR } from '../../../test/support/parties.js'
import { createPresentation } from './createPresentation.js'
import { decodeSdJwt } from './decodeSdJwt.js'
import { hashDigest } from './formats/sdJwtVc/hashDigest.js'
import { issueCredential } from './issueCredential.js'
import { verifyCredential } from './verifyCredential.js'
import { verifyPresentation } from './verifyPresentation.js'

const clock = fixedClock(NOW)
const AUDIENCE = 'https://clinic.example'
const NONCE = 'n-7f3k2Lq9vX0aPz'
const iat = Math.floor(NOW / 1000)
const encode = (value: JsonValue) => encodeBase64url(encodeUtf8(JSON.stringify(value)))
const disclosure = (...parts: JsonValue[]) => encode(['c2FsdHNhbHRzYWx0c2FsdA', ...parts])

async function setting() {
  const parties = await createParties('EdDSA', 'ES256')
  const { citizen, city, resolver } = parties
  const { token } = await issueCredential({
    issuer: city,
    format: 'dc+sd-jwt',
    credential: {
      vct: 'urn:civitas:vct:test:1',
      sub: citizen.did,
      given_name: 'Mari',
      birthdate: '1990-04-12',
      address: { locality: 'Tartu', postal_code: '50089' },
      scopes: ['imaging', 'prescriptions'],
    },
    disclosable: ['given_name', 'birthdate', 'address', 'address.locality', 'scopes.0', 'scopes.1'],
    clock,
    validFor: YEAR,
  })
  const present = (disclose: string[], holder: Identity = citizen, credential = token) =>
    createPresentation({
      holder,
      credentials: [credential],
      disclose,
      audience: AUDIENCE,
      nonce: NONCE,
      clock,
    })
  const verify = (presentation: string, options: { nonce?: string; audience?: string; now?: number } = {}) =>
    verifyPresentation(presentation, {
      resolver,
      audience: options.audience ?? AUDIENCE,
      nonce: options.nonce ?? NONCE,
      clock: fixedClock(options.now ?? NOW),
    })
  /** Signs a key-binding JWT for `sdJwt` as the holder would, with any payload changes. */
  const bind = async (sdJwt: string, changes: JsonObject = {}, holder: Identity = citizen) =>
    sdJwt +
    (await signJws({
      header: { typ: 'kb+jwt' },
      payload: { iat, aud: AUDIENCE, nonce: NONCE, sd_hash: hashDigest(sdJwt), ...changes },
      signer: holder.signer,
    }))
  /** Re-signs the issuer JWT (as the real issuer) with a changed payload and the given disclosures. */
  const forge = async (
    edit: (payload: JsonObject) => void,
    disclosures: string[],
    header: JsonObject = {},
  ) => {
    const { jwt } = decodeSdJwt(token)
    const payload = structuredClone(jwt.payload)
    edit(payload)
    const signed = await signJws({
      header: { typ: 'dc+sd-jwt', kid: city.kid, ...header },
      payload,
      signer: city.signer,
    })
    return `${signed}~${disclosures.map((entry) => `${entry}~`).join('')}`
  }
  return { ...parties, token, present, verify, bind, forge }
}

describe('SD-JWT VC presentations', () => {
  it('behavior: only the chosen claims come out, with the always-visible ones', async () => {
    const { present, verify, citizen, city } = await setting()
    const { token, format } = await present(['address.locality', 'scopes.1'])
    expect(format).toBe('dc+sd-jwt')
    const verified = await verify(token)
    const [credential] = verified.credentials
    expect(verified.holder).toBe(citizen.did)
    expect(credential?.issuer).toBe(city.did)
    expect(credential?.types).toEqual(['urn:civitas:vct:test:1'])
    const { cnf: _cnf, ...claims } = credential?.credential ?? {}
    expect(claims).toEqual({
      iss: city.did,
      iat,
      exp: iat + YEAR / 1000,
      vct: 'urn:civitas:vct:test:1',
      sub: citizen.did,
      address: { postal_code: '50089', locality: 'Tartu' },
      scopes: ['prescriptions'],
    })
  })

  it('behavior: the issued token hides disclosable claims behind sorted digests with decoys', async () => {
    const { token } = await setting()
    const { jwt, disclosures } = decodeSdJwt(token)
    expect(jwt.header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'EdDSA' })
    expect(jwt.header.kid).toMatch(/^did:key:z6Mk[^#]+#z6Mk/)
    expect(jwt.payload._sd_alg).toBe('sha-256')
    expect(JSON.stringify(jwt.payload)).not.toMatch(/Mari|1990|Tartu|imaging/)
    const digests = jwt.payload._sd as string[]
    expect(digests).toEqual([...digests].sort())
    expect(digests.length).toBeGreaterThan(3) // given_name, birthdate, address and at least one decoy
    expect(disclosures).toHaveLength(6)
    for (const entry of disclosures) expect(entry.salt.length).toBeGreaterThanOrEqual(22)
  })

  it('behavior: verifyCredential on the issued token returns every claim', async () => {
    const { token, resolver } = await setting()
    const { credential, format, holderKey } = await verifyCredential(token, { resolver, clock })
    expect(format).toBe('dc+sd-jwt')
    expect(holderKey?.crv).toBe('P-256')
    expect(credential).toMatchObject({
      given_name: 'Mari',
      birthdate: '1990-04-12',
      scopes: ['imaging', 'prescriptions'],
    })
  })

  it('behavior: disclose "all" reveals everything; nothing named reveals nothing disclosable', async () => {
    const { token, citizen, verify } = await setting()
    const all = await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: 'all',
      audience: AUDIENCE,
      nonce: NONCE,
      clock,
    })
    expect((await verify(all.token)).credentials[0]?.credential.birthdate).toBe('1990-04-12')
    const none = await createPresentation({
      holder: citizen,
      credentials: [token],
      audience: AUDIENCE,
      nonce: NONCE,
      clock,
    })
    expect(decodeSdJwt(none.token).disclosures).toHaveLength(0)
    expect((await verify(none.token)).credentials[0]?.credential.scopes).toEqual([])
  })

  it('behavior: a holder given as a JWK without sub is named by its thumbprint URI', async () => {
    const { city, citizen, resolver, keyStore } = await setting()
    const [key] = (await keyStore.listKeys()).filter((entry) => entry.alg === 'ES256')
    const { token } = await issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: { vct: 'urn:x', pass: 'gold' },
      holder: key?.publicJwk as PublicJwk,
      disclosable: ['pass'],
      clock,
    })
    const presented = await createPresentation({
      holder: citizen,
      credentials: [token],
      disclose: ['pass'],
      audience: AUDIENCE,
      nonce: NONCE,
      clock,
    })
    const verified = await verifyPresentation(presented.token, {
      resolver,
      audience: AUDIENCE,
      nonce: NONCE,
      clock,
    })
    expect(verified.holder).toMatch(/^urn:ietf:params:oauth:jwk-thumbprint:sha-256:[\w-]{43}$/)
  })
})

describe('verifyPresentation refuses hostile SD-JWTs', () => {
  const cases: [
    string,
    (s: Awaited<ReturnType<typeof setting>>) => Promise<string>,
    string,
    { nonce?: string; audience?: string; now?: number }?,
  ][] = [
    [
      'an altered disclosure (same salt and name, another value)',
      async ({ present, bind }) => {
        const { token } = await present(['given_name'])
        const decoded = decodeSdJwt(token)
        const [given] = decoded.disclosures
        const altered = encode([given?.salt ?? '', 'given_name', 'Eve'])
        return bind(decoded.sdJwt.replace(given?.encoded ?? '', altered))
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'an extra disclosure whose digest is not in the token',
      async ({ present, bind }) =>
        bind(`${decodeSdJwt((await present(['given_name'])).token).sdJwt}${disclosure('role', 'admin')}~`),
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'the same disclosure twice',
      async ({ present, bind }) => {
        const { sdJwt, disclosures } = decodeSdJwt((await present(['given_name'])).token)
        return bind(`${sdJwt}${disclosures[0]?.encoded}~`)
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'a digest repeated in the signed payload',
      async ({ forge, bind }) => {
        const given = disclosure('given_name', 'Mari')
        return bind(
          await forge(
            (payload) => {
              payload._sd = [hashDigest(given), hashDigest(given)]
            },
            [given],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'no key binding',
      async ({ present }) => decodeSdJwt((await present(['given_name'])).token).sdJwt,
      'ERR_KEY_BINDING_MISSING',
    ],
    [
      'a key binding replayed onto other disclosures',
      async ({ present }) => {
        const first = decodeSdJwt((await present(['given_name'])).token)
        const second = decodeSdJwt((await present(['birthdate'])).token)
        return `${second.sdJwt}${(await present(['given_name'])).token.slice(first.sdJwt.length)}`
      },
      'ERR_KEY_BINDING_INVALID',
    ],
    [
      'a presentation replayed to another verifier',
      async ({ present }) => (await present(['given_name'])).token,
      'ERR_AUDIENCE_MISMATCH',
      { audience: 'https://other.example' },
    ],
    [
      'a presentation replayed with an old nonce',
      async ({ present }) => (await present(['given_name'])).token,
      'ERR_NONCE_MISMATCH',
      { nonce: 'n-fresh-one-0000' },
    ],
    [
      'a presentation ten minutes old',
      async ({ present }) => (await present(['given_name'])).token,
      'ERR_PRESENTATION_STALE',
      { now: NOW + 10 * 60_000 },
    ],
    [
      'a key binding signed by another key of the same algorithm',
      async ({ present, bind, keyStore }) => {
        const { createDidKey } = await import('@civitas/did/key')
        const thief = await createDidKey({ keyStore, alg: 'ES256' })
        return bind(decodeSdJwt((await present(['given_name'])).token).sdJwt, {}, thief)
      },
      'ERR_KEY_BINDING_INVALID',
    ],
    [
      'a key binding signed with an algorithm the holder key does not use',
      async ({ present, bind, city }) =>
        bind(decodeSdJwt((await present(['given_name'])).token).sdJwt, {}, city),
      'ERR_ALGORITHM_MISMATCH',
    ],
    [
      'a wrong sd_hash',
      async ({ present, bind }) =>
        bind(decodeSdJwt((await present(['given_name'])).token).sdJwt, { sd_hash: hashDigest('other') }),
      'ERR_KEY_BINDING_INVALID',
    ],
    [
      'a key binding typed JWT',
      async ({ present, citizen }) => {
        const { sdJwt } = decodeSdJwt((await present([])).token)
        const kb = await signJws({
          header: { typ: 'JWT' },
          payload: { iat, aud: AUDIENCE, nonce: NONCE, sd_hash: hashDigest(sdJwt) },
          signer: citizen.signer,
        })
        return sdJwt + kb
      },
      'ERR_KEY_BINDING_INVALID',
    ],
    [
      'a key binding with alg none',
      async ({ present }) => {
        const { sdJwt } = decodeSdJwt((await present([])).token)
        return `${sdJwt}${encode({ alg: 'none', typ: 'kb+jwt' })}.${encode({ iat, aud: AUDIENCE, nonce: NONCE, sd_hash: hashDigest(sdJwt) })}.`
      },
      'ERR_ALGORITHM_UNSUPPORTED',
    ],
    [
      '_sd_alg sha-512',
      async ({ forge, bind }) =>
        bind(
          await forge((payload) => {
            payload._sd_alg = 'sha-512'
          }, []),
        ),
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'a disclosure that overwrites iss',
      async ({ forge, bind }) => {
        const iss = disclosure('iss', 'did:key:z6MkEvil')
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(iss))
            },
            [iss],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'a disclosure that overwrites cnf',
      async ({ forge, bind }) => {
        const cnf = disclosure('cnf', { jwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } })
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(cnf))
            },
            [cnf],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'a disclosed status (never selectively disclosable)',
      async ({ forge, bind }) => {
        const status = disclosure('status', { status_list: { idx: 0, uri: 'https://x.example' } })
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(status))
            },
            [status],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      '__proto__ as a disclosed claim name',
      async ({ forge, bind }) => {
        const proto = disclosure('__proto__', { admin: true })
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(proto))
            },
            [proto],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      '__proto__ as a member name inside a disclosed value',
      async ({ forge, bind }) => {
        const proto = encodeBase64url(
          encodeUtf8('["c2FsdHNhbHRzYWx0c2FsdA","extra",{"__proto__":{"admin":true}}]'),
        )
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(proto))
            },
            [proto],
          ),
        )
      },
      'ERR_JSON_FORBIDDEN_KEY',
    ],
    [
      'a disclosure named _sd',
      async ({ forge, bind }) => {
        const sd = disclosure('_sd', ['x'])
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(sd))
            },
            [sd],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'an array-element disclosure referenced from _sd',
      async ({ forge, bind }) => {
        const element = disclosure('loose')
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(element))
            },
            [element],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'a disclosure of four elements',
      async ({ forge, bind }) => {
        const four = disclosure('a', 'b', 'c')
        return bind(
          await forge(
            (payload) => {
              ;(payload._sd as string[]).push(hashDigest(four))
            },
            [four],
          ),
        )
      },
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'an empty disclosure (~~)',
      async ({ present, bind }) => bind(`${decodeSdJwt((await present([])).token).sdJwt}~`),
      'ERR_DISCLOSURE_INVALID',
    ],
    [
      'an issuer JWT with alg none',
      async ({ present, bind }) => {
        const { sdJwt } = decodeSdJwt((await present([])).token)
        const [, payload] = sdJwt.split('.')
        return bind(`${encode({ alg: 'none', typ: 'dc+sd-jwt' })}.${payload}.~`)
      },
      'ERR_ALGORITHM_UNSUPPORTED',
    ],
    [
      'the legacy typ vc+sd-jwt without the legacy option',
      async ({ forge, bind }) => bind(await forge(() => {}, [], { typ: 'vc+sd-jwt' })),
      'ERR_TOKEN_TYPE_INVALID',
    ],
    [
      'an issuer signature over other claims',
      async ({ present, bind, forge }) => {
        const { sdJwt } = decodeSdJwt((await present([])).token)
        const other = (
          await forge((payload) => {
            payload.vct = 'urn:other'
          }, [])
        ).split('~')[0] as string
        const [header, , signature] = sdJwt.slice(0, -1).split('.')
        return bind(`${header}.${other.split('.')[1]}.${signature}~`)
      },
      'ERR_SIGNATURE_INVALID',
    ],
    [
      'a truncated token',
      async ({ present }) => (await present(['given_name'])).token.slice(0, 40),
      'ERR_JWS_MALFORMED',
    ],
  ]
  for (const [name, make, code, expectations] of cases) {
    it(`error: ${name} is ${code}`, async () => {
      const state = await setting()
      expect(await codeOf(state.verify(await make(state), expectations))).toBe(code)
    })
  }

  it('error: a token over the size cap is ERR_INPUT_TOO_LARGE', async () => {
    const { verify } = await setting()
    expect(await codeOf(verify(`${'a'.repeat(2_000_000)}~`))).toBe('ERR_INPUT_TOO_LARGE')
  })

  it('error: an SD-JWT with key binding given to verifyCredential is ERR_TOKEN_TYPE_INVALID', async () => {
    const { present, resolver } = await setting()
    const { token } = await present(['given_name'])
    expect(await codeOf(verifyCredential(token, { resolver, clock }))).toBe('ERR_TOKEN_TYPE_INVALID')
  })

  it('error: an expired SD-JWT VC is ERR_CREDENTIAL_EXPIRED', async () => {
    const { present, verify } = await setting()
    const { token } = await present([])
    expect(await codeOf(verify(token, { now: NOW + 2 * YEAR }))).toBe('ERR_CREDENTIAL_EXPIRED')
  })

  it('behavior: the legacy typ vc+sd-jwt passes only with legacySdJwtTyp', async () => {
    const { forge, resolver } = await setting()
    const legacy = await forge(() => {}, [], { typ: 'vc+sd-jwt' })
    expect(await codeOf(verifyCredential(legacy, { resolver, clock }))).toBe('ERR_TOKEN_TYPE_INVALID')
    await expect(verifyCredential(legacy, { resolver, clock, legacySdJwtTyp: true })).resolves.toMatchObject({
      format: 'dc+sd-jwt',
    })
  })
})

describe('issueCredential and createPresentation refuse bad SD-JWT input', () => {
  const issue = async (changes: Record<string, unknown>) => {
    const { city, citizen } = await setting()
    return issueCredential({
      issuer: city,
      format: 'dc+sd-jwt',
      credential: { vct: 'urn:x', sub: citizen.did, name: 'Mari' },
      clock,
      ...changes,
    } as never)
  }
  const cases: [string, Record<string, unknown>, string][] = [
    ['iss made disclosable', { disclosable: ['iss'] }, 'ERR_INVALID_ARGUMENT'],
    ['cnf made disclosable', { disclosable: ['cnf'] }, 'ERR_INVALID_ARGUMENT'],
    ['vct made disclosable', { disclosable: ['vct'] }, 'ERR_INVALID_ARGUMENT'],
    ['a path that names no claim', { disclosable: ['nickname'] }, 'ERR_INVALID_ARGUMENT'],
    ['a malformed path', { disclosable: [''] }, 'ERR_INVALID_ARGUMENT'],
    ['no vct', { credential: { name: 'Mari', sub: 'did:key:z6Mk' } }, 'ERR_CREDENTIAL_INVALID'],
    ['a claim named _sd', { credential: { vct: 'urn:x', _sd: [] } }, 'ERR_CREDENTIAL_INVALID'],
    ['a cnf claim', { credential: { vct: 'urn:x', cnf: {} } }, 'ERR_CREDENTIAL_INVALID'],
    ['no holder and no sub', { credential: { vct: 'urn:x' } }, 'ERR_INVALID_ARGUMENT'],
    [
      'a private JWK as holder',
      { holder: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA', d: 'AAAA' } },
      'ERR_JWK_PRIVATE_MATERIAL',
    ],
    ['too many decoys', { decoys: 1000 }, 'ERR_INVALID_ARGUMENT'],
    ['disclosable with vc+jwt', { format: 'vc+jwt', disclosable: ['name'] }, 'ERR_INVALID_ARGUMENT'],
  ]
  for (const [name, changes, code] of cases) {
    it(`error: ${name} is ${code}`, async () => {
      expect(await codeOf(issue(changes))).toBe(code)
    })
  }

  it('error: presenting two SD-JWTs at once, or without a nonce, or an unknown claim, is ERR_INVALID_ARGUMENT', async () => {
    const { token, citizen } = await setting()
    const base = { holder: citizen, audience: AUDIENCE, clock }
    expect(await codeOf(createPresentation({ ...base, nonce: NONCE, credentials: [token, token] }))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
    expect(await codeOf(createPresentation({ ...base, credentials: [token] }))).toBe('ERR_INVALID_ARGUMENT')
    expect(
      await codeOf(
        createPresentation({ ...base, nonce: NONCE, credentials: [token], disclose: ['nickname'] }),
      ),
    ).toBe('ERR_INVALID_ARGUMENT')
  })
})
