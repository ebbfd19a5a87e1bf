import type { Clock } from '@civitas/core'
import type { Resolvable } from '@civitas/did'
import type { CreateVerifierOptions, TrustBundle } from '../types.js'
import { bundleResolver } from './bundleResolver.js'
import { checkBundleTime } from './checkBundleTime.js'
import { toStatusChecker } from './toStatusChecker.js'
import type { VerifierSetting } from './types.js'
import { verifyBundle } from './verifyBundle.js'

/**
 * Verifies a verifier's trust bundle once and returns the setting it gives (bundled DID documents
 * before `fallback`, trust from the bundled issuers' types, bundled status lists) with the check of
 * its validity window, run on every call.
 *
 * @throws the codes of `verifyTrustBundle`; `checkTime` throws those of its validity checks.
 */
export async function bundleSetting(
  bundle: string,
  authority: string,
  options: CreateVerifierOptions,
  fallback: Resolvable,
  clock: Clock,
  skewMs: number,
): Promise<{ setting: VerifierSetting; checkTime: (now: number) => void }> {
  const verified = await verifyBundle(bundle, {
    authority,
    resolver: fallback,
    clock,
    clockSkewMs: skewMs,
  })
  return {
    setting: settingOf(verified, options, fallback),
    checkTime: (now) => checkBundleTime(verified, now, skewMs, options.bundleMaxAgeMs),
  }
}

function settingOf(
  bundle: TrustBundle,
  options: CreateVerifierOptions,
  fallback: Resolvable,
): VerifierSetting {
  const resolver = bundleResolver(
    bundle.issuers.map((issuer) => issuer.didDocument),
    fallback,
  )
  const trust: Record<string, string[]> = {}
  for (const issuer of bundle.issuers) {
    for (const type of issuer.types) {
      trust[type] = [...(Object.hasOwn(trust, type) ? (trust[type] ?? []) : []), issuer.id]
    }
  }
  return { resolver, trust, status: toStatusChecker(options, resolver, bundle.lists) }
}
