import { CivitasError, isCivitasError } from '@civitas/core'
import type { SetStatusOptions, StatusAuditEntry, StatusRegistry } from '../types.js'

/** Who changes a status, and why. */
type Change = Pick<SetStatusOptions, 'actor' | 'reason'>

/** A publisher's status changes by credential id. */
export interface StatusTransitions {
  revoke(credentialId: string, change: Change): Promise<StatusAuditEntry>
  suspend(credentialId: string, change: Change): Promise<StatusAuditEntry>
  reinstate(credentialId: string, change: Change): Promise<StatusAuditEntry>
}

/**
 * The status changes of a publisher's lists. W3C lists set the bit of the purpose's entry
 * (revocation, suspension). A token list keeps one 2-bit entry that moves between VALID (0) and
 * SUSPENDED (2), and to INVALID (1) for good.
 *
 * @throws the registry's codes (`ERR_STATUS_ENTRY_NOT_FOUND`); for token lists
 *   `ERR_INVALID_ARGUMENT` when a revoked credential would be suspended or reinstated.
 */
export function createStatusTransitions(registry: StatusRegistry, tokens: boolean): StatusTransitions {
  if (tokens) {
    return {
      revoke: (credentialId, change) => setTokenStatus(registry, credentialId, 1, change),
      suspend: (credentialId, change) => setTokenStatus(registry, credentialId, 2, change),
      reinstate: (credentialId, change) => setTokenStatus(registry, credentialId, 0, change),
    }
  }
  return {
    revoke: (credentialId, change) =>
      registry.setStatus({ credentialId, purpose: 'revocation' }, { value: 1, ...change }),
    suspend: (credentialId, change) =>
      registry.setStatus({ credentialId, purpose: 'suspension' }, { value: 1, ...change }),
    reinstate: (credentialId, change) =>
      registry.setStatus({ credentialId, purpose: 'suspension' }, { value: 0, ...change }),
  }
}

async function setTokenStatus(
  registry: StatusRegistry,
  credentialId: string,
  value: number,
  change: Change,
): Promise<StatusAuditEntry> {
  const ref = { credentialId, purpose: 'revocation' } as const
  try {
    return await registry.setStatus(ref, { value, ...change, ...(value === 1 ? {} : { onlyFrom: [0, 2] }) })
  } catch (error) {
    if (isCivitasError(error) && error.code === 'ERR_INVALID_ARGUMENT' && error.details?.current === 1) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        'the credential is revoked for good; it cannot be suspended or reinstated',
        { details: { credentialId }, cause: error },
      )
    }
    throw error
  }
}
