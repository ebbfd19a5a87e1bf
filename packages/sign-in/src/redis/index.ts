/**
 * A Redis `NonceStore` for `@civitas/sign-in`, so several relying-party instances share
 * transactions and single-use responses.
 *
 * @module
 */
export { type CreateRedisNonceStoreOptions, createRedisNonceStore } from './createRedisNonceStore.js'
