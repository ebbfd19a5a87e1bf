import type { Report } from '../types.js'
import type { CheckContext } from './checkContext.js'
import { checkPolicy } from './checkPolicy.js'
import { credentialSummary } from './credentialSummary.js'
import { createReportBuilder, POLICY_CHECKS, type ReportBuilder } from './reportBuilder.js'

let replayProtection: Promise<typeof import('./claimPresentation.js')> | undefined
/** Replay protection loads on first use, for verifiers given a replay store only. */
const loadReplayProtection = () => {
  replayProtection ??= import('./claimPresentation.js')
  return replayProtection
}

/**
 * Checks a presentation: its format's verification, with one sub-report per embedded credential,
 * its claim in the replay store when the verifier has one (a replay fails `nonce`), then the policy
 * checks on each credential. The presentation's policy checks pass only when every
 * credential's do; the first failure is the presentation's. Never throws.
 */
export async function checkPresentation(context: CheckContext): Promise<Report> {
  const { token, format, expectations, setting } = context
  const report = createReportBuilder('presentation', format)
  const credentialReports = new Map<number, ReportBuilder>()
  const credentialReport = (index: number) => {
    const known = credentialReports.get(index)
    if (known !== undefined) return known
    const builder = createReportBuilder('credential', format)
    credentialReports.set(index, builder)
    return builder
  }
  try {
    const presentation = await format.verifyPresentation(token, {
      resolver: setting.resolver,
      ...context.verification,
      ...(expectations.audience === undefined ? {} : { audience: expectations.audience }),
      ...(expectations.nonce === undefined ? {} : { nonce: expectations.nonce }),
      ...(expectations.allowBearer === undefined ? {} : { allowBearer: expectations.allowBearer }),
      ...(context.maxPresentationAgeMs === undefined ? {} : { maxAgeMs: context.maxPresentationAgeMs }),
      onCheck: (name, ok, code) => report.record(name, ok, code),
      onCredentialCheck: (index, name, ok, code) => credentialReport(index).record(name, ok, code),
    })
    if (context.replay !== undefined) {
      const { claimPresentation, replayTtlMs } = await loadReplayProtection()
      const { maxPresentationAgeMs } = context
      const { clockSkewMs } = context.verification
      await claimPresentation(
        context.replay,
        presentation,
        replayTtlMs({
          ...(maxPresentationAgeMs === undefined ? {} : { maxPresentationAgeMs }),
          ...(clockSkewMs === undefined ? {} : { clockSkewMs }),
        }),
      )
    }
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
    if (policyOk) for (const name of POLICY_CHECKS) report.record(name, true)
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
