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
  if (status.listFormat === 'statuslist+jwt') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'status: these lists are statuslist+jwt tokens, which only dc+sd-jwt credentials name',
    )
  }
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

/**
 * Allocates one 2-bit Token Status List entry (0 VALID, 1 INVALID, 2 SUSPENDED) for `credentialId`
 * and returns the SD-JWT VC `status` claim, `{ status_list: { idx, uri } }`.
 */
export async function allocateTokenStatus(
  status: CredentialStatusOptions,
  credentialId: string,
): Promise<JsonObject> {
  if (status.listFormat !== 'statuslist+jwt') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'status: an SD-JWT VC names a Token Status List; use a publisher with format statuslist+jwt',
    )
  }
  const { listId, index } = await status.registry.allocate({
    purpose: 'revocation',
    credentialId,
    statusSize: 2,
  })
  return { status_list: { idx: index, uri: status.listUrl(listId) } }
}
