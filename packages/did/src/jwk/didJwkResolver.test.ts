import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { readVector } from '../../../../test/support/vectors.js'
import { createResolver } from '../createResolver.js'
import { didJwkFromPublicJwk } from './didJwkFromPublicJwk.js'

const resolver = createResolver({ cache: false })
const didJwk = (jwk: unknown) => `did:jwk:${encodeBase64url(encodeUtf8(JSON.stringify(jwk)))}`

interface JwkCase {
  name: string
  did: string
  decodedJwkString: string
  expectedDidDocument: Record<string, unknown>
}

describe('did:jwk', () => {
  // ../shared/vectors/did-jwk/spec-examples.json (quartzjer/did-jwk spec examples)
  const { cases } = readVector<{ cases: JwkCase[] }>('did-jwk/spec-examples.json')
  for (const vector of cases) {
    it(`behavior: spec example ${vector.name} resolves to the expected document`, async () => {
      const { didDocument, didResolutionMetadata } = await resolver.resolve(vector.did)
      expect(didResolutionMetadata.error).toBeUndefined()
      expect(didDocument).toEqual(vector.expectedDidDocument)
    })
  }

  it('behavior: didJwkFromPublicJwk reproduces the spec P-256 DID', () => {
    const p256 = cases.find((vector) => vector.name === 'P-256')
    expect(p256).toBeDefined()
    expect(didJwkFromPublicJwk(JSON.parse(p256?.decodedJwkString ?? '{}'))).toBe(p256?.did)
  })

  // The P-256 private key of ../shared/vectors/did-key/nist-curves.json, put into a did:jwk.
  const nist =
    readVector<Record<string, { verificationMethod?: { privateKeyJwk?: object } }>>(
      'did-key/nist-curves.json',
    )
  const privateJwk = Object.values(nist).find((vector) => vector.verificationMethod?.privateKeyJwk)
    ?.verificationMethod?.privateKeyJwk

  const hostile: [string, string, string][] = [
    ['a JWK with private key material', didJwk(privateJwk), 'invalidPublicKey'],
    [
      'non-canonical base64url',
      `${didJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })}=`,
      'invalidDid',
    ],
    ['JSON that is not an object', didJwk([1, 2]), 'invalidDid'],
    ['duplicate members', `did:jwk:${encodeBase64url(encodeUtf8('{"kty":"OKP","kty":"EC"}'))}`, 'invalidDid'],
    [
      'a __proto__ member',
      `did:jwk:${encodeBase64url(encodeUtf8('{"__proto__":{},"kty":"OKP"}'))}`,
      'invalidDid',
    ],
    ['an RSA key', didJwk({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }), 'invalidPublicKey'],
    [
      'an off-curve P-256 point',
      didJwk({
        kty: 'EC',
        crv: 'P-256',
        x: encodeBase64url(new Uint8Array(32).fill(1)),
        y: encodeBase64url(new Uint8Array(32).fill(2)),
      }),
      'invalidPublicKey',
    ],
    ['an oversized identifier', didJwk({ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(4000) }), 'invalidDid'],
    [
      'an unknown use',
      didJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', use: 'both' }),
      'invalidPublicKey',
    ],
  ]
  for (const [name, did, error] of hostile) {
    it(`error: ${name} resolves to ${error}`, async () => {
      const { didDocument, didResolutionMetadata } = await resolver.resolve(did)
      expect(didResolutionMetadata.error).toBe(error)
      expect(didDocument).toBeNull()
    })
  }

  it('behavior: use "sig" gives every relationship but keyAgreement', async () => {
    const did = didJwk({
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      use: 'sig',
    })
    const { didDocument } = await resolver.resolve(did)
    expect(didDocument?.keyAgreement).toBeUndefined()
    expect(didDocument?.assertionMethod).toEqual([`${did}#0`])
  })
})
