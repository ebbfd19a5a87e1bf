import { CivitasError, type JsonObject } from '@civitas/core'
import { checkPurpose } from './internal/registryArgs.js'
import type { StatusList, StatusPurpose } from './types.js'

/** Options of {@link createStatusListCredential}. */
export interface CreateStatusListCredentialOptions {
  /** The URL the list is served at (`statusListCredential` in entries); also the credential's `id`. */
  id: string
  /** The issuer's DID: it must be the issuer of the credentials the list covers. */
  issuer: string
  /** What the list records. */
  statusPurpose: StatusPurpose
  /** The list to publish (encoded here) — or its `encodedList` already. */
  list: StatusList | string
  /** ISO 8601 date-times bounding the list's validity. */
  validFrom?: string
  validUntil?: string
  /** How long verifiers may cache the list, in milliseconds (the spec's `ttl`). */
  ttlMs?: number
}

/** The unsigned credential {@link createStatusListCredential} returns (sign it with `issueCredential`). */
export type CreateStatusListCredentialResult = JsonObject

/**
 * Builds an unsigned VC 2.0 `BitstringStatusListCredential` around a list, ready to be signed as `vc+jwt` or
 * `jwt_vc_json` by the credentials package and served by {@link createStatusListHandler}.
 *
 * @see https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential
 * @throws ERR_INVALID_ARGUMENT for a missing id or issuer, an unknown purpose, a bad ttl, or an encodedList without `u`
 * @example
 * ```ts
 * import { createStatusList, createStatusListCredential } from '@civitas/status-list'
 *
 * const credential = await createStatusListCredential({
 *   id: 'https://city.example/status/1',
 *   issuer: 'did:web:city.example',
 *   statusPurpose: 'revocation',
 *   list: createStatusList(),
 * })
 * console.log(credential.type) // ['VerifiableCredential', 'BitstringStatusListCredential']
 * ```
 */
export async function createStatusListCredential(
  options: CreateStatusListCredentialOptions,
): Promise<CreateStatusListCredentialResult> {
  for (const name of ['id', 'issuer'] as const) {
    if (typeof options?.[name] !== 'string' || options[name] === '') {
      throw new CivitasError('ERR_INVALID_ARGUMENT', `${name}: expected a non-empty string`)
    }
  }
  const statusPurpose = checkPurpose(options.statusPurpose)
  const encodedList = typeof options.list === 'string' ? options.list : await options.list?.encode()
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'list: expected a StatusList or a multibase encodedList')
  }
  const subject: JsonObject = {
    id: `${options.id}#list`,
    type: 'BitstringStatusList',
    statusPurpose,
    encodedList,
  }
  if (options.ttlMs !== undefined) {
    if (!Number.isSafeInteger(options.ttlMs) || options.ttlMs < 0) {
      throw new CivitasError('ERR_INVALID_ARGUMENT', 'ttlMs: expected a non-negative integer')
    }
    subject.ttl = options.ttlMs
  }
  const credential: JsonObject = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: options.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
  }
  if (options.validFrom !== undefined) credential.validFrom = options.validFrom
  if (options.validUntil !== undefined) credential.validUntil = options.validUntil
  credential.credentialSubject = subject
  return credential
}
