import { isCivitasError } from '@civitas/core'

/** What a verification settled on: `'accepted'`, the CivitasError's code, or what else it threw. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return isCivitasError(error) ? error.code : `not a CivitasError: ${String(error)}`
  }
  return 'accepted'
}
