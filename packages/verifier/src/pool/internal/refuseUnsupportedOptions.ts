import { CivitasError } from '@civitas/core'

// The options a pool forwards to its workers as plain data; anything else (a trust bundle, a clock, a
// resolver or status checker object, a replay store) cannot cross into a worker.
const SUPPORTED = new Set([
  'size',
  'resourceLimits',
  'resolver',
  'trust',
  'clockSkewMs',
  'maxPresentationAgeMs',
  'schemas',
  'status',
  'holderBinding',
])

/**
 * Refuses options a pool cannot honour, so a verifier configured with a trust bundle (or any other
 * `createVerifier` option the workers never see) is not silently run without it.
 */
export function refuseUnsupportedOptions(options: object): void {
  const unsupported = Object.keys(options).filter(
    (name) => !SUPPORTED.has(name) && (options as Record<string, unknown>)[name] !== undefined,
  )
  for (const name of ['resolver', 'status']) {
    const value = (options as Record<string, unknown>)[name]
    if (
      typeof (value as { resolve?: unknown; check?: unknown } | undefined)?.[
        name === 'resolver' ? 'resolve' : 'check'
      ] === 'function'
    )
      unsupported.push(`${name} (an object with methods; give its plain options)`)
  }
  if (unsupported.length > 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `createVerifierPool: unsupported option${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} (a pool takes ${[...SUPPORTED].join(', ')}; use createVerifier for the others)`,
      { details: { unsupported } },
    )
  }
}
