import { CivitasError, isCivitasError } from '@civitas/core'

/** Runs the verification of the presented credential at `index`, naming it in any error it raises. */
export async function inCredential<T>(index: number, verify: () => Promise<T>): Promise<T> {
  try {
    return await verify()
  } catch (error) {
    if (!isCivitasError(error)) throw error
    throw new CivitasError(error.code, `credential ${index}: ${error.message}`, {
      details: { ...error.details, credentialIndex: index },
      cause: error,
    })
  }
}
