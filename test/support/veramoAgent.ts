import type { Resolvable } from '@civitas/did'
import {
  createAgent,
  type ICredentialPlugin,
  type IDIDManager,
  type IKeyManager,
  type IResolver,
  type TAgent,
} from '@veramo/core'
import { CredentialProviderJWT } from '@veramo/credential-jwt'
import { CredentialPlugin } from '@veramo/credential-w3c'
import { DIDManager, MemoryDIDStore } from '@veramo/did-manager'
import { KeyDIDProvider } from '@veramo/did-provider-key'
import { DIDResolverPlugin } from '@veramo/did-resolver'
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
import { KeyManagementSystem } from '@veramo/kms-local'

/** The Veramo agent of the interop tests: everything in memory, did:key identifiers, JWT credentials. */
export type VeramoTestAgent = TAgent<IKeyManager & IDIDManager & IResolver & ICredentialPlugin>

/**
 * An in-memory Veramo agent (local KMS, did:key provider, JWT credentials) whose DID resolver is the
 * given did-resolver `Resolvable`: Civitas's own resolver plugs straight into Veramo's resolver plugin.
 */
export function createVeramoTestAgent(resolver: Resolvable, plugins: object[] = []) {
  const store = new MemoryKeyStore()
  const privateKeyStore = new MemoryPrivateKeyStore()
  const agent = createAgent<IKeyManager & IDIDManager & IResolver & ICredentialPlugin>({
    plugins: [
      new KeyManager({ store, kms: { local: new KeyManagementSystem(privateKeyStore) } }),
      new DIDManager({
        store: new MemoryDIDStore(),
        defaultProvider: 'did:key',
        providers: { 'did:key': new KeyDIDProvider({ defaultKms: 'local' }) },
      }),
      new DIDResolverPlugin({ resolver: resolver as never }),
      new CredentialPlugin([new CredentialProviderJWT()]),
      ...plugins,
    ],
  })
  return { agent, store, privateKeyStore }
}
