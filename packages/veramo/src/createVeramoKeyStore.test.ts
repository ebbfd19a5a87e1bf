import { describeKeyStoreConformance } from '@civitas/test-utils'
import { createAgent, type IKeyManager } from '@veramo/core'
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager'
import { KeyManagementSystem } from '@veramo/kms-local'
import { createVeramoKeyStore } from './createVeramoKeyStore.js'

function veramoKeyStore() {
  const store = new MemoryKeyStore()
  const privateKeyStore = new MemoryPrivateKeyStore()
  const agent = createAgent<IKeyManager>({
    plugins: [new KeyManager({ store, kms: { local: new KeyManagementSystem(privateKeyStore) } })],
  })
  return createVeramoKeyStore({ agent, kms: 'local', store, privateKeyStore })
}

describeKeyStoreConformance('Veramo key manager with the local KMS', veramoKeyStore)
