import { CivitasError, type JsonObject } from '@civitas/core'
import type { CheckStatusResult } from '../types.js'
import type { ListVerification } from './cachedList.js'
import { checkCachedListEntry } from './checkCachedListEntry.js'
import type { inflateCapped } from './inflateCapped.js'
import { type ListLookup, w3cListKind } from './listKind.js'

/** Most `credentialStatus` entries one credential may carry. */
const MAX_ENTRIES = 16

let inflate: typeof inflateCapped | undefined

/**
 * Checks every `credentialStatus` entry of a W3C credential against its status list credential,
 * in order; an entry whose list is let pass unreachable gives no result.
 *
 * @throws `ERR_CREDENTIAL_INVALID` for a malformed `credentialStatus`, the list's codes from
 *   `lookup`, and the codes of `checkCachedListEntry` for the first entry that fails.
 */
export async function checkW3cStatusEntries(
  credential: { issuer: string; credential: JsonObject },
  lookup: ListLookup,
  verification: ListVerification,
): Promise<CheckStatusResult[]> {
  const results: CheckStatusResult[] = []
  for (const entry of statusEntries(credential.credential.credentialStatus)) {
    const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : ''
    const list = await lookup(w3cListKind(url, verification))
    if (list === undefined) continue
    // The GZIP inflater loads with the first W3C list, not with every application.
    inflate ??= (await import('./inflateCapped.js')).inflateCapped
    results.push(checkCachedListEntry(entry, list, credential.issuer, url, inflate))
  }
  return results
}

function statusEntries(value: unknown): JsonObject[] {
  if (value === undefined) return []
  const entries = Array.isArray(value) ? value : [value]
  if (
    entries.length > MAX_ENTRIES ||
    entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
  ) {
    throw new CivitasError(
      'ERR_CREDENTIAL_INVALID',
      `credentialStatus: expected up to ${MAX_ENTRIES} status entry objects`,
    )
  }
  return entries as JsonObject[]
}
