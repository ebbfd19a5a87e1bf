import { CivitasError, type DidDocument, isCivitasError } from '@civitas/core'
import { decodeMultikey, ed25519ToX25519PublicJwk, encodeMultikey } from '@civitas/crypto'

const SIGNING_RELATIONSHIPS = [
  'authentication',
  'assertionMethod',
  'capabilityInvocation',
  'capabilityDelegation',
] as const
const MAX_DID_KEY_LENGTH = 256

/** The DID Resolution error name for each way a multikey can be wrong (`decodeMultikey`'s `details.reason`). */
export const ERROR_OF_REASON: Record<string, string> = {
  multibase: 'invalidDid',
  codec: 'invalidPublicKeyType',
  length: 'invalidPublicKeyLength',
  point: 'invalidPublicKey',
}

/**
 * Expands a did:key into its DID document (Multikey format of the did:key spec, with the X25519
 * key derived from an Ed25519 key, or the EC key itself, under `keyAgreement`).
 *
 * @throws a `CivitasError` `ERR_DID_INVALID` whose `details.error` is the DID Resolution error name.
 */
export function didKeyDocument(did: string): DidDocument {
  if (did.length > MAX_DID_KEY_LENGTH || !did.startsWith('did:key:')) invalid('invalidDid', 'not a did:key')
  const multibase = did.slice('did:key:'.length)
  let jwk: ReturnType<typeof decodeMultikey>
  try {
    jwk = decodeMultikey(multibase)
  } catch (error) {
    const reason = isCivitasError(error) ? String(error.details?.reason) : 'multibase'
    invalid(ERROR_OF_REASON[reason] ?? 'invalidDid', error instanceof Error ? error.message : 'invalid key')
  }
  const id = `${did}#${multibase}`
  const method = { id, type: 'Multikey', controller: did, publicKeyMultibase: multibase }
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [method],
  }
  if (jwk.crv === 'X25519') return { ...document, keyAgreement: [id] }
  for (const relationship of SIGNING_RELATIONSHIPS) document[relationship] = [id]
  // EC keys agree keys with themselves (ECDH); Ed25519 keys through their derived X25519 key.
  if (jwk.kty === 'EC') document.keyAgreement = [id]
  else {
    const agreement = encodeMultikey(ed25519ToX25519PublicJwk(jwk))
    const agreementId = `${did}#${agreement}`
    document.verificationMethod?.push({
      id: agreementId,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: agreement,
    })
    document.keyAgreement = [agreementId]
  }
  return document
}

function invalid(error: string, message: string): never {
  throw new CivitasError('ERR_DID_INVALID', `did:key: ${message}`, { details: { error } })
}
