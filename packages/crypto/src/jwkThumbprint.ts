import { encodeBase64url, encodeUtf8, type PublicJwk } from '@civitas/core'

/**
 * The RFC 7638 JWK thumbprint: base64url of SHA-256 over the required members in lexicographic
 * order (`crv`, `kty`, `x` and, for EC keys, `y`). Private members never enter it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7638#section-3
 * @example
 * ```ts
 * import { jwkThumbprint } from '@civitas/crypto'
 *
 * const id = await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
 * // 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k'
 * ```
 */
export async function jwkThumbprint(jwk: PublicJwk): Promise<string> {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x }
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    encodeUtf8(JSON.stringify(members)) as BufferSource,
  )
  return encodeBase64url(new Uint8Array(digest))
}
