import type { Resolvable } from '@civitas/did'
import type { StatusChecker } from '@civitas/status-list'
import type { TrustPolicy } from '../types.js'

/** What a check runs with: from the options, or from a verified trust bundle. */
export interface VerifierSetting {
  resolver: Resolvable
  trust: TrustPolicy | undefined
  status: StatusChecker
}
