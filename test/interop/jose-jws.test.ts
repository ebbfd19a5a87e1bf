import { createMemoryKeyStore, createSigner, type KeyStore, signJws, verifyJws } from '@civitas/crypto'
import { createJWS, ES256KSigner, verifyJWS } from 'did-jwt'
import { CompactSign, compactVerify, importJWK } from 'jose'
import { describe, expect, it } from 'vitest'

// Peers: jose (EdDSA, ES256) and did-jwt (ES256K) sign what Civitas verifies and verify what
// Civitas signs; a tampered token fails on both sides.

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'mayor' }),
  )
  return `${header}.${forged.toString('base64url')}.${signature}`
}

async function civitasKey(keyStore: KeyStore, alg: 'EdDSA' | 'ES256' | 'ES256K') {
  const info = await keyStore.createKey({ alg })
  const privateJwk = await keyStore.exportPrivateKey(info.id)
  return { info, privateJwk, signer: await createSigner({ keyStore, keyId: info.id }) }
}

describe('interop with jose', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`behavior: ${alg} signed by jose verifies in Civitas; tampered is rejected by both`, async () => {
      const { info, privateJwk } = await civitasKey(createMemoryKeyStore(), alg)
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify({ sub: 'resident' })))
        .setProtectedHeader({ alg })
        .sign(await importJWK(privateJwk, alg))
      await expect(verifyJws(token, { publicJwk: info.publicJwk })).resolves.toMatchObject({
        payload: { sub: 'resident' },
      })
      await expect(verifyJws(tamper(token), { publicJwk: info.publicJwk })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
      await expect(compactVerify(tamper(token), await importJWK(info.publicJwk, alg))).rejects.toThrow()
    })

    it(`behavior: ${alg} signed by Civitas verifies in jose; tampered is rejected by both`, async () => {
      const { info, signer } = await civitasKey(createMemoryKeyStore(), alg)
      const token = await signJws({ payload: { sub: 'resident' }, signer })
      const { payload } = await compactVerify(token, await importJWK(info.publicJwk, alg))
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: 'resident' })
      await expect(compactVerify(tamper(token), await importJWK(info.publicJwk, alg))).rejects.toThrow()
      await expect(verifyJws(tamper(token), { publicJwk: info.publicJwk })).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
    })
  }
})

describe('interop with did-jwt (ES256K)', () => {
  it('behavior: ES256K signed by did-jwt verifies in Civitas, and Civitas ES256K verifies in did-jwt', async () => {
    const { info, privateJwk, signer } = await civitasKey(createMemoryKeyStore(), 'ES256K')
    const publicKeyHex = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(info.publicJwk.x, 'base64url'),
      Buffer.from((info.publicJwk as { y: string }).y, 'base64url'),
    ]).toString('hex')
    const authenticator = {
      id: 'did:example:a#k',
      type: 'EcdsaSecp256k1VerificationKey2019',
      controller: 'did:example:a',
      publicKeyHex,
    }

    const theirs = await createJWS(
      { sub: 'resident' },
      ES256KSigner(Buffer.from(privateJwk.d, 'base64url')),
      { alg: 'ES256K' },
    )
    await expect(verifyJws(theirs, { publicJwk: info.publicJwk })).resolves.toMatchObject({
      payload: { sub: 'resident' },
    })
    await expect(verifyJws(tamper(theirs), { publicJwk: info.publicJwk })).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    })

    const ours = await signJws({ payload: { sub: 'resident' }, signer })
    expect(verifyJWS(ours, authenticator)).toEqual(authenticator)
    expect(() => verifyJWS(tamper(ours), authenticator)).toThrow()
  })
})
