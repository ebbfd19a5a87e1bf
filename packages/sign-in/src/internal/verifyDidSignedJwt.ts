import { CivitasError, type JsonObject } from '@civitas/core'
import { decodeJws, verifyJws } from '@civitas/crypto'
import { type Resolvable, resolveVerificationKey } from '@civitas/did'

/**
 * Verifies a JWT signed by a key of `did` listed under `authentication`: the header's `kid` must be
 * an absolute DID URL of that DID. Request objects and SIOPv2 ID tokens are both checked this way;
 * `did` may be read from the strictly decoded, not yet verified claims (an ID token's `sub`).
 *
 * @throws `mismatch` when `kid` names another DID's key; the codes of JWS decoding, DID resolution and signatures.
 */
export async function verifyDidSignedJwt(options: {
  token: string
  did: string | ((claims: JsonObject) => string)
  typ: string
  resolver: Resolvable
  maxLength: number
  mismatch: 'ERR_REQUEST_INVALID' | 'ERR_HOLDER_MISMATCH'
}): Promise<JsonObject> {
  const decoded = decodeJws(options.token, { maxLength: options.maxLength })
  if (decoded.header.typ !== options.typ) {
    throw new CivitasError('ERR_TOKEN_TYPE_INVALID', `expected a JWT of typ ${options.typ}`)
  }
  const did = typeof options.did === 'string' ? options.did : options.did(decoded.payload)
  const kid = decoded.header.kid
  if (typeof kid !== 'string' || !kid.startsWith(`${did}#`)) {
    throw new CivitasError(options.mismatch, `the signing key is not a key of ${did.slice(0, 120)}`, {
      details: { kid: String(kid).slice(0, 200) },
    })
  }
  const { publicJwk } = await resolveVerificationKey({
    resolver: options.resolver,
    kid,
    did,
    relationship: 'authentication',
  })
  await verifyJws(decoded, { publicJwk })
  return decoded.payload
}
