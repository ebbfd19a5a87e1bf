import type { VerificationMethod } from '@civitas/core'
import { createMemoryKeyStore, createSigner, publicKeyToBytes, verifySignature } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { ethereumAddressOf } from './internal/accountKey.js'
import { publicJwkFromVerificationMethod } from './publicJwkFromVerificationMethod.js'

const data = new TextEncoder().encode('eyJhbGciOiJFUzI1NksifQ.eyJoZWxsbyI6ImNpdHkifQ')

async function account(alg: 'ES256K' | 'EdDSA' = 'ES256K') {
  const keyStore = createMemoryKeyStore()
  const key = await keyStore.createKey({ alg })
  const signer = await createSigner({ keyStore, keyId: key.id })
  return { key, signature: await signer.sign(data) }
}

function recoveryMethod(address: string): VerificationMethod {
  return {
    id: 'did:ethr:0x539:0x0000000000000000000000000000000000000000#controller',
    type: 'EcdsaSecp256k1RecoveryMethod2020',
    controller: 'did:ethr:0x539:0x0000000000000000000000000000000000000000',
    blockchainAccountId: `eip155:1337:${address}`,
  } as VerificationMethod
}

describe('publicJwkFromVerificationMethod for blockchain accounts', () => {
  it('behavior: the key recovered from an ES256K signature is the account`s key', async () => {
    const { key, signature } = await account()
    const address = ethereumAddressOf(publicKeyToBytes(key.publicJwk))
    for (const method of [
      recoveryMethod(address.toUpperCase().replace('0X', '0x')),
      { ...recoveryMethod(address), blockchainAccountId: undefined, ethereumAddress: address },
    ]) {
      expect(
        await publicJwkFromVerificationMethod(method as VerificationMethod, {
          alg: 'ES256K',
          data,
          signature,
        }),
      ).toEqual(key.publicJwk)
    }
  })

  it('error: a signature by another key is ERR_SIGNATURE_INVALID', async () => {
    const { key } = await account()
    const other = await account()
    const method = recoveryMethod(ethereumAddressOf(publicKeyToBytes(key.publicJwk)))
    await expect(
      publicJwkFromVerificationMethod(method, { alg: 'ES256K', data, signature: other.signature }),
    ).rejects.toThrow(expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }))
  })

  it('error: a tampered signature or message is ERR_SIGNATURE_INVALID', async () => {
    const { key, signature } = await account()
    const method = recoveryMethod(ethereumAddressOf(publicKeyToBytes(key.publicJwk)))
    for (let index = 0; index < 64; index += 9) {
      const tampered = signature.slice()
      tampered[index] = (tampered[index] ?? 0) ^ 1
      await expect(
        publicJwkFromVerificationMethod(method, { alg: 'ES256K', data, signature: tampered }),
      ).rejects.toThrow(expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }))
    }
    const changed = data.slice()
    changed[0] = 0x41
    await expect(
      publicJwkFromVerificationMethod(method, { alg: 'ES256K', data: changed, signature }),
    ).rejects.toThrow(expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }))
    for (const short of [signature.subarray(0, 63), new Uint8Array(0), new Uint8Array(65)]) {
      await expect(
        publicJwkFromVerificationMethod(method, { alg: 'ES256K', data, signature: short }),
      ).rejects.toThrow(expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }))
    }
  })

  it('error: another algorithm is ERR_ALGORITHM_MISMATCH; no signature is ERR_KEY_INVALID', async () => {
    const { key, signature } = await account()
    const method = recoveryMethod(ethereumAddressOf(publicKeyToBytes(key.publicJwk)))
    await expect(publicJwkFromVerificationMethod(method, { alg: 'ES256', data, signature })).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_ALGORITHM_MISMATCH' }),
    )
    await expect(publicJwkFromVerificationMethod(method)).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    )
    const malformed = { ...method, blockchainAccountId: 'eip155:1337:0x12' } as VerificationMethod
    await expect(
      publicJwkFromVerificationMethod(malformed, { alg: 'ES256K', data, signature }),
    ).rejects.toThrow(expect.objectContaining({ code: 'ERR_KEY_INVALID' }))
  })

  it('behavior: once an account`s key is known, another key`s signature gets that key and fails to verify', async () => {
    const { key, signature } = await account()
    const method = recoveryMethod(ethereumAddressOf(publicKeyToBytes(key.publicJwk)))
    expect(await publicJwkFromVerificationMethod(method, { alg: 'ES256K', data, signature })).toEqual(
      key.publicJwk,
    )
    const other = await account()
    const publicJwk = await publicJwkFromVerificationMethod(method, {
      alg: 'ES256K',
      data,
      signature: other.signature,
    })
    expect(publicJwk).toEqual(key.publicJwk)
    expect(await verifySignature({ publicJwk, alg: 'ES256K', data, signature: other.signature })).toBe(false)
    await expect(publicJwkFromVerificationMethod(method, { alg: 'EdDSA', data, signature })).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_ALGORITHM_MISMATCH' }),
    )
  })
})
