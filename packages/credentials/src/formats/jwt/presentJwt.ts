import { CivitasError, decodeBase64urlJson, type JsonObject, systemClock } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { CreatePresentationOptions, CreatePresentationResult, CredentialFormat } from '../../types.js'

/**
 * Signs a JWT presentation bound to `audience` and `nonce`: `vp+jwt` (VC 2.0, credentials as
 * `EnvelopedVerifiableCredential` data URLs) or `jwt_vc_json` (a `vp` claim).
 *
 * @throws the codes of `createPresentation` for JWT presentations.
 */
export async function presentJwt(
  format: Extract<CredentialFormat, 'vc+jwt' | 'jwt_vc_json'>,
  options: CreatePresentationOptions,
): Promise<CreatePresentationResult> {
  const { holder, credentials, audience, nonce, validFor = 5 * 60_000 } = options
  if (format === 'vc+jwt') credentials.forEach(checkEnvelopable)
  const iat = Math.floor((options.clock ?? systemClock)() / 1000)
  const binding: JsonObject = {
    iss: holder.did,
    ...(audience === undefined ? {} : { aud: audience }),
    ...(nonce === undefined ? {} : { nonce }),
    iat,
    exp: iat + Math.ceil(validFor / 1000),
  }
  const payload: JsonObject =
    format === 'vc+jwt'
      ? {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: holder.did,
          verifiableCredential: credentials.map((token) => ({
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            id: `data:application/vc+jwt,${token}`,
            type: 'EnvelopedVerifiableCredential',
          })),
          ...binding,
        }
      : {
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            verifiableCredential: [...credentials],
          },
          ...binding,
        }
  const typ = format === 'vc+jwt' ? 'vp+jwt' : 'JWT'
  return {
    token: await signJws({ header: { typ, kid: holder.kid }, payload, signer: holder.signer }),
    format,
  }
}

/** A `vp+jwt` labels each credential `application/vc+jwt`, so only a `vc+jwt` may go in. */
function checkEnvelopable(token: string, index: number): void {
  let typ: unknown
  try {
    typ = (decodeBase64urlJson(token.slice(0, Math.max(0, token.indexOf('.')))) as JsonObject).typ
  } catch {
    typ = undefined
  }
  if (typ !== 'vc+jwt') {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `credentials[${index}]: a vp+jwt envelopes vc+jwt credentials only; present others with their own format`,
    )
  }
}
