import { CivitasError } from '@civitas/core'

/** Veramo's stores say "not found" in their messages (`Key not found`, `not_found: ...`); there is no error code. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not[_ ]found/i.test(error.message)
}

/** Runs one agent call; its failure becomes `ERR_KEY_STORE_IO` (Civitas errors pass through). */
export async function callAgent<T>(method: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw agentFailed(method, error)
  }
}

/** `ERR_KEY_STORE_IO` for a failed agent call, keeping the agent's error as `cause`. */
export function agentFailed(method: string, cause: unknown): CivitasError {
  if (cause instanceof CivitasError) return cause
  return new CivitasError('ERR_KEY_STORE_IO', `Veramo ${method} failed`, { cause })
}
