import { CivitasError } from '@civitas/core'
import { checkCredential } from './internal/checkCredential.js'
import { checkPresentation } from './internal/checkPresentation.js'
import { detectInput } from './internal/detectInput.js'
import { failedReport } from './internal/failedReport.js'
import { holderBindingOf } from './internal/holderBindingOf.js'
import { readQrInput } from './internal/readQrInput.js'
import type { VerifierSetting } from './internal/types.js'
import { createVerifierSetting } from './internal/verifierSetting.js'
import type { CheckExpectations, CreateVerifierOptions, Report } from './types.js'

/** A verifier: one call checks a token and reports every check. */
export interface Verifier {
  /**
   * Checks a credential or presentation: the token, or the text of its QR code (`CV1:…`, decoded to the
   * exact token first). Never throws on bad input; returns a failed report (a damaged QR code fails the
   * `parse` check with its `ERR_QR_*` code, an unusable trust bundle the `trust` check).
   */
  check(input: string, expectations?: CheckExpectations): Promise<Report>
}

/**
 * Creates a verifier that checks credentials and presentations against its trust policy and
 * reports each check with a stable code: a gate's screen can say "expired" or "untrusted issuer",
 * not "invalid". It fails closed: without a `trust` policy every credential fails the trust check,
 * unless `trust: 'any'` says otherwise explicitly.
 *
 * The verifier sets the policy; the token never does. Holder binding: a check that expects an
 * `audience` or a `nonce` (or any check, with `holderBinding: 'required'`) reads its input as a
 * presentation, so a credential on its own fails with `ERR_PRESENTATION_REQUIRED` and an SD-JWT without
 * its key-binding JWT with `ERR_KEY_BINDING_MISSING`. Trust is per type: one of the credential's types
 * must be both accepted by the check and trusted for its issuer, and the report's `types` are those.
 *
 * Given a signed trust bundle (`bundle` and `bundleAuthority`), it works offline: the bundle is verified
 * once, and trust, issuers' DID documents and status lists all come from it; an expired, stale, tampered or
 * foreign bundle fails every report's `trust` check with its `ERR_TRUST_BUNDLE_*` code.
 *
 * Given a `replay` store (a `NonceStore` of `@civitas/sign-in`, or anything with an atomic `claim`), each
 * presentation is accepted once, remembered by its audience and nonce rather than its bytes; a replay
 * fails the `nonce` check with `ERR_NONCE_REPLAYED`. Without one the verifier keeps no memory, and the
 * same presentation passes again until it is older than `maxPresentationAgeMs`.
 *
 * @throws `ERR_INVALID_ARGUMENT` for contradictory options (programmer errors): neither a resolver nor a
 *   bundle, a bundle without `bundleAuthority`, or a bundle together with `trust`. `check` itself never throws.
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { createVerifier, formatReport } from '@civitas/verifier'
 *
 * const verifier = createVerifier({
 *   resolver: createResolver(),
 *   trust: { ResidencyCard: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'] },
 * })
 * declare const presentation: string
 * const report = await verifier.check(presentation, { audience: 'https://hotel.example', nonce: 'n-0S6_WzA2Mj' })
 * console.log(formatReport(report))
 * ```
 */
export function createVerifier(options: CreateVerifierOptions): Verifier {
  if (typeof options !== 'object' || options === null) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'createVerifier: expected options')
  }
  const settingNow = createVerifierSetting(options)
  const { clock, clockSkewMs, schemas, maxPresentationAgeMs, replay } = options
  const verification = {
    ...(clock === undefined ? {} : { clock }),
    ...(clockSkewMs === undefined ? {} : { clockSkewMs }),
    ...(schemas === undefined ? {} : { schemas }),
  }
  return {
    async check(input, expectations = {}) {
      const read = await readQrInput(input)
      if ('error' in read) return failedReport('credential', undefined, read.error, 'parse')
      const detected = detectInput(read.token, holderBindingOf(expectations, options.holderBinding))
      let setting: VerifierSetting
      try {
        setting = await settingNow()
      } catch (error) {
        return failedReport(detected.kind, detected.format, error, 'trust')
      }
      const context = {
        ...detected,
        expectations,
        setting,
        verification,
        ...(maxPresentationAgeMs === undefined ? {} : { maxPresentationAgeMs }),
        ...(replay === undefined ? {} : { replay }),
      }
      return detected.kind === 'presentation' ? checkPresentation(context) : checkCredential(context)
    },
  }
}
