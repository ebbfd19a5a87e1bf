import type { SignatureAlgorithm } from '@civitas/core'
import { createMemoryKeyStore, type KeyStore } from '@civitas/crypto'
import { describeKeyStoreConformance } from './describeKeyStoreConformance.js'

// The suite against a store written the way a third party would: a plain object delegating to
// another implementation, declaring only two algorithms.
function delegatingKeyStore(algorithms: readonly SignatureAlgorithm[]): KeyStore {
  const inner = createMemoryKeyStore({ algorithms })
  return {
    algorithms: inner.algorithms,
    createKey: (options) => inner.createKey(options),
    importKey: (options) => inner.importKey(options),
    getKey: (id) => inner.getKey(id),
    listKeys: () => inner.listKeys(),
    sign: (id, data) => inner.sign(id, data),
    deleteKey: (id) => inner.deleteKey(id),
    exportPrivateKey: (id) => inner.exportPrivateKey(id),
  }
}

let disposed = 0
describeKeyStoreConformance(
  'a delegating store with EdDSA and ES256K',
  () => delegatingKeyStore(['EdDSA', 'ES256K']),
  {
    dispose: () => {
      disposed += 1
    },
  },
)

describeKeyStoreConformance('checks that dispose ran after every earlier test', () => {
  if (disposed === 0) throw new Error('dispose was never called')
  return createMemoryKeyStore()
})
