import { CivitasError, decodeBase64urlJson } from '@civitas/core'
import {
  DEFAULT_PRESENTATION_MAX_LENGTH,
  type VerifiedCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { decodeJws } from '@civitas/crypto'
import { checkClaims, checkTrust, checkType, subjectOf } from './internal/checkPolicy.js'
import { claimPresentation, replayTtlMs } from './internal/claimPresentation.js'
import { readQrInput } from './internal/readQrInput.js'
import { createReportBuilder } from './internal/reportBuilder.js'
import type { VerifierSetting } from './internal/types.js'
import { createVerifierSetting } from './internal/verifierSetting.js'
import type { CheckExpectations, CreateVerifierOptions, HolderBindingPolicy, Report } from './types.js'

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
  const { clock, clockSkewMs, schemas } = options
  const replayTtl = replayTtlMs(options)
  const time = {
    ...(clock === undefined ? {} : { clock }),
    ...(clockSkewMs === undefined ? {} : { clockSkewMs }),
  }

  /** Runs the policy checks into `report`; returns the types it vouches for, or `undefined` on failure. */
  async function checkPolicy(
    credential: VerifiedCredential,
    expectations: CheckExpectations,
    report: ReturnType<typeof createReportBuilder>,
    { trust, status }: VerifierSetting,
  ): Promise<string[] | undefined> {
    let trustedTypes: string[] = []
    for (const [name, run] of [
      [
        'trust',
        async () => {
          trustedTypes = await checkTrust(credential, trust, expectations)
        },
      ],
      ['status', () => checkStatusNote(credential, expectations, status)],
      ['type', () => checkType(credential, expectations)],
      ['claims', () => checkClaims(credential, expectations)],
    ] as const) {
      try {
        const note = await run()
        report.record(name, true, undefined, typeof note === 'string' ? note : undefined)
      } catch (error) {
        report.fail(error, name)
        return undefined
      }
    }
    return trustedTypes
  }

  async function checkStatusNote(
    credential: VerifiedCredential,
    expectations: CheckExpectations,
    status: VerifierSetting['status'],
  ): Promise<string | undefined> {
    const { statusMaxAgeMs } = expectations
    const { unavailable } = await status.check(
      credential,
      statusMaxAgeMs === undefined ? {} : { maxAgeMs: statusMaxAgeMs },
    )
    return unavailable.length === 0
      ? undefined
      : `status list unreachable, accepted by policy: ${unavailable.join(', ')}`
  }

  async function checkCredential(
    token: string,
    expectations: CheckExpectations,
    setting: VerifierSetting,
  ): Promise<Report> {
    const report = createReportBuilder('credential', encodingOf(token))
    try {
      const credential = await verifyCredential(token, {
        resolver: setting.resolver,
        ...time,
        ...(schemas === undefined ? {} : { schemas }),
        onCheck: (name, ok, code) => report.record(name, ok, code),
      })
      const types = await checkPolicy(credential, expectations, report, setting)
      return report.finish(credentialSummary(credential, types))
    } catch (error) {
      report.fail(error, 'parse')
      return report.finish({})
    }
  }

  async function checkPresentation(
    token: string,
    expectations: CheckExpectations,
    setting: VerifierSetting,
  ): Promise<Report> {
    const encoding = encodingOf(token)
    const report = createReportBuilder('presentation', encoding)
    const credentialReports = new Map<number, ReturnType<typeof createReportBuilder>>()
    const credentialReport = (index: number) => {
      const known = credentialReports.get(index)
      if (known !== undefined) return known
      const builder = createReportBuilder('credential', encoding)
      credentialReports.set(index, builder)
      return builder
    }
    try {
      const presentation = await verifyPresentation(token, {
        resolver: setting.resolver,
        ...time,
        ...(schemas === undefined ? {} : { schemas }),
        ...(expectations.audience === undefined ? {} : { audience: expectations.audience }),
        ...(expectations.nonce === undefined ? {} : { nonce: expectations.nonce }),
        ...(expectations.allowBearer === undefined ? {} : { allowBearer: expectations.allowBearer }),
        ...(options.maxPresentationAgeMs === undefined ? {} : { maxAgeMs: options.maxPresentationAgeMs }),
        onCheck: (name, ok, code) => report.record(name, ok, code),
        onCredentialCheck: (index, name, ok, code) => credentialReport(index).record(name, ok, code),
      })
      if (options.replay !== undefined) await claimPresentation(options.replay, presentation, replayTtl)
      const credentials: Report[] = []
      let policyOk = true
      for (const [index, credential] of presentation.credentials.entries()) {
        const sub = credentialReport(index)
        const types = await checkPolicy(credential, expectations, sub, setting)
        credentials.push(sub.finish(credentialSummary(credential, types)))
        if (types === undefined && policyOk) {
          policyOk = false
          const failed = credentials[index]?.checks.find((check) => check.status === 'failed')
          report.fail(credentials[index]?.error, failed?.name ?? 'trust')
        }
      }
      if (policyOk)
        for (const name of ['trust', 'status', 'type', 'claims'] as const) report.record(name, true)
      const { issuer, types, listedTypes, claims } = credentials[0] ?? {}
      return report.finish({
        holder: presentation.holder,
        credentials,
        ...(issuer === undefined ? {} : { issuer, types: types ?? [], listedTypes: listedTypes ?? [] }),
        ...(claims === undefined ? {} : { claims }),
      })
    } catch (error) {
      report.fail(error, 'parse')
      const credentials = [...credentialReports.values()].map((sub) => sub.finish({}))
      return report.finish(credentials.length === 0 ? {} : { credentials })
    }
  }

  function holderBindingOf(expectations: CheckExpectations): HolderBindingPolicy {
    const expectsPresentation = expectations.audience !== undefined || expectations.nonce !== undefined
    return (
      expectations.holderBinding ?? options.holderBinding ?? (expectsPresentation ? 'required' : 'optional')
    )
  }

  return {
    async check(input, expectations = {}) {
      const read = await readQrInput(input)
      if ('error' in read) return failedReport('credential', 'jwt', read.error, 'parse')
      const token = read.token as string
      // Required holder binding reads every input as a presentation: the policy decides, not the token.
      const kind =
        holderBindingOf(expectations) === 'required' || isPresentation(token) ? 'presentation' : 'credential'
      let setting: VerifierSetting
      try {
        setting = await settingNow()
      } catch (error) {
        return failedReport(kind, encodingOf(token), error, 'trust')
      }
      return kind === 'presentation'
        ? checkPresentation(token, expectations, setting)
        : checkCredential(token, expectations, setting)
    },
  }
}

/** What a credential's report says about it; `types` is empty unless the policy checks passed. */
function credentialSummary(credential: VerifiedCredential, types: string[] | undefined) {
  return {
    issuer: credential.issuer,
    types: types ?? [],
    listedTypes: credential.types,
    claims: subjectOf(credential),
  }
}

/** A report that failed before verification began (unreadable QR text, an unusable trust bundle). */
function failedReport(
  kind: Report['kind'],
  encoding: 'jwt' | 'sd-jwt',
  error: unknown,
  check: 'parse' | 'trust',
): Report {
  const report = createReportBuilder(kind, encoding)
  report.fail(error, check)
  return report.finish({})
}

const MAX_HEADER_LENGTH = 4096

/** SD-JWTs (`<JWT>~…`) get their own list of checks in a report. */
function encodingOf(token: unknown): 'jwt' | 'sd-jwt' {
  return typeof token === 'string' && token.includes('~') ? 'sd-jwt' : 'jwt'
}

/**
 * Whether a token looks like a presentation; anything unreadable is checked (and failed) as a
 * credential. The header's `typ` decides when it can, so the payload is parsed once, not twice.
 */
function isPresentation(token: unknown): boolean {
  if (typeof token !== 'string' || token.length > DEFAULT_PRESENTATION_MAX_LENGTH) return false
  // An SD-JWT ending in a key-binding JWT is a presentation; one ending in ~ is a credential.
  if (token.includes('~')) return !token.endsWith('~')
  const headerEnd = token.indexOf('.')
  if (headerEnd < 0 || headerEnd > MAX_HEADER_LENGTH) return false
  try {
    const header = decodeBase64urlJson(token.slice(0, headerEnd))
    const typ =
      typeof header === 'object' && header !== null && !Array.isArray(header) ? header.typ : undefined
    if (typ === 'vp+jwt' || typ === 'vc+jwt') return typ === 'vp+jwt'
    const { payload } = decodeJws(token)
    return 'vp' in payload && !('vc' in payload)
  } catch {
    return false
  }
}
