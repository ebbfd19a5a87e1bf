import type { JsonRpcProvider, Log } from 'ethers'

/** A provider for one resolution that refuses to read more than `maxEvents` registry events. */
export interface CappedProvider {
  readonly provider: JsonRpcProvider
  /** Whether the resolution asked for more events than allowed. */
  readonly exceeded: boolean
}

/**
 * Wraps a shared provider for one resolution: every `getLogs` call counts the events it returns
 * (and counts as one event at least), and past `maxEvents` the call fails, which ends the walk
 * back through the `previousChange` chain.
 */
export function cappedProvider(shared: JsonRpcProvider, maxEvents: number): CappedProvider {
  let events = 0
  let exceeded = false
  const getLogs = async (filter: Parameters<JsonRpcProvider['getLogs']>[0]): Promise<Log[]> => {
    if (events >= maxEvents) return refuse()
    const logs = await shared.getLogs(filter)
    events += Math.max(1, logs.length)
    if (events > maxEvents) return refuse()
    return logs
  }
  const refuse = (): never => {
    exceeded = true
    throw new Error(`the DID has more than ${maxEvents} registry events`)
  }
  const provider: JsonRpcProvider = new Proxy(shared, {
    get(target, property) {
      if (property === 'getLogs') return getLogs
      if (property === 'provider') return provider
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    provider,
    get exceeded() {
      return exceeded
    },
  }
}
