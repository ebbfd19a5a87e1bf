/**
 * The same compact JWT with `nbf` and `iat` moved one second back (0 when absent) and the signature
 * kept: a token whose signature no longer covers its claims.
 */
export function tamperJwt(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  const altered = { ...claims, nbf: (claims.nbf ?? 0) - 1, iat: (claims.iat ?? 0) - 1 }
  return `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`
}
