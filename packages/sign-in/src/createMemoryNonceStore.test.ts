import { describeNonceStoreConformance } from '@civitas/test-utils'
import { createMemoryNonceStore } from './createMemoryNonceStore.js'

describeNonceStoreConformance('memory', () => createMemoryNonceStore(), { shared: false })
