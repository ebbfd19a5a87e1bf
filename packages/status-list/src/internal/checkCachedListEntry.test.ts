import { isCivitasError, type JsonObject } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { createStatusList } from '../createStatusList.js'
import { createStatusListCredential } from '../createStatusListCredential.js'
import { toCachedList } from './cachedList.js'
import { checkCachedListEntry } from './checkCachedListEntry.js'
import { inflateCapped } from './inflateCapped.js'

const url = 'https://city.example/status/1'
const issuer = 'did:example:city'

async function cachedListWith(revoked: number) {
  const list = createStatusList()
  list.set(revoked, 1)
  const credential = await createStatusListCredential({ id: url, issuer, statusPurpose: 'revocation', list })
  return toCachedList({ credential: credential as JsonObject }, { fetchedAt: 0, expiresAt: 1, validUntil: 1 })
}

const entry = (index: number): JsonObject => ({
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(index),
  statusListCredential: url,
})

function codeOf(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return isCivitasError(error) ? error.code : error
  }
  return undefined
}

describe('checkCachedListEntry', () => {
  it('behavior: a clear bit passes, and the list is decoded once for later entries of its size', async () => {
    const list = await cachedListWith(7)
    expect(checkCachedListEntry(entry(6), list, issuer, url, inflateCapped)).toMatchObject({
      ok: true,
      index: 6,
    })
    const decoded = list.decoded.get(1)
    expect(decoded).toBeDefined()
    checkCachedListEntry(entry(8), list, issuer, url, inflateCapped)
    expect(list.decoded.get(1)).toBe(decoded)
  })

  it('error: a set revocation bit is ERR_CREDENTIAL_REVOKED naming the list', async () => {
    const list = await cachedListWith(7)
    try {
      checkCachedListEntry(entry(7), list, issuer, url, inflateCapped)
      expect.unreachable()
    } catch (error) {
      expect(isCivitasError(error) && error.code).toBe('ERR_CREDENTIAL_REVOKED')
      expect(isCivitasError(error) && error.details).toMatchObject({ index: 7, statusListCredential: url })
    }
  })

  it('error: a list signed by another issuer than the credential is ERR_STATUS_LIST_INVALID', async () => {
    const list = await cachedListWith(7)
    expect(codeOf(() => checkCachedListEntry(entry(1), list, 'did:example:other', url, inflateCapped))).toBe(
      'ERR_STATUS_LIST_INVALID',
    )
  })
})
