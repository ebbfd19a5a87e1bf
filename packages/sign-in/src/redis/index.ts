/**
 * A Redis `NonceStore` for `@civitas/sign-in`, so several relying-party instances share
 * transactions and single-use responses.
 *
 * Install `redis` (v6) beside `@civitas/sign-in` to use this entry point: it is an
 * optional peer dependency, so wallets and single-instance relying parties never install it.
 *
 * @module
 */
export { type CreateRedisNonceStoreOptions, createRedisNonceStore } from './createRedisNonceStore.js'
