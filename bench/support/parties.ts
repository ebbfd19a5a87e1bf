import type { PrivateJwk, SignatureAlgorithm } from '@civitas/core'
import { createMemoryKeyStore, type KeyStore } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import {
  createAgent,
  type ICredentialPlugin,
  type IDIDManager,
  type IIdentifier,
  type IKeyManager,
  type IResolver,
} from '@veramo/core'
import { CredentialProviderJWT } from '@veramo/credential-jwt'
import { CredentialPlugin } from '@veramo/credential-w3c'
import { DIDManager, MemoryDIDStore } from '@veramo/did-manager'
import { getDidKeyResolver, KeyDIDProvider } from '@veramo/did-provider-key'
import { DIDResolverPlugin } from '@veramo/did-resolver'
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
import { KeyManagementSystem } from '@veramo/kms-local'
import { EdDSASigner, ES256KSigner, ES256Signer, type Signer } from 'did-jwt'
import { Resolver } from 'did-resolver'
import { getResolver as keyDidResolver } from 'key-did-resolver'

/** A did:key identity in Civitas and the same key as a did-jwt issuer. */
export interface BenchParty {
  identity: Identity
  /** The same DID and key for did-jwt / did-jwt-vc. */
  peer: { did: string; alg: string; signer: Signer }
  privateJwk: PrivateJwk
}

/** Creates a did:key identity for `alg` whose key both Civitas and did-jwt-vc can sign with. */
export async function createParty(alg: SignatureAlgorithm, keyStore: KeyStore = createMemoryKeyStore()) {
  const before = new Set((await keyStore.listKeys()).map((key) => key.id))
  const identity = await createDidKey({ keyStore, alg })
  const key = (await keyStore.listKeys()).find((candidate) => !before.has(candidate.id))
  const privateJwk = (await keyStore.exportPrivateKey(key?.id ?? '')) as PrivateJwk
  const d = Buffer.from(privateJwk.d, 'base64url')
  const signer =
    alg === 'EdDSA'
      ? EdDSASigner(Buffer.concat([d, Buffer.from(privateJwk.x, 'base64url')]))
      : alg === 'ES256'
        ? ES256Signer(d)
        : ES256KSigner(d)
  return { identity, peer: { did: identity.did, alg, signer }, privateJwk } satisfies BenchParty
}

/** did-jwt-vc's usual resolver stack: did-resolver with key-did-resolver, cached or not. */
export function createPeerResolver(cache: boolean): Resolver {
  return new Resolver(keyDidResolver(), { cache })
}

/** Veramo's key types for the algorithms its did:key provider supports (no P-256). */
export const VERAMO_KEY_TYPES: Partial<Record<SignatureAlgorithm, 'Ed25519' | 'Secp256k1'>> = {
  EdDSA: 'Ed25519',
  ES256K: 'Secp256k1',
}

/**
 * A Veramo agent as its documentation sets one up for JWT credentials: key manager with the
 * local KMS and in-memory stores, DID manager with did:key, the DID resolver plugin and the W3C
 * credential plugin with the JWT provider.
 */
export function createVeramoAgent() {
  return createAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>({
    plugins: [
      new KeyManager({
        store: new MemoryKeyStore(),
        kms: { local: new KeyManagementSystem(new MemoryPrivateKeyStore()) },
      }),
      new DIDManager({
        store: new MemoryDIDStore(),
        defaultProvider: 'did:key',
        providers: { 'did:key': new KeyDIDProvider({ defaultKms: 'local' }) },
      }),
      new DIDResolverPlugin({ ...getDidKeyResolver() }),
      new CredentialPlugin([new CredentialProviderJWT()]),
    ],
  })
}

/** A Veramo did:key identifier for `alg`. */
export async function createVeramoIdentifier(
  agent: ReturnType<typeof createVeramoAgent>,
  alg: SignatureAlgorithm,
): Promise<IIdentifier> {
  return agent.didManagerCreate({ provider: 'did:key', options: { keyType: VERAMO_KEY_TYPES[alg] } })
}

/** Throws unless a peer's verification result says verified (peers return, Civitas throws). */
export function assertVerified(result: { verified?: boolean; error?: unknown }, who: string): void {
  if (result.verified !== true) throw new Error(`${who} did not verify: ${String(result.error)}`)
}
