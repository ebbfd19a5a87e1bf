import type { CredentialFormat } from '@civitas/credentials'

/** A credential as a wallet keeps it: the token and what queries need, read from the verified token. */
export interface CredentialRecord {
  /** The credential's id (`id` / `jti`), or `sha256:<hash>` of the token when it has none. */
  readonly id: string
  readonly token: string
  readonly format: CredentialFormat
  readonly types: readonly string[]
  readonly issuer: string
  readonly subject?: string
  /** Milliseconds since the epoch. */
  readonly validFrom?: number
  /** Milliseconds since the epoch. */
  readonly validUntil?: number
  /** When the wallet received it, in milliseconds since the epoch. */
  readonly receivedAt: number
}

/** Which records {@link CredentialStore.list} returns; every given member must match. */
export interface CredentialFilter {
  /** A type the credential must carry. */
  type?: string
  /** The issuer's DID. */
  issuer?: string
  /** A time (ms) at which the credential must be valid. */
  validAt?: number
}

/**
 * Where a wallet keeps credentials. Implementations are plain objects made by factory functions;
 * `describeCredentialStoreConformance` in `@civitas/test-utils` checks one.
 */
export interface CredentialStore {
  /** Stores a record, replacing any record with the same id. */
  put(record: CredentialRecord): Promise<void>
  /** The record with this id, or `undefined`. */
  get(id: string): Promise<CredentialRecord | undefined>
  /** The records that match `filter`, in the order they were first stored. */
  list(filter?: CredentialFilter): Promise<CredentialRecord[]>
  /** Deletes a record; `true` if it existed. */
  delete(id: string): Promise<boolean>
}
