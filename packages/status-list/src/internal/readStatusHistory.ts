import { isCivitasError } from '@civitas/core'
import type { CredentialStatusPurpose } from '@civitas/credentials'
import type { StatusAuditEntry, StatusRegistry } from '../types.js'

/**
 * Every status change of a credential across the publisher's purposes, oldest first; a purpose
 * the credential has no entry for adds nothing.
 *
 * @throws the registry's codes other than `ERR_STATUS_ENTRY_NOT_FOUND`.
 */
export async function readStatusHistory(
  registry: StatusRegistry,
  purposes: readonly CredentialStatusPurpose[],
  credentialId: string,
): Promise<StatusAuditEntry[]> {
  const trails = await Promise.all(
    purposes.map((purpose) => registry.audit({ credentialId, purpose }).catch(ignoreMissingEntry)),
  )
  return trails.flat().sort((a, b) => a.at - b.at)
}

function ignoreMissingEntry(error: unknown): StatusAuditEntry[] {
  if (isCivitasError(error) && error.code === 'ERR_STATUS_ENTRY_NOT_FOUND') return []
  throw error
}
