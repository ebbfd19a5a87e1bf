/**
 * The did:ethr method: identities anchored on an Ethereum ERC-1056 registry, with owner rotation,
 * delegate signers and attributes recorded on the chain; resolution of current and past versions.
 *
 * Install `ethers` (v6) and `ethr-did-resolver` beside `@civitas/did` to use this entry point: they are
 * optional peer dependencies, so an application without did:ethr never installs them.
 *
 * @module
 */
export { type AddDelegateOptions, type AddDelegateResult, addDelegate } from './addDelegate.js'
export { type ChangeOwnerOptions, type ChangeOwnerResult, changeOwner } from './changeOwner.js'
export { type CreateDidEthrOptions, createDidEthr } from './createDidEthr.js'
export { type DidEthrFromPublicJwkOptions, didEthrFromPublicJwk } from './didEthrFromPublicJwk.js'
export { type DidEthrResolverOptions, didEthrResolver } from './didEthrResolver.js'
export { type RevokeAttributeOptions, revokeAttribute } from './revokeAttribute.js'
export { type RevokeDelegateOptions, revokeDelegate } from './revokeDelegate.js'
export { type SetAttributeOptions, setAttribute } from './setAttribute.js'
export type { EthrDelegateType, EthrIdentity, EthrNetwork, EthrTransaction } from './types.js'
