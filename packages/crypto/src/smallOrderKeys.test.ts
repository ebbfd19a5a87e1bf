import { encodeUtf8 } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import {
  forgeSmallOrderJws,
  forgeSmallOrderSignature,
  SMALL_ORDER_KEYS,
} from '../../../test/support/smallOrderEd25519.js'
import { decodeMultikey } from './decodeMultikey.js'
import { ed25519ToX25519PublicJwk } from './ed25519ToX25519PublicJwk.js'
import { importPublicJwk } from './importPublicJwk.js'
import { publicJwkFromBytes } from './publicJwkFromBytes.js'
import { verifyJws } from './verifyJws.js'
import { verifySignature } from './verifySignature.js'
import { verifySignatureNative } from './verifySignatureNative.js'
import { verifySignaturePortable } from './verifySignaturePortable.js'

const PATHS = { verifySignature, verifySignatureNative, verifySignaturePortable }

// Under each of these keys OpenSSL accepts a signature with S = 0 for most messages; every way a
// key enters refuses them (the table and its source: test/support/smallOrderEd25519.ts).
describe.each(SMALL_ORDER_KEYS)('Ed25519 key of small order: $name', ({ bytes, jwk, multikey }) => {
  it('error: importPublicJwk is ERR_JWK_INVALID', () => {
    expect(() => importPublicJwk(jwk)).toThrow(expect.objectContaining({ code: 'ERR_JWK_INVALID' }))
  })

  it('error: publicJwkFromBytes is ERR_KEY_INVALID, and so is the X25519 mapping of the JWK', () => {
    expect(() => publicJwkFromBytes({ crv: 'Ed25519', bytes })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
    expect(() => ed25519ToX25519PublicJwk(jwk as never)).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
  })

  it('error: decodeMultikey is ERR_MULTIKEY_INVALID with reason point', () => {
    expect(() => decodeMultikey(multikey)).toThrow(
      expect.objectContaining({ code: 'ERR_MULTIKEY_INVALID', details: { reason: 'point' } }),
    )
  })

  it('error: a forged S = 0 signature that OpenSSL accepts is ERR_JWK_INVALID on every verification path', async () => {
    let data = encodeUtf8('any message')
    let signature = forgeSmallOrderSignature(bytes, data)
    for (let attempt = 0; signature === undefined; attempt++) {
      data = encodeUtf8(`any message ${attempt}`)
      signature = forgeSmallOrderSignature(bytes, data)
    }
    for (const verify of Object.values(PATHS)) {
      await expect(verify({ publicJwk: jwk as never, alg: 'EdDSA', data, signature })).rejects.toMatchObject({
        code: 'ERR_JWK_INVALID',
      })
    }
    const token = forgeSmallOrderJws(bytes, {}, (attempt) => ({ sub: 'did:example:anyone', attempt }))
    await expect(verifyJws(token, { publicJwk: jwk as never })).rejects.toMatchObject({
      code: 'ERR_JWK_INVALID',
    })
  })
})
