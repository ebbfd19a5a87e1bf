import { CivitasError } from '@civitas/core'
import type { DecodeStatusListOptions, DecodeStatusListResult } from '../types.js'
import { assertStatusSize, MINIMUM_LIST_LENGTH } from './bits.js'
import { inflateBase64url, inflateLimits } from './compressedList.js'
import type { inflateCapped } from './inflateCapped.js'
import { makeStatusList } from './makeStatusList.js'

/**
 * What `decodeStatusList` does, with the inflater passed in, so that a status checker can load the
 * inflater on its first list instead of with the application.
 *
 * @throws the codes of `decodeStatusList`.
 */
export function decodeGzipList(
  encodedList: string,
  options: DecodeStatusListOptions,
  inflate: typeof inflateCapped,
): DecodeStatusListResult {
  const statusSize = assertStatusSize(options.statusSize ?? 1)
  const minimum = options.minimumLength ?? MINIMUM_LIST_LENGTH
  const limits = inflateLimits(options)
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      'encodedList: expected multibase base64url (a "u" prefix)',
    )
  }
  const bytes = inflateBase64url(
    encodedList.slice(1),
    { framing: 'gzip', limits, name: 'encodedList', label: 'encodedList' },
    inflate,
  )
  const length = (bytes.length * 8) / statusSize
  if (length < minimum) {
    throw new CivitasError(
      'ERR_STATUS_LIST_INVALID',
      `status list has ${length} entries, fewer than ${minimum}`,
      {
        details: { length, minimum },
      },
    )
  }
  return makeStatusList(bytes, statusSize)
}
