import {
  CivitasError,
  type DidDocument,
  type DidService,
  type VerificationMethod,
  type VerificationRelationship,
} from '@civitas/core'
import { encodeMultikey, importPublicJwk } from '@civitas/crypto'
import { MAX_VERIFICATION_METHODS } from '../internal/checkDidDocument.js'
import { didWebDocumentUrl } from './didWebDocumentUrl.js'

/** One key of a did:web document. A key store's `KeyInfo` fits as it is. */
export interface DidWebKey {
  /** The public key. */
  readonly publicJwk: unknown
  /** The method's fragment (after `#`); default the key's multikey, as did:key names it. */
  readonly fragment?: string
  /**
   * What the key may be used for; default `assertionMethod` and `authentication` for signing
   * keys, `keyAgreement` for X25519 keys.
   */
  readonly relationships?: readonly VerificationRelationship[]
}

/** Options for {@link createDidWebDocument}. */
export interface CreateDidWebDocumentOptions {
  /** The did:web DID the document is for. */
  did: string
  /** Its keys, at least one and at most 64. */
  keys: readonly DidWebKey[]
  /** How methods carry their keys: `Multikey` (default, as did:key) or `JsonWebKey2020` (as did:jwk). */
  type?: 'Multikey' | 'JsonWebKey2020'
  /** Service endpoints to publish. */
  services?: readonly DidService[]
}

const RELATIONSHIPS: readonly VerificationRelationship[] = [
  'authentication',
  'assertionMethod',
  'keyAgreement',
  'capabilityInvocation',
  'capabilityDelegation',
]
const FRAGMENT = /^[A-Za-z0-9._~-]{1,128}$/
const CONTEXT = {
  Multikey: 'https://w3id.org/security/multikey/v1',
  JsonWebKey2020: 'https://w3id.org/security/suites/jws-2020/v1',
} as const

/**
 * Builds the DID document an institution publishes for its did:web DID: one verification method
 * per key, referenced from the relationships each key is for. Serve it with
 * `createDidWebHandler`.
 *
 * Key rotation keeps credentials verifiable through it: publish the new key next to the old one
 * and sign with the new key; keep the old key under `assertionMethod` until every credential it
 * signed has expired (or been revoked); then publish the document without it. From then on a
 * credential signed with the old key no longer verifies (`ERR_VERIFICATION_METHOD_NOT_FOUND`).
 * Verifiers see each change once their cache of the document expires (the handler's
 * `Cache-Control: max-age`).
 *
 * @throws `ERR_DID_INVALID` for a DID that is not a valid did:web; `ERR_INVALID_ARGUMENT` for no
 *   or too many keys, a malformed or repeated fragment, an unknown relationship, or a relationship
 *   the key cannot serve (an X25519 key signing, an Ed25519 key agreeing keys); the codes of
 *   `importPublicJwk` (`ERR_JWK_INVALID`, `ERR_JWK_PRIVATE_MATERIAL`, …).
 * @see https://w3c-ccg.github.io/did-method-web/#create-register
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidWebDocument } from '@civitas/did/web'
 *
 * const keyStore = createMemoryKeyStore()
 * const key = await keyStore.createKey({ alg: 'ES256', id: 'seal-2026' })
 * const document = createDidWebDocument({
 *   did: 'did:web:city.example',
 *   keys: [{ publicJwk: key.publicJwk, fragment: 'seal-2026' }],
 * })
 * // document.assertionMethod: ['did:web:city.example#seal-2026']
 * ```
 */
export function createDidWebDocument(options: CreateDidWebDocumentOptions): DidDocument {
  const { did, keys, type = 'Multikey', services } = options
  didWebDocumentUrl(did)
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_VERIFICATION_METHODS) {
    argument(`keys: expected 1 to ${MAX_VERIFICATION_METHODS} keys`)
  }
  if (type !== 'Multikey' && type !== 'JsonWebKey2020') argument('type: expected Multikey or JsonWebKey2020')
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', CONTEXT[type]],
    id: did,
    verificationMethod: [],
  }
  const seen = new Set<string>()
  const lists = new Map<VerificationRelationship, string[]>()
  for (const key of keys) {
    const publicJwk = importPublicJwk(key?.publicJwk)
    const multikey = encodeMultikey(publicJwk)
    const fragment = key.fragment ?? multikey
    if (!FRAGMENT.test(fragment)) argument('fragment: expected 1 to 128 URL-safe characters')
    if (seen.has(fragment)) argument(`fragment: #${fragment} is used twice`)
    seen.add(fragment)
    const id = `${did}#${fragment}`
    const method: VerificationMethod =
      type === 'Multikey'
        ? { id, type, controller: did, publicKeyMultibase: multikey }
        : { id, type, controller: did, publicKeyJwk: publicJwk }
    document.verificationMethod?.push(method)
    const agrees = publicJwk.crv === 'X25519'
    const relationships =
      key.relationships ?? (agrees ? ['keyAgreement'] : ['assertionMethod', 'authentication'])
    for (const relationship of relationships) {
      if (!RELATIONSHIPS.includes(relationship)) argument(`relationships: unknown ${String(relationship)}`)
      if ((relationship === 'keyAgreement') !== agrees && publicJwk.kty === 'OKP') {
        argument(`relationships: a ${publicJwk.crv} key cannot serve ${relationship}`)
      }
      lists.set(relationship, [...(lists.get(relationship) ?? []), id])
    }
  }
  for (const [relationship, ids] of lists) document[relationship] = ids
  if (services !== undefined) document.service = [...services]
  return document
}

function argument(message: string): never {
  throw new CivitasError('ERR_INVALID_ARGUMENT', message)
}
