import type { Resolvable } from '@civitas/did'
import {
  type CivitasPluginMethods,
  type CreateCivitasPluginOptions,
  createCivitasPlugin,
} from '@civitas/veramo'
import {
  createAgent,
  type ICredentialPlugin,
  type IDIDManager,
  type IKeyManager,
  type IResolver,
} from '@veramo/core'
import { CredentialProviderJWT } from '@veramo/credential-jwt'
import { CredentialPlugin } from '@veramo/credential-w3c'
import { DIDManager, MemoryDIDStore } from '@veramo/did-manager'
import { JwkDIDProvider } from '@veramo/did-provider-jwk'
import { KeyDIDProvider } from '@veramo/did-provider-key'
import { DIDResolverPlugin } from '@veramo/did-resolver'
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
import { KeyManagementSystem } from '@veramo/kms-local'

/** The methods of the test agent: Veramo's key, DID, resolver and credential plugins, and Civitas's. */
export type VeramoTestAgentMethods = IKeyManager &
  IDIDManager &
  IResolver &
  ICredentialPlugin &
  CivitasPluginMethods

/** Options for {@link createVeramoTestAgent}. */
export interface VeramoTestAgentOptions {
  /** The resolver Veramo's DIDResolverPlugin uses, and the Civitas plugin's unless `civitas.resolver` is given. */
  resolver: Resolvable
  /** Options for the Civitas plugin. */
  civitas?: CreateCivitasPluginOptions
  /** Check every method's arguments and results against the plugins' schemas. */
  schemaValidation?: boolean
}

/**
 * An in-memory Veramo 7 agent (local KMS, did:key and did:jwk providers, JWT credentials through
 * `@veramo/credential-jwt`) with the Civitas plugin. Veramo's resolver plugin takes a did-resolver
 * `Resolvable`, so Civitas's resolver plugs straight in.
 */
export function createVeramoTestAgent(options: VeramoTestAgentOptions) {
  const store = new MemoryKeyStore()
  const privateKeyStore = new MemoryPrivateKeyStore()
  const agent = createAgent<VeramoTestAgentMethods>({
    schemaValidation: options.schemaValidation ?? false,
    plugins: [
      new KeyManager({ store, kms: { local: new KeyManagementSystem(privateKeyStore) } }),
      new DIDManager({
        store: new MemoryDIDStore(),
        defaultProvider: 'did:key',
        providers: {
          'did:key': new KeyDIDProvider({ defaultKms: 'local' }),
          'did:jwk': new JwkDIDProvider({ defaultKms: 'local' }),
        },
      }),
      // Veramo types its Resolvable with did-resolver 4 and Civitas with 6 (the @context typings differ).
      new DIDResolverPlugin({ resolver: options.resolver as never }),
      new CredentialPlugin([new CredentialProviderJWT()]),
      createCivitasPlugin({ resolver: options.resolver, trust: 'any', ...options.civitas }),
    ],
  })
  return { agent, store, privateKeyStore }
}
