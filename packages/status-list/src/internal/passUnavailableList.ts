import { isCivitasError } from '@civitas/core'

/**
 * What a status checker does when getting a list failed: with `onUnavailable: 'accept'` a list that
 * is merely out of reach (`ERR_STATUS_LIST_UNAVAILABLE`) passes, its URL noted in `unavailable`;
 * every other failure, and every failure under `'fail'`, is thrown again.
 *
 * @throws `error` itself unless it is let pass.
 */
export function passUnavailableList(
  error: unknown,
  url: string,
  onUnavailable: 'fail' | 'accept' | undefined,
  unavailable: string[],
): undefined {
  if (isCivitasError(error) && error.code === 'ERR_STATUS_LIST_UNAVAILABLE' && onUnavailable === 'accept') {
    unavailable.push(url)
    return undefined
  }
  throw error
}
