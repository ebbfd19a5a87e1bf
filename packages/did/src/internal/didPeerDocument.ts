import {
  CivitasError,
  type DidDocument,
  decodeBase64urlJson,
  encodeUtf8,
  isCivitasError,
  type JsonObject,
} from '@civitas/core'
import { decodeMultikey } from '@civitas/crypto'
import { sha256 } from '@noble/hashes/sha2.js'
import { base58btc } from 'multiformats/bases/base58'
import { didKeyDocument, ERROR_OF_REASON } from './didKeyDocument.js'
import { didPeer4Document } from './didPeer4Document.js'
import { expandPeerService } from './didPeerServices.js'

/** Longest did:peer Civitas resolves: room for a few keys and services, not a document smuggled in. */
export const MAX_DID_PEER_LENGTH = 4096
const MAX_ELEMENTS = 32

/** did:peer:2 purpose codes and the verification relationship each one fills. */
const PURPOSES: Record<string, string> = {
  A: 'assertionMethod',
  E: 'keyAgreement',
  V: 'authentication',
  I: 'capabilityInvocation',
  D: 'capabilityDelegation',
}

/**
 * The DID document of a did:peer:0 (the did:key document under the did:peer:0 DID), did:peer:4
 * (long form, see ./didPeer4Document.ts) or did:peer:2
 * (its keys as `#key-N` Multikey methods in DID order, its services with `#service`, `#service-1`…
 * ids where they have none, and `alsoKnownAs` its did:peer:3 short form).
 *
 * @see https://identity.foundation/peer-did-method-spec/#generation-method
 * @throws a `CivitasError` `ERR_DID_INVALID` whose `details.error` is the DID Resolution error name.
 */
export function didPeerDocument(did: string): DidDocument {
  if (did.length > MAX_DID_PEER_LENGTH) invalid('invalidDid', 'too long')
  if (did.startsWith('did:peer:0')) return peer0Document(did)
  if (did.startsWith('did:peer:2.')) return peer2Document(did)
  if (did.startsWith('did:peer:4')) return didPeer4Document(did)
  return invalid('invalidDid', 'only numalgo 0, 2 and 4 are supported')
}

function peer0Document(did: string): DidDocument {
  const multibase = did.slice('did:peer:0'.length)
  const keyDid = `did:key:${multibase}`
  let document: DidDocument
  try {
    document = didKeyDocument(keyDid)
  } catch (error) {
    const name = isCivitasError(error) ? String(error.details?.error ?? 'invalidDid') : 'invalidDid'
    return invalid(
      name,
      error instanceof Error ? error.message.replace('did:key', 'did:peer:0') : 'invalid key',
    )
  }
  // Every string in the did:key document that names the DID names the did:peer:0 DID instead.
  return JSON.parse(JSON.stringify(document).replaceAll(keyDid, did)) as DidDocument
}

function peer2Document(did: string): DidDocument {
  const elements = did.slice('did:peer:2.'.length).split('.')
  if (elements.length > MAX_ELEMENTS) invalid('invalidDid', `more than ${MAX_ELEMENTS} elements`)
  const relationships: Record<string, string[]> = {}
  const methods: JsonObject[] = []
  const services: JsonObject[] = []
  for (const element of elements) {
    const purpose = element.charAt(0)
    const body = element.slice(1)
    if (purpose === 'S') {
      services.push(decodeService(body))
      continue
    }
    const relationship = PURPOSES[purpose]
    if (relationship === undefined) invalid('invalidDid', `unknown purpose code ${purpose.slice(0, 4)}`)
    checkKey(body, purpose)
    const id = `#key-${methods.length + 1}`
    methods.push({ id, type: 'Multikey', controller: did, publicKeyMultibase: body })
    relationships[relationship] = [...(relationships[relationship] ?? []), id]
  }
  if (methods.length === 0) invalid('invalidDid', 'no keys')
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: methods,
    ...relationships,
    ...(services.length > 0 ? { service: numberServices(services) } : {}),
    alsoKnownAs: [peer3Of(did)],
  } as unknown as DidDocument
}

/** Decodes a key and refuses one that cannot serve its purpose (an X25519 key never signs). */
function checkKey(multibase: string, purpose: string): void {
  let crv: string
  try {
    crv = decodeMultikey(multibase).crv
  } catch (error) {
    const reason = isCivitasError(error) ? String(error.details?.reason) : 'multibase'
    const name = ERROR_OF_REASON[reason] ?? 'invalidDid'
    invalid(name, error instanceof Error ? error.message : 'invalid key')
  }
  if (crv === 'X25519' && purpose !== 'E') {
    invalid('invalidPublicKeyType', 'an X25519 key can only be a key agreement (E) key')
  }
}

function decodeService(body: string): JsonObject {
  let decoded: unknown
  try {
    decoded = decodeBase64urlJson(body, { name: 'did:peer:2 service', maxLength: MAX_DID_PEER_LENGTH })
  } catch (error) {
    return invalid('invalidDid', error instanceof Error ? error.message : 'invalid service')
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    invalid('invalidDid', 'a service is not a JSON object')
  }
  const service = expandPeerService(decoded as JsonObject)
  if (service.id !== undefined && (typeof service.id !== 'string' || !service.id.startsWith('#'))) {
    invalid('invalidDid', 'a service id must be relative (#…)')
  }
  if (typeof service.type !== 'string' && !Array.isArray(service.type))
    invalid('invalidDid', 'a service has no type')
  return service
}

/** Services without an id get `#service`, then `#service-1`, `#service-2`… in DID order. */
function numberServices(services: JsonObject[]): JsonObject[] {
  let unnamed = 0
  return services.map((service) => {
    if (service.id !== undefined) return service
    const id = unnamed === 0 ? '#service' : `#service-${unnamed}`
    unnamed++
    return { ...service, id }
  })
}

/** The did:peer:3 form: base58btc multihash (SHA-256) of the did:peer:2 DID without `did:peer:2`. */
function peer3Of(did: string): string {
  const digest = sha256(encodeUtf8(did.slice('did:peer:2'.length)))
  return `did:peer:3${base58btc.encode(Uint8Array.of(0x12, 0x20, ...digest))}`
}

function invalid(error: string, message: string): never {
  throw new CivitasError('ERR_DID_INVALID', `did:peer: ${message}`, { details: { error } })
}
