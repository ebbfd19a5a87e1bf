import {
  CivitasError,
  type Did,
  type PublicJwk,
  type VerificationMethod,
  type VerificationRelationship,
} from '@civitas/core'
import { createSigner } from '@civitas/crypto'
import {
  findVerificationMethod,
  type Identity,
  publicJwkFromVerificationMethod,
  type Resolvable,
  resolveDidDocument,
} from '@civitas/did'
import type { IDIDManager, IIdentifier, IKeyManager, TAgent } from '@veramo/core'
import { createVeramoKeyStore } from '../createVeramoKeyStore.js'

/** What {@link agentIdentity} needs to pick a key. */
export interface AgentIdentityOptions {
  agent: TAgent<IKeyManager & IDIDManager>
  resolver: Resolvable
  did: string
  relationship: VerificationRelationship
  /** The Veramo `kid` of the key to use; by default the first of the identifier's keys that fits. */
  keyRef?: string | undefined
}

/**
 * A Civitas {@link Identity} for a DID the agent manages: the DID document is resolved, and the
 * identity signs with the first of the identifier's keys whose public key a verification method under
 * `relationship` names, through the agent's key manager. The `kid` is that method's DID URL.
 *
 * @throws `ERR_DID_NOT_FOUND` when the agent does not manage `did`; the resolver's codes;
 *   `ERR_VERIFICATION_METHOD_NOT_FOUND` when none of its keys (or not `keyRef`) is under `relationship`.
 */
export async function agentIdentity(options: AgentIdentityOptions): Promise<Identity> {
  const { agent, resolver, did, relationship, keyRef } = options
  assertDid(did)
  if (keyRef !== undefined && (typeof keyRef !== 'string' || keyRef.length === 0)) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'keyRef: expected the kid of one of the agent keys')
  }
  let identifier: IIdentifier
  try {
    identifier = await agent.didManagerGet({ did })
  } catch (cause) {
    throw new CivitasError('ERR_DID_NOT_FOUND', `${did.slice(0, 80)} is not managed by this Veramo agent`, {
      cause,
    })
  }
  const document = await resolveDidDocument(resolver, did)
  const methods = listedMethods(document, relationship)
  for (const key of identifier.keys) {
    if (keyRef !== undefined && key.kid !== keyRef) continue
    const keyStore = createVeramoKeyStore({ agent, kms: key.kms })
    const info = await keyStore.getKey(key.kid)
    if (info === undefined) continue
    const method = methods.find(({ publicJwk }) => sameKey(publicJwk, info.publicJwk))
    if (method === undefined) continue
    return { did, kid: method.id, signer: await createSigner({ keyStore, keyId: info.id, kid: method.id }) }
  }
  throw new CivitasError(
    'ERR_VERIFICATION_METHOD_NOT_FOUND',
    `no ${keyRef === undefined ? '' : `key ${keyRef.slice(0, 80)} `}of ${did.slice(0, 80)} in this agent is listed under ${relationship}`,
    { details: { did: did.slice(0, 200), relationship } },
  )
}

interface ListedMethod {
  id: string
  publicJwk: PublicJwk
}

function listedMethods(
  document: Awaited<ReturnType<typeof resolveDidDocument>>,
  relationship: VerificationRelationship,
): ListedMethod[] {
  const entries: unknown[] = Array.isArray(document[relationship]) ? document[relationship] : []
  return entries.flatMap((entry) => {
    const ref = typeof entry === 'string' ? entry : (entry as VerificationMethod | null)?.id
    if (typeof ref !== 'string') return []
    try {
      const method = findVerificationMethod(document, ref, relationship)
      const id = method.id.startsWith('#') ? `${document.id}${method.id}` : method.id
      return [{ id, publicJwk: publicJwkFromVerificationMethod(method) }]
    } catch {
      return []
    }
  })
}

function sameKey(a: PublicJwk, b: PublicJwk): boolean {
  return (
    a.kty === b.kty && a.crv === b.crv && a.x === b.x && (a.kty === 'OKP' || (b.kty === 'EC' && a.y === b.y))
  )
}

function assertDid(did: unknown): asserts did is Did {
  if (typeof did !== 'string' || !/^did:[a-z0-9]+:./.test(did)) {
    throw new CivitasError('ERR_DID_INVALID', 'DID: expected a string did:<method>:<id>')
  }
}
