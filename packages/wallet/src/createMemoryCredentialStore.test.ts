import { describeCredentialStoreConformance } from '@civitas/test-utils'
import { createMemoryCredentialStore } from './createMemoryCredentialStore.js'

describeCredentialStoreConformance('memory credential store', () => createMemoryCredentialStore())
