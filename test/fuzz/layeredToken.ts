import { createHash } from 'node:crypto'
import type { JsonObject } from '@civitas/core'
import { encodeBase64url, encodeUtf8 } from '@civitas/core'
import type { Signer } from '@civitas/crypto'

/** One signed JWT of a token: its header and claims as JSON text, and the key that signs it. */
export interface JwtLayer {
  header: string
  payload: string
  signer: Signer
}

/**
 * A token taken apart into what each party signed, so a claim can be changed and everything above it
 * signed again with the right keys: the issuer's JWT, an SD-JWT's disclosures, and the holder's
 * envelope (a `vp+jwt` / `jwt_vc_json` presentation embedding the credential, or an SD-JWT key-binding JWT).
 */
export interface LayeredToken {
  credential: JwtLayer
  /** Encoded disclosures of an SD-JWT, in order; absent for JWT credentials. */
  disclosures?: string[]
  envelope?: { kind: 'presentation' | 'keyBinding'; layer: JwtLayer }
}

/** The parts of a compact JWS as JSON text. */
export function splitJwt(jwt: string): { header: string; payload: string } {
  const [header = '', payload = ''] = jwt.split('.')
  return {
    header: Buffer.from(header, 'base64url').toString(),
    payload: Buffer.from(payload, 'base64url').toString(),
  }
}

/** base64url(SHA-256(text)): SD-JWT disclosure digests and `sd_hash`. */
export function sdDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

/** Signs header and payload JSON text exactly as given (duplicate members and all). */
export async function signJwtText(layer: JwtLayer): Promise<string> {
  const input = `${encodeBase64url(encodeUtf8(layer.header))}.${encodeBase64url(encodeUtf8(layer.payload))}`
  return `${input}.${encodeBase64url(await layer.signer.sign(encodeUtf8(input)))}`
}

/** Takes a token apart; `credentialSigner` and `holderSigner` are the keys that signed it. */
export function layerToken(
  token: string,
  credentialSigner: Signer,
  holderSigner: Signer,
  embedded?: string,
): LayeredToken {
  if (token.includes('~')) {
    const parts = token.split('~')
    const last = parts.pop() as string
    const [jwt = '', ...disclosures] = parts
    return {
      credential: { ...splitJwt(jwt), signer: credentialSigner },
      disclosures,
      ...(last === ''
        ? {}
        : { envelope: { kind: 'keyBinding', layer: { ...markSdHash(last), signer: holderSigner } } }),
    }
  }
  if (embedded === undefined) return { credential: { ...splitJwt(token), signer: credentialSigner } }
  return {
    credential: { ...splitJwt(embedded), signer: credentialSigner },
    envelope: { kind: 'presentation', layer: { ...splitJwt(token), signer: holderSigner } },
  }
}

/**
 * Signs a layered token again from the bottom up: the credential, its disclosures, then the envelope
 * with the new credential in place of `embedded` (presentations) or a new `sd_hash` (key binding).
 */
export async function assembleToken(layered: LayeredToken, embedded?: string): Promise<string> {
  const credential = await signJwtText(layered.credential)
  const sdJwt =
    layered.disclosures === undefined ? credential : `${[credential, ...layered.disclosures].join('~')}~`
  const envelope = layered.envelope
  if (envelope === undefined) return sdJwt
  if (envelope.kind === 'keyBinding') {
    // A rule that set its own sd_hash keeps it; otherwise it follows the presented SD-JWT.
    const payload = envelope.layer.payload.replace(`"${SD_HASH_MARK}"`, JSON.stringify(sdDigest(sdJwt)))
    return sdJwt + (await signJwtText({ ...envelope.layer, payload }))
  }
  const payload =
    embedded === undefined ? envelope.layer.payload : envelope.layer.payload.split(embedded).join(sdJwt)
  return signJwtText({ ...envelope.layer, payload })
}

/** The `sd_hash` a layered key-binding JWT carries until it is assembled over the presented SD-JWT. */
const SD_HASH_MARK = '<sd_hash>'

function markSdHash(kbJwt: string): { header: string; payload: string } {
  const { header, payload } = splitJwt(kbJwt)
  return {
    header,
    payload: JSON.stringify({ ...(JSON.parse(payload) as JsonObject), sd_hash: SD_HASH_MARK }),
  }
}
