import { CivitasError } from '@civitas/core'

const MAX_VALUE_LENGTH = 4096

/**
 * Checks an ERC-1056 attribute: a name of at most 32 bytes (`did/svc/<type>` for a service,
 * `did/pub/<alg>/<purpose>/<encoding>` for a key) and a value, hex (`0x…`) or text, of bounded size.
 *
 * @throws `ERR_INVALID_ARGUMENT`.
 */
export function checkEthrAttribute(name: unknown, value: unknown): { name: string; value: string } {
  if (typeof name !== 'string' || name.length === 0 || new TextEncoder().encode(name).length > 32) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'name: expected 1 to 32 bytes of text')
  }
  if (name.startsWith('0x')) throw new CivitasError('ERR_INVALID_ARGUMENT', 'name: expected text, not hex')
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALUE_LENGTH) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', `value: expected 1 to ${MAX_VALUE_LENGTH} characters`)
  }
  if (value.startsWith('0x') && !/^0x(?:[0-9a-fA-F]{2})+$/.test(value)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'value: a 0x value must be whole bytes of hex')
  }
  return { name, value }
}
