import type { Clock } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createMemoryCredentialStore, createWallet, type Wallet } from '@civitas/wallet'

/** Options for {@link createTouristWallet}. */
export interface CreateTouristWalletOptions {
  /** Where the tourist's new key is made. */
  keyStore: KeyStore
  clock: Clock
}

/** What {@link createTouristWallet} returns. */
export interface CreateTouristWalletResult {
  identity: Identity
  wallet: Wallet
}

/** A tourist's new ES256 did:key and an empty wallet for it, resolving did:key and did:jwk. */
export async function createTouristWallet(
  options: CreateTouristWalletOptions,
): Promise<CreateTouristWalletResult> {
  const { keyStore, clock } = options
  const identity = await createDidKey({ keyStore, alg: 'ES256' })
  const wallet = createWallet({
    identity,
    credentialStore: createMemoryCredentialStore(),
    resolver: createResolver(),
    clock,
  })
  return { identity, wallet }
}
