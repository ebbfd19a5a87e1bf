import { CivitasError, type JsonObject } from '@civitas/core'
import type { CredentialStatusOptions } from '../types.js'

/**
 * Allocates one status entry per purpose for `credentialId` and returns the `credentialStatus`
 * value: one BitstringStatusListEntry, or an array of them for several purposes.
 */
export async function allocateCredentialStatus(
  status: CredentialStatusOptions,
  credentialId: string,
): Promise<JsonObject | JsonObject[]> {
  const purposes = status.purposes ?? ['revocation']
  if (purposes.length === 0 || new Set(purposes).size !== purposes.length) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'status.purposes: expected distinct purposes, at least one',
    )
  }
  const entries: JsonObject[] = []
  for (const purpose of purposes) {
    const { listId, index } = await status.registry.allocate({ purpose, credentialId })
    const listUrl = status.listUrl(listId)
    entries.push({
      id: `${listUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(index),
      statusListCredential: listUrl,
    })
  }
  return entries.length === 1 ? (entries[0] as JsonObject) : entries
}
