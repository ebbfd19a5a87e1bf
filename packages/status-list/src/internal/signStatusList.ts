import type { Clock } from '@civitas/core'
import { type CredentialFormat, issueCredential } from '@civitas/credentials'
import type { Identity } from '@civitas/did'
import { createStatusList } from '../createStatusList.js'
import { createStatusListCredential } from '../createStatusListCredential.js'
import { createTokenStatusList } from '../createTokenStatusList.js'
import { issueStatusListToken, STATUS_LIST_TOKEN_TYP } from '../issueStatusListToken.js'
import type { StatusListSnapshot } from '../types.js'

/** Who signs a list, as what, and how long verifiers may use it. */
export interface ListSigning {
  issuer: Identity
  format: Exclude<CredentialFormat, 'dc+sd-jwt'> | typeof STATUS_LIST_TOKEN_TYP
  /** The URL the list is published at: the credential's `id`, the token's `sub`. */
  url: string
  ttlMs: number
  validForMs: number
  clock: Clock
}

/**
 * Signs a registry's snapshot of one list: as an IETF status list token for `statuslist+jwt`,
 * else as a W3C status list credential in the given format. Returns the signed token.
 */
export async function signStatusList(snapshot: StatusListSnapshot, signing: ListSigning): Promise<string> {
  const { issuer, format, url, ttlMs, validForMs, clock } = signing
  if (format === STATUS_LIST_TOKEN_TYP) {
    const list = createTokenStatusList({ length: snapshot.length, bits: snapshot.statusSize })
    for (const { index, value } of snapshot.entries) list.set(index, value)
    return (await issueStatusListToken({ issuer, uri: url, list, ttlMs, validForMs, clock })).token
  }
  const list = createStatusList({ length: snapshot.length, statusSize: snapshot.statusSize })
  for (const { index, value } of snapshot.entries) list.set(index, value)
  const credential = await createStatusListCredential({
    id: url,
    issuer: issuer.did,
    statusPurpose: snapshot.purpose,
    list,
    ttlMs,
  })
  return (await issueCredential({ issuer, credential, format, validFor: validForMs, clock })).token
}
