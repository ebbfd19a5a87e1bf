import type { Report } from '../types.js'
import type { CheckContext } from './checkContext.js'
import { checkPolicy } from './checkPolicy.js'
import { credentialSummary } from './credentialSummary.js'
import { createReportBuilder } from './reportBuilder.js'

/**
 * Checks a credential on its own: its format's verification (each check reported as it runs), then
 * the policy checks. Never throws: a failure is the report's first failed check.
 */
export async function checkCredential(context: CheckContext): Promise<Report> {
  const { token, format, expectations, setting } = context
  const report = createReportBuilder('credential', format)
  try {
    const credential = await format.verifyCredential(token, {
      resolver: setting.resolver,
      ...context.verification,
      onCheck: (name, ok, code) => report.record(name, ok, code),
    })
    const types = await checkPolicy(credential, expectations, report, setting)
    return report.finish(credentialSummary(credential, types))
  } catch (error) {
    report.fail(error, 'parse')
    return report.finish({})
  }
}
