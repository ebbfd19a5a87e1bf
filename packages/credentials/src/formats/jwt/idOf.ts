import { CivitasError, type JsonValue } from '@civitas/core'

/**
 * The id of an `issuer` or `holder` value: a string, or an object with a string `id`.
 *
 * @throws `ERR_CREDENTIAL_INVALID` for anything else.
 */
export function idOf(value: JsonValue | undefined, name: string): string {
  if (typeof value === 'string' && value.length > 0) return value
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.id === 'string')
    return value.id
  throw new CivitasError('ERR_CREDENTIAL_INVALID', `${name} must be a DID or an object with an id`)
}
