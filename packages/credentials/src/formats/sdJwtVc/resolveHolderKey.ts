import { CivitasError, type PublicJwk } from '@civitas/core'
import { algorithmForJwk, importPublicJwk } from '@civitas/crypto'
import {
  findVerificationMethod,
  publicJwkFromVerificationMethod,
  type Resolvable,
  resolveDidDocument,
  resolveVerificationKey,
} from '@civitas/did'

/**
 * The key an SD-JWT VC binds its holder to (`cnf.jwk`): a public JWK as given, the key a DID URL
 * names under `authentication`, or a DID's first `authentication` key Civitas can sign with.
 *
 * @throws `ERR_INVALID_ARGUMENT` without a holder; `ERR_JWK_*`; the codes of DID resolution;
 *   `ERR_VERIFICATION_METHOD_NOT_FOUND` when the DID has no usable authentication key.
 */
export async function resolveHolderKey(
  holder: string | PublicJwk | undefined,
  resolver: Resolvable,
): Promise<PublicJwk> {
  if (holder === undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'holder: an SD-JWT VC is bound to its holder; give a DID, a DID URL or a public JWK (or a DID sub)',
    )
  }
  if (typeof holder !== 'string') return importPublicJwk(holder)
  if (holder.includes('#')) {
    return (await resolveVerificationKey({ resolver, kid: holder, relationship: 'authentication' })).publicJwk
  }
  const document = await resolveDidDocument(resolver, holder)
  for (const entry of document.authentication ?? []) {
    try {
      const id = typeof entry === 'string' ? entry : entry.id
      const publicJwk = await publicJwkFromVerificationMethod(
        findVerificationMethod(document, id, 'authentication'),
      )
      algorithmForJwk(publicJwk)
      return publicJwk
    } catch {
      // A key Civitas cannot sign with cannot bind a holder; try the next.
    }
  }
  throw new CivitasError(
    'ERR_VERIFICATION_METHOD_NOT_FOUND',
    `${holder.slice(0, 120)} has no signing key under authentication`,
  )
}
