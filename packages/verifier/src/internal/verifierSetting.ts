import { CivitasError, systemClock } from '@civitas/core'
import { createResolver } from '@civitas/did'
import type { CreateVerifierOptions } from '../types.js'
import { toStatusChecker } from './toStatusChecker.js'
import type { VerifierSetting } from './types.js'

/**
 * Returns the setting for one check. With a trust bundle, the bundle is verified once (lazily, so
 * `createVerifier` stays synchronous), its validity is checked against the clock on every call, and a
 * bundle that fails makes that call throw its `ERR_TRUST_BUNDLE_*` code.
 *
 * @throws `ERR_INVALID_ARGUMENT` at once for options that contradict each other.
 */
export function createVerifierSetting(options: CreateVerifierOptions): () => Promise<VerifierSetting> {
  const { bundle } = options
  if (bundle === undefined) {
    if (typeof options.resolver?.resolve !== 'function') {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        'createVerifier: a resolver (or a trust bundle) is required',
      )
    }
    const setting = {
      resolver: options.resolver,
      trust: options.trust,
      status: toStatusChecker(options, options.resolver, []),
    }
    return async () => setting
  }
  if (typeof bundle !== 'string' || typeof options.bundleAuthority !== 'string') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'createVerifier: a trust bundle needs bundleAuthority, the DID of the authority that signs it',
    )
  }
  if (options.trust !== undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'createVerifier: give either trust or a trust bundle, not both',
    )
  }
  const clock = options.clock ?? systemClock
  const skewMs = options.clockSkewMs ?? 60_000
  const fallback = options.resolver ?? createResolver()
  // Trust bundle code loads only for a verifier given a bundle.
  const authority = options.bundleAuthority
  const ready = import('./bundleSetting.js').then(({ bundleSetting }) =>
    bundleSetting(bundle, authority, options, fallback, clock, skewMs),
  )
  // A bundle that fails fails every check, not the process.
  ready.catch(() => undefined)
  return async () => {
    const { checkTime, setting } = await ready
    checkTime(clock())
    return setting
  }
}
