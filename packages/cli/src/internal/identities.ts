import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { CivitasError, parseJson } from '@civitas/core'
import { createSigner, type KeyStore } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { usageError } from './failure.js'

/** An identity made by `civitas did create`: public facts only, the key stays in the key store. */
export interface IdentityRecord {
  did: string
  /** The DID URL of the signing key. */
  kid: string
  /** The key's id in the key store. */
  keyId: string
  method: 'key' | 'jwk' | 'web' | 'ethr'
  /** did:ethr: the network the DID was made for. */
  network?: { name?: string; chainId: string; rpcUrl?: string; registry?: string }
}

/** The identities of a key store live next to it, in plain JSON: `<store>.dids.json`. */
export function identitiesPath(store: string): string {
  return `${resolve(store)}.dids.json`
}

/** Reads the identities file; none yet is an empty list. */
export async function loadIdentities(store: string): Promise<IdentityRecord[]> {
  let text: string
  try {
    text = await readFile(identitiesPath(store), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const parsed = parseJson(text, { name: 'identities file' }) as { identities?: IdentityRecord[] }
  if (!Array.isArray(parsed?.identities)) {
    throw new CivitasError('ERR_KEY_STORE_CORRUPT', `${identitiesPath(store)} is not an identities file`)
  }
  return parsed.identities
}

/** Adds (or replaces, by DID) an identity and rewrites the file atomically. */
export async function saveIdentity(store: string, record: IdentityRecord): Promise<void> {
  const identities = (await loadIdentities(store)).filter((known) => known.did !== record.did)
  identities.push(record)
  const path = identitiesPath(store)
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, `${JSON.stringify({ version: 1, identities }, null, 2)}\n`, { mode: 0o600 })
  await rename(temporary, path)
}

/**
 * Finds an identity by DID URL, DID or key id; with no reference, the only identity there is. `flag`
 * is the option that names one (`--issuer-key`, `--holder`), for the message when none is named.
 */
export async function findIdentity(
  store: string,
  reference: string | undefined,
  flag: string,
): Promise<IdentityRecord> {
  const identities = await loadIdentities(store)
  if (reference === undefined) {
    if (identities.length === 1) return identities[0] as IdentityRecord
    throw usageError(
      identities.length === 0
        ? `no identity in the key store ${store} yet: create one with \`civitas did create key\``
        : `${identities.length} identities in the key store ${store}: name one with ${flag} <DID or key id> (\`civitas did list\` shows them)`,
    )
  }
  const found =
    identities.find((record) => record.kid === reference) ??
    identities.find((record) => record.did === reference) ??
    identities.find((record) => record.keyId === reference)
  if (found === undefined) {
    throw usageError(
      `${flag} ${reference}: no such identity in the key store ${store}; \`civitas did list\` shows them`,
    )
  }
  return found
}

/** The signing identity of a record, with a signer over the key store. */
export async function identityOf(keyStore: KeyStore, record: IdentityRecord): Promise<Identity> {
  const signer = await createSigner({ keyStore, keyId: record.keyId, kid: record.kid })
  return { did: record.did as Identity['did'], kid: record.kid as Identity['kid'], signer }
}
