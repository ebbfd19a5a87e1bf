import { verifyBundle } from './internal/verifyBundle.js'
import type { TrustBundle, VerifyTrustBundleOptions } from './types.js'

/**
 * Verifies a trust bundle made by `createTrustBundle`: its type, that the configured authority signed it
 * (with a key under `assertionMethod`), its validity window, and the shape of every entry. The result is
 * what a verifier needs offline: trusted issuers with their types (VC types or SD-JWT `vct` values) and
 * DID documents, and status lists (W3C status list credentials or `statuslist+jwt` tokens), each naming
 * a bundled issuer and verified with that issuer's bundled DID document when used.
 *
 * @throws `ERR_TRUST_BUNDLE_INVALID` for a malformed bundle, a wrong `typ`, a signature that does not
 *   verify, an `iat` in the future, malformed entries, or a list naming an issuer the bundle does not
 *   list (`details.reason` `ERR_UNTRUSTED_ISSUER`); `ERR_TOKEN_TIME_OUT_OF_RANGE` for an `iat` or `exp`
 *   beyond any date; `ERR_TRUST_BUNDLE_UNTRUSTED` when it names another
 *   signer than `authority`; `ERR_TRUST_BUNDLE_EXPIRED` past `exp`; `ERR_TRUST_BUNDLE_STALE` when signed
 *   more than `maxAgeMs` ago; `ERR_INVALID_ARGUMENT` when `authority` is not a DID.
 * @example
 * ```ts
 * import { verifyTrustBundle } from '@civitas/verifier'
 *
 * declare const bundle: string // downloaded from the health ministry while online
 * const { issuers, expiresAt } = await verifyTrustBundle(bundle, {
 *   authority: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   maxAgeMs: 24 * 3600_000,
 * })
 * ```
 */
export async function verifyTrustBundle(
  token: string,
  options: VerifyTrustBundleOptions,
): Promise<TrustBundle> {
  return verifyBundle(token, options)
}
