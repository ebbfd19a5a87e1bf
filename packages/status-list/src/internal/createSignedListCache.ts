import type { Clock } from '@civitas/core'
import type { StatusListSnapshot } from '../types.js'

/** A signed list and what it was signed from. */
interface SignedEntry<T> {
  document: T
  /** The snapshot's entries, serialized: the list changed when they differ. */
  state: string
  /** When the list is re-signed even unchanged: halfway through its validity. */
  refreshAt: number
}

/**
 * Creates a publisher's `publish(listId)`: `undefined` for a list the registry does not know, else
 * the signed list, signed again only when the list's entries changed or half its validity passed.
 *
 * @throws from `publish`: whatever `getList` or `sign` throw (the failed signing is not kept).
 */
export function createSignedListCache<T>(options: {
  getList: (listId: string) => Promise<StatusListSnapshot | undefined>
  sign: (snapshot: StatusListSnapshot) => Promise<T>
  validForMs: number
  clock: Clock
}): (listId: string) => Promise<T | undefined> {
  const { getList, sign, validForMs, clock } = options
  const signed = new Map<string, Promise<SignedEntry<T>>>()
  return async (listId) => {
    const snapshot = await getList(listId)
    if (snapshot === undefined) return undefined
    // The entries themselves decide whether the list changed: timestamps can tie within a millisecond.
    const state = JSON.stringify(snapshot.entries)
    const known = await signed.get(listId)?.catch(() => undefined)
    if (known !== undefined && known.state === state && clock() < known.refreshAt) return known.document
    const pending = sign(snapshot).then((document) => ({
      document,
      state,
      refreshAt: clock() + validForMs / 2,
    }))
    signed.set(listId, pending)
    return (await pending).document
  }
}
