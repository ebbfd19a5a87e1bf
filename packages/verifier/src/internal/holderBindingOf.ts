import type { CheckExpectations, CreateVerifierOptions, HolderBindingPolicy } from '../types.js'

/**
 * Whether a check needs proof of possession: the check's own `holderBinding`, else the verifier's,
 * else `'required'` exactly when the check expects an audience or a nonce.
 */
export function holderBindingOf(
  expectations: CheckExpectations,
  verifierDefault: CreateVerifierOptions['holderBinding'],
): HolderBindingPolicy {
  const expectsPresentation = expectations.audience !== undefined || expectations.nonce !== undefined
  return expectations.holderBinding ?? verifierDefault ?? (expectsPresentation ? 'required' : 'optional')
}
