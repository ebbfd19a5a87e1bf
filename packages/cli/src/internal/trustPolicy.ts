import { usageError } from './failure.js'

/** The trust policy of `--trust Type=did` (repeatable) or `--trust-any`; neither is a usage error. */
export function trustPolicy(flags: {
  trust: string[]
  trustAny?: boolean
}): 'any' | Record<string, string[]> {
  if (flags.trustAny === true) return 'any'
  if (flags.trust.length === 0) {
    throw usageError('say whom to trust: --trust Type=did (repeatable), or --trust-any')
  }
  const trust: Record<string, string[]> = {}
  for (const entry of flags.trust) {
    const [type, did] = entry.split(/=(.*)/s)
    if (!type || !did?.startsWith('did:')) throw usageError(`--trust ${entry}: expected Type=did:…`)
    trust[type] = [...(trust[type] ?? []), did]
  }
  return trust
}
