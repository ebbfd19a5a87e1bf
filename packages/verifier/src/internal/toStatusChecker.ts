import type { Resolvable } from '@civitas/did'
import {
  type CreateStatusCheckerOptions,
  createStatusChecker,
  type StatusChecker,
} from '@civitas/status-list'
import type { CreateVerifierOptions } from '../types.js'

/** The status checker of a verifier: the one given, or one made from the options and bundled lists. */
export function toStatusChecker(
  options: CreateVerifierOptions,
  resolver: Resolvable,
  bundled: readonly string[],
): StatusChecker {
  const { status } = options
  if (status !== undefined && 'check' in status && typeof status.check === 'function') return status
  const given = status as Omit<CreateStatusCheckerOptions, 'resolver' | 'clock'> | undefined
  return createStatusChecker({
    ...given,
    lists: [...bundled, ...(given?.lists ?? [])],
    resolver,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  })
}
