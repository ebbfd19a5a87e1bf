import { isCivitasError } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { describe, expect, it } from 'vitest'
import { createDidEthr } from './createDidEthr.js'
import { didEthrFromPublicJwk } from './didEthrFromPublicJwk.js'

// The secp256k1 generator G, the public key of private key 1, whose Ethereum address is the
// well-known 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf.
const G = {
  kty: 'EC',
  crv: 'secp256k1',
  x: Buffer.from('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798', 'hex').toString(
    'base64url',
  ),
  y: Buffer.from('483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8', 'hex').toString(
    'base64url',
  ),
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return isCivitasError(error) ? error.code : 'not a CivitasError'
  }
  return undefined
}

describe('didEthrFromPublicJwk', () => {
  it('vectors: the key of private key 1 names its well-known address', () => {
    expect(didEthrFromPublicJwk({ publicJwk: G, network: { name: 'mainnet', chainId: 1 } })).toBe(
      'did:ethr:0x7e5f4552091a69125d5dfcb7b8c2659029395bdf',
    )
    expect(didEthrFromPublicJwk({ publicJwk: G, network: { chainId: 1337 } })).toBe(
      'did:ethr:0x539:0x7e5f4552091a69125d5dfcb7b8c2659029395bdf',
    )
  })

  it('behavior: offline, it names the DID createDidEthr makes for the same key', async () => {
    const keyStore = createMemoryKeyStore()
    const key = await keyStore.createKey({ alg: 'ES256K' })
    const network = {
      name: 'sepolia',
      chainId: 11155111,
      rpcUrl: 'https://rpc.sepolia.example',
      registry: '0x03d5003bf0e79c5f5223588f347eba39afbc3818',
    }
    const identity = await createDidEthr({ keyStore, network, keyId: key.id })
    expect(
      didEthrFromPublicJwk({ publicJwk: key.publicJwk, network: { name: 'sepolia', chainId: 11155111 } }),
    ).toBe(identity.did)
  })

  it('error: a key of another curve is ERR_ALGORITHM_UNSUPPORTED', async () => {
    const key = await createMemoryKeyStore().createKey({ alg: 'ES256' })
    expect(codeOf(() => didEthrFromPublicJwk({ publicJwk: key.publicJwk, network: { chainId: 1 } }))).toBe(
      'ERR_ALGORITHM_UNSUPPORTED',
    )
  })

  it('error: a malformed network name or chain id is ERR_INVALID_ARGUMENT', () => {
    for (const network of [
      { name: 'Main Net', chainId: 1 },
      { chainId: 0 },
      { chainId: 'x' as unknown as number },
    ]) {
      expect(codeOf(() => didEthrFromPublicJwk({ publicJwk: G, network }))).toBe('ERR_INVALID_ARGUMENT')
    }
  })

  it('error: a private JWK or a malformed key is refused with its JWK code', () => {
    expect(
      codeOf(() => didEthrFromPublicJwk({ publicJwk: { ...G, d: G.x }, network: { chainId: 1 } })),
    ).toMatch(/^ERR_JWK_/)
    expect(
      codeOf(() => didEthrFromPublicJwk({ publicJwk: { ...G, y: G.x }, network: { chainId: 1 } })),
    ).toMatch(/^ERR_JWK_/)
  })
})
