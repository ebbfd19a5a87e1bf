import { CivitasError, type JsonValue } from '@civitas/core'
import type { DcqlClaimQuery, DcqlCredentialQuery, DcqlQuery } from '../types.js'

const FORMATS: readonly string[] = ['jwt_vc_json', 'vc+jwt', 'dc+sd-jwt']
const QUERY_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Checks a DCQL query's shape: 1 to 16 credential queries with distinct ids, a supported format,
 * `meta.type_values` (W3C) or `meta.vct_values` (SD-JWT) as lists of names, and claim paths: into
 * `credentialSubject` for W3C formats, names and indexes only for SD-JWT (they say what to disclose).
 *
 * @throws `code` (`ERR_INVALID_ARGUMENT` for a relying party's own query, `ERR_REQUEST_INVALID` for a received one).
 */
export function readDcqlQuery(
  value: unknown,
  code: 'ERR_INVALID_ARGUMENT' | 'ERR_REQUEST_INVALID',
): DcqlQuery {
  const fail = (what: string): never => {
    throw new CivitasError(code, `dcql_query: ${what}`)
  }
  const credentials = (value as { credentials?: unknown } | null)?.credentials
  if (!Array.isArray(credentials) || credentials.length === 0 || credentials.length > 16) {
    fail('expected 1 to 16 credential queries')
  }
  const ids = new Set<string>()
  for (const query of credentials as DcqlCredentialQuery[]) {
    if (typeof query?.id !== 'string' || !QUERY_ID.test(query.id) || ids.has(query.id)) {
      fail('each credential query needs a distinct id of letters, digits, _ and -')
    }
    ids.add(query.id)
    if (!FORMATS.includes(query.format)) fail(`format must be one of ${FORMATS.join(', ')}`)
    const typeValues = query.meta?.type_values
    if (
      typeValues !== undefined &&
      (!Array.isArray(typeValues) ||
        !typeValues.every((set) => Array.isArray(set) && set.every((type) => typeof type === 'string')))
    ) {
      fail('meta.type_values must be lists of type names')
    }
    const vctValues = query.meta?.vct_values
    if (
      vctValues !== undefined &&
      (!Array.isArray(vctValues) || !vctValues.every((vct) => typeof vct === 'string'))
    ) {
      fail('meta.vct_values must be a list of strings')
    }
    if (query.claims !== undefined && (!Array.isArray(query.claims) || query.claims.length > 64)) {
      fail('claims must be a list of up to 64 claim queries')
    }
    for (const claim of query.claims ?? []) {
      const path = claim?.path
      const sdJwt = query.format === 'dc+sd-jwt'
      if (
        !Array.isArray(path) ||
        path.length < (sdJwt ? 1 : 2) ||
        path.length > 16 ||
        (!sdJwt && path[0] !== 'credentialSubject') ||
        !path.every(
          (step) => (step === null && !sdJwt) || typeof step === 'string' || Number.isSafeInteger(step),
        )
      ) {
        fail(
          sdJwt
            ? 'each dc+sd-jwt claim path must hold 1 to 16 names or indexes'
            : 'each claim path must start with "credentialSubject" and hold up to 16 names, indexes or null',
        )
      }
    }
  }
  return value as DcqlQuery
}

/**
 * The types a credential query accepts: every type its `type_values` sets name, or its `vct_values`;
 * `undefined` when it names none. A verifier given these trusts an issuer only for one of them.
 */
export function requestedTypes(query: DcqlCredentialQuery): string[] | undefined {
  const named = query.format === 'dc+sd-jwt' ? query.meta?.vct_values : query.meta?.type_values?.flat()
  return named === undefined ? undefined : [...new Set(named)]
}

/**
 * Whether the credential's types answer the query: every type of one `type_values` set (W3C), or a
 * `vct` among `vct_values` (SD-JWT, whose types are its `vct`); true when the query names none.
 * Given `vouched` (the types a verifier's report vouches for: accepted and trusted for the issuer),
 * the set answered must also hold a vouched type, and the `vct` must be vouched for.
 */
export function hasRequestedTypes(
  types: readonly string[],
  query: DcqlCredentialQuery,
  vouched: readonly string[] = types,
): boolean {
  if (query.format === 'dc+sd-jwt') {
    const vcts = query.meta?.vct_values
    return vcts === undefined || vcts.some((vct) => types.includes(vct) && vouched.includes(vct))
  }
  const sets = query.meta?.type_values
  return (
    sets === undefined ||
    sets.some(
      (set) => set.every((type) => types.includes(type)) && set.some((type) => vouched.includes(type)),
    )
  )
}

/** Whether the credential holds a value at the claim's path (`null` steps match every array element). */
export function hasClaim(credential: JsonValue, claim: DcqlClaimQuery): boolean {
  let current: JsonValue[] = [credential]
  for (const step of claim.path) {
    const next: JsonValue[] = []
    for (const value of current) {
      if (step === null && Array.isArray(value)) next.push(...value)
      else if (typeof step === 'number' && Array.isArray(value) && value[step] !== undefined)
        next.push(value[step] as JsonValue)
      else if (
        typeof step === 'string' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      ) {
        if (Object.hasOwn(value, step)) next.push(value[step] as JsonValue)
      }
    }
    current = next
  }
  return current.length > 0
}
