import {
  CivitasError,
  type DidDocument,
  decodeBase64url,
  decodeUtf8,
  type JsonValue,
  parseJson,
  type VerificationRelationship,
} from '@civitas/core'
import { importPublicJwk } from '@civitas/crypto'

/** did:jwk identifiers longer than this are refused: a public JWK needs far less. */
export const MAX_DID_JWK_LENGTH = 2800
const SIGNING: readonly VerificationRelationship[] = [
  'assertionMethod',
  'authentication',
  'capabilityInvocation',
  'capabilityDelegation',
]

/**
 * Expands a did:jwk into its DID document: one method `#0` holding the JWK exactly as encoded;
 * `use: "enc"` keys get only `keyAgreement`, `use: "sig"` keys everything else, keys without `use`
 * all five relationships.
 *
 * @throws `ERR_DID_INVALID` (with `details.error` the DID Resolution error name) for bad encoding,
 *   private key material, an unsupported or invalid key, or an oversized identifier.
 */
export function didJwkDocument(did: string): DidDocument {
  if (did.length > MAX_DID_JWK_LENGTH) invalid('invalidDid', `longer than ${MAX_DID_JWK_LENGTH} characters`)
  if (!did.startsWith('did:jwk:')) invalid('invalidDid', 'not a did:jwk')
  let value: JsonValue
  try {
    value = parseJson(decodeUtf8(decodeBase64url(did.slice('did:jwk:'.length), { name: 'did:jwk' })), {
      maxDepth: 4,
    })
  } catch (cause) {
    invalid('invalidDid', 'the identifier is not base64url-encoded JSON', cause)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid('invalidDid', 'not a JWK object')
  try {
    importPublicJwk(value)
  } catch (cause) {
    invalid('invalidPublicKey', cause instanceof Error ? cause.message : 'invalid JWK', cause)
  }
  const use = value.use
  if (use !== undefined && use !== 'sig' && use !== 'enc')
    invalid('invalidPublicKey', 'JWK "use" must be "sig" or "enc"')
  if (value.crv === 'X25519' && use === 'sig') invalid('invalidPublicKey', 'an X25519 key cannot sign')
  const id = `${did}#0`
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk: value }],
  }
  const signs = use !== 'enc' && value.crv !== 'X25519'
  if (signs) for (const relationship of SIGNING) document[relationship] = [id]
  if (use !== 'sig') document.keyAgreement = [id]
  return document
}

function invalid(error: string, message: string, cause?: unknown): never {
  throw new CivitasError('ERR_DID_INVALID', `did:jwk: ${message}`, {
    details: { error },
    ...(cause === undefined ? {} : { cause }),
  })
}
