import { CivitasError, isCivitasError } from '@civitas/core'
import type { CheckName, OnCheck } from '../types.js'

/**
 * Runs one verification step: reports it to `onCheck`, and on failure rethrows a CivitasError
 * whose `details.check` names the step. Anything that is not a CivitasError becomes `fallback`.
 */
export async function runCheck<T>(
  name: CheckName,
  onCheck: OnCheck | undefined,
  step: () => T | Promise<T>,
  fallback: CivitasError['code'] = 'ERR_CREDENTIAL_INVALID',
): Promise<T> {
  try {
    const result = await step()
    onCheck?.(name, true)
    return result
  } catch (error) {
    const failure = isCivitasError(error)
      ? error
      : new CivitasError(fallback, `${name} check failed`, { cause: error })
    onCheck?.(name, false, failure.code)
    if (failure.details?.check !== undefined) throw failure
    throw new CivitasError(failure.code, failure.message, {
      details: { ...failure.details, check: name },
      ...(failure.cause === undefined ? {} : { cause: failure.cause }),
    })
  }
}
