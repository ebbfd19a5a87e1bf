import { CivitasError, type JsonObject } from '@civitas/core'
import { createSigner, encodeMultikey } from '@civitas/crypto'
import { encodePeerService } from '../internal/didPeerServices.js'
import { identityKey } from '../internal/identityKey.js'
import type { CreateDidOptions } from '../key/createDidKey.js'
import type { Identity } from '../types.js'

/** Options for {@link createDidPeer}. */
export interface CreateDidPeerOptions extends CreateDidOptions {
  /**
   * `0`: the key alone, like did:key. `2` (default): the key for authentication and assertion, and
   * `services`. `4`: the same document in long form (`did:peer:4<hash>:<document>`).
   */
  numalgo?: 0 | 2 | 4
  /** did:peer:2 and 4: services to encode, each with a relative `id` (`#…`) or none. */
  services?: readonly JsonObject[]
}

/**
 * Creates a did:peer identity for one relationship: a new key in the store (or an existing one by
 * `keyId`), its DID and a signer whose `kid` is the key's DID URL. A did:peer:2 lists the key under
 * authentication (`V`, `#key-1`, which signs presentations and sign-in answers) and assertion (`A`,
 * `#key-2`, the same key), then its services; a did:peer:4 carries a document with the key as
 * `#key-1` for both, and the services.
 *
 * @see https://identity.foundation/peer-did-method-spec/#generating-a-didpeer2
 * @throws `ERR_KEY_NOT_FOUND` for an unknown `keyId`; the key store's codes for `createKey`;
 *   `ERR_INVALID_ARGUMENT` for services with `numalgo: 0`, or a service that does not encode into a
 *   valid did:peer:2 (an absolute id, no type, too long).
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createDidPeer } from '@civitas/did/peer'
 *
 * const holder = await createDidPeer({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
 * console.log(holder.did) // did:peer:2.Vz…
 * ```
 */
export async function createDidPeer(options: CreateDidPeerOptions): Promise<Identity> {
  const numalgo = options.numalgo ?? 2
  const services = options.services ?? []
  if (numalgo === 0 && services.length > 0) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'services: a did:peer:0 cannot carry services; use numalgo 2',
    )
  }
  const key = await identityKey(options)
  const multikey = encodeMultikey(key.publicJwk)
  if (numalgo === 0) {
    const did = `did:peer:0${multikey}` as const
    return {
      did,
      kid: `${did}#${multikey}`,
      signer: await createSigner({ keyStore: options.keyStore, keyId: key.id, kid: `${did}#${multikey}` }),
    }
  }
  if (numalgo === 4) return createDidPeer4(options.keyStore, key.id, multikey, services)
  const did =
    `did:peer:2.V${multikey}.A${multikey}${services.map((service) => `.S${encodePeerService(service)}`).join('')}` as const
  const { didPeerDocument } = await import('../internal/didPeerDocument.js')
  try {
    didPeerDocument(did)
  } catch (cause) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'services: they do not encode into a valid did:peer:2', {
      cause,
    })
  }
  const kid = `${did}#key-1`
  return { did, kid, signer: await createSigner({ keyStore: options.keyStore, keyId: key.id, kid }) }
}

/** A did:peer:4 (long form) whose document lists the key for authentication and assertion. */
async function createDidPeer4(
  keyStore: CreateDidOptions['keyStore'],
  keyId: string,
  multikey: string,
  services: readonly JsonObject[],
): Promise<Identity> {
  const { encodePeer4Document, peer4HashOf } = await import('../internal/didPeer4Document.js')
  const encoded = encodePeer4Document({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    verificationMethod: [{ id: '#key-1', type: 'Multikey', publicKeyMultibase: multikey }],
    authentication: ['#key-1'],
    assertionMethod: ['#key-1'],
    ...(services.length > 0 ? { service: [...services] } : {}),
  })
  const did = `did:peer:4${peer4HashOf(encoded)}:${encoded}` as const
  const kid = `${did}#key-1`
  return { did, kid, signer: await createSigner({ keyStore, keyId, kid }) }
}
