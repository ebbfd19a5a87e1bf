import type { JsonRpcProvider } from 'ethers'

/** The version a did:ethr DID URL asks for: a block number, a time (seconds), or the latest. */
export type EthrVersion = { versionId: number } | { versionTime: number } | { latest: true }

const VERSION_ID = /^[0-9]{1,15}$/
const VERSION_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z$/
const MAX_SEARCH_STEPS = 64

/** Reads `versionId` (a block number) or `versionTime` (XML datetime in UTC) from a DID URL query. */
export function ethrVersion(query: string | undefined): EthrVersion | undefined {
  if (query === undefined || query === '') return { latest: true }
  if (query.length > 200) return undefined
  const params = new URLSearchParams(query)
  const versionId = params.getAll('versionId')
  const versionTime = params.getAll('versionTime')
  if (versionId.length + versionTime.length > 1) return undefined
  const [id] = versionId
  if (id !== undefined) return VERSION_ID.test(id) ? { versionId: Number(id) } : undefined
  const [time] = versionTime
  if (time !== undefined) {
    const ms = VERSION_TIME.test(time) ? Date.parse(time) : Number.NaN
    return Number.isFinite(ms) ? { versionTime: Math.floor(ms / 1000) } : undefined
  }
  return { latest: true }
}

/**
 * The last block mined at or before `time` (seconds), by binary search over block timestamps;
 * block 0 when `time` is before the chain began.
 */
export async function blockAtTime(provider: JsonRpcProvider, time: number): Promise<number> {
  const latest = await timestampedBlock(provider, 'latest')
  if (latest.timestamp <= time) return latest.number
  let low = 0
  let high = latest.number
  for (let step = 0; step < MAX_SEARCH_STEPS && high - low > 1; step++) {
    const middle = Math.floor((low + high) / 2)
    if ((await timestampedBlock(provider, middle)).timestamp <= time) low = middle
    else high = middle
  }
  return low
}

async function timestampedBlock(
  provider: JsonRpcProvider,
  tag: number | 'latest',
): Promise<{ number: number; timestamp: number }> {
  const block = await provider.getBlock(tag)
  if (block === null) throw new Error(`block ${tag} not found`)
  return block
}
