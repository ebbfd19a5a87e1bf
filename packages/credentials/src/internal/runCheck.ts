import { CivitasError, isCivitasError } from '@civitas/core'
import type { CheckName, OnCheck } from '../types.js'

/**
 * Runs one synchronous verification step: reports it to `onCheck`, and on failure throws a
 * CivitasError whose `details.check` names the step. Anything that is not a CivitasError becomes
 * `fallback`. Synchronous steps stay synchronous: no promise per step on the verification path.
 */
export function runCheck<T>(
  name: CheckName,
  onCheck: OnCheck | undefined,
  step: () => T,
  fallback: CivitasError['code'] = 'ERR_CREDENTIAL_INVALID',
): T {
  let result: T
  try {
    result = step()
  } catch (error) {
    throw checkFailure(name, onCheck, error, fallback)
  }
  onCheck?.(name, true)
  return result
}

/** {@link runCheck} for a step that waits (DID resolution, signatures, nested verifications). */
export async function runCheckAsync<T>(
  name: CheckName,
  onCheck: OnCheck | undefined,
  step: () => Promise<T>,
  fallback: CivitasError['code'] = 'ERR_CREDENTIAL_INVALID',
): Promise<T> {
  let result: T
  try {
    result = await step()
  } catch (error) {
    throw checkFailure(name, onCheck, error, fallback)
  }
  onCheck?.(name, true)
  return result
}

function checkFailure(
  name: CheckName,
  onCheck: OnCheck | undefined,
  error: unknown,
  fallback: CivitasError['code'],
): CivitasError {
  const failure = isCivitasError(error)
    ? error
    : new CivitasError(fallback, `${name} check failed`, { cause: error })
  onCheck?.(name, false, failure.code)
  if (failure.details?.check !== undefined) return failure
  return new CivitasError(failure.code, failure.message, {
    details: { ...failure.details, check: name },
    ...(failure.cause === undefined ? {} : { cause: failure.cause }),
  })
}
