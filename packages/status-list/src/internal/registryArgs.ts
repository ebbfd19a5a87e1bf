import { CivitasError } from '@civitas/core'
import type { SetStatusOptions, StatusEntryRef, StatusPurpose, StatusSize } from '../types.js'
import { assertStatusSize, MINIMUM_LIST_LENGTH } from './bits.js'

const PURPOSES: readonly string[] = ['revocation', 'suspension', 'message']

export function checkPurpose(purpose: unknown): StatusPurpose {
  if (typeof purpose !== 'string' || !PURPOSES.includes(purpose)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'purpose: expected revocation, suspension or message', {
      details: { purpose: String(purpose) },
    })
  }
  return purpose as StatusPurpose
}

/** Registry list length: default 131,072; shorter lists (tests) need `allowShortLists`. */
export function checkListLength(length: number | undefined, allowShort: boolean | undefined): number {
  const value = length ?? MINIMUM_LIST_LENGTH
  const minimum = allowShort === true ? 8 : MINIMUM_LIST_LENGTH
  if (!Number.isSafeInteger(value) || value < minimum || value % 8 !== 0 || value > 2 ** 27) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `listLength: expected a multiple of 8 from ${minimum} to 2^27`,
      {
        details: { listLength: String(value) },
      },
    )
  }
  return value
}

/** An allocation's bits per entry: 1 unless given. */
export function checkStatusSize(statusSize: unknown): StatusSize {
  return assertStatusSize(statusSize ?? 1)
}

export function checkRef(ref: StatusEntryRef): StatusEntryRef {
  if (typeof ref === 'object' && ref !== null) {
    if ('credentialId' in ref && typeof ref.credentialId === 'string' && ref.credentialId !== '') {
      if (ref.purpose !== undefined) checkPurpose(ref.purpose)
      return ref
    }
    if (
      'listId' in ref &&
      typeof ref.listId === 'string' &&
      Number.isSafeInteger(ref.index) &&
      ref.index >= 0
    )
      return ref
  }
  throw new CivitasError('ERR_INVALID_ARGUMENT', 'entry: expected { listId, index } or { credentialId }')
}

export function checkSet(options: SetStatusOptions, statusSize: number): void {
  const max = (1 << statusSize) - 1
  if (!Number.isInteger(options?.value) || options.value < 0 || options.value > max) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `value: expected an integer 0..${max}`)
  }
  if (typeof options.actor !== 'string' || options.actor === '') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'actor: expected a non-empty string (who makes the change)',
    )
  }
  if (options.reason !== undefined && typeof options.reason !== 'string') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'reason: expected a string')
  }
  if (
    options.onlyFrom !== undefined &&
    !(Array.isArray(options.onlyFrom) && options.onlyFrom.every(Number.isInteger))
  ) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'onlyFrom: expected an array of integers')
  }
}

/** Refuses a change whose entry's current value is not among `onlyFrom`. */
export function checkFrom(options: SetStatusOptions, current: number): void {
  if (options.onlyFrom !== undefined && !options.onlyFrom.includes(current)) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `the entry's value is ${current}, which this change may not start from`,
      { details: { current, onlyFrom: options.onlyFrom.join(',') } },
    )
  }
}

/** Picks the one entry a reference names among a credential's entries. */
export function pickEntry<T extends { purpose: StatusPurpose }>(
  ref: StatusEntryRef,
  entries: readonly T[],
): T {
  const purpose = 'credentialId' in ref ? ref.purpose : undefined
  const matching = purpose === undefined ? entries : entries.filter((entry) => entry.purpose === purpose)
  if (matching.length > 1) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'entry: the credential has entries for several purposes; name the purpose',
      { details: { purposes: matching.map((entry) => entry.purpose) } },
    )
  }
  const [entry] = matching
  if (entry === undefined) throw notFound(ref)
  return entry
}

export function notFound(ref: StatusEntryRef): CivitasError {
  return new CivitasError('ERR_STATUS_ENTRY_NOT_FOUND', 'no allocated status entry for that reference', {
    details:
      'credentialId' in ref
        ? { credentialId: ref.credentialId, ...(ref.purpose === undefined ? {} : { purpose: ref.purpose }) }
        : { listId: ref.listId, index: ref.index },
  })
}

/** A uniformly random integer in 0..n-1 from the platform CSPRNG (rejection sampling, no modulo bias). */
export function randomBelow(n: number): number {
  const limit = 2 ** 32 - (2 ** 32 % n)
  const buffer = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(buffer)
    const value = buffer[0] ?? 0
    if (value < limit) return value % n
  }
}

export function newListId(): string {
  return crypto.randomUUID()
}
