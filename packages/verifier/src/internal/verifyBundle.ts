import {
  CivitasError,
  type CivitasErrorCode,
  type DidDocument,
  isCivitasError,
  type JsonObject,
  readNumericDate,
  systemClock,
} from '@civitas/core'
import { type DecodedJws, decodeJws, verifyJws } from '@civitas/crypto'
import { createResolver, type Resolvable, resolveVerificationKey } from '@civitas/did'
import type { TrustBundle, TrustBundleIssuer, VerifyTrustBundleOptions } from '../types.js'
import { readBundledListIssuer } from './bundledList.js'
import { checkBundleTime } from './checkBundleTime.js'
import { TRUST_BUNDLE_MAX_ENTRIES, TRUST_BUNDLE_MAX_LENGTH, TRUST_BUNDLE_TYP } from './trustBundleFormat.js'

/**
 * What `verifyTrustBundle` does, kept apart from the public module so that a verifier given a trust
 * bundle loads this code on creation, and one without a bundle never does.
 *
 * @throws the codes of `verifyTrustBundle`.
 */
export async function verifyBundle(token: string, options: VerifyTrustBundleOptions): Promise<TrustBundle> {
  const { authority, clock = systemClock, clockSkewMs = 60_000, maxAgeMs } = options
  if (typeof authority !== 'string' || !authority.startsWith('did:')) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'authority: expected the trust authority’s DID')
  }
  const decoded = guard('ERR_TRUST_BUNDLE_INVALID', 'the trust bundle is malformed', () =>
    decodeJws(String(token), { maxLength: TRUST_BUNDLE_MAX_LENGTH }),
  )
  const { header, payload } = decoded
  if (header.typ !== TRUST_BUNDLE_TYP) {
    throw invalid(`expected typ ${TRUST_BUNDLE_TYP}, got ${String(header.typ).slice(0, 40)}`)
  }
  const kid = typeof header.kid === 'string' ? header.kid : ''
  if (payload.iss !== authority || kid.split('#', 1)[0] !== authority) {
    throw new CivitasError(
      'ERR_TRUST_BUNDLE_UNTRUSTED',
      `the trust bundle is signed by ${String(payload.iss).slice(0, 80)}, not by the configured authority`,
      { details: { authority: authority.slice(0, 200), signer: String(payload.iss).slice(0, 200) } },
    )
  }
  await verifySignature(decoded, kid, authority, options.resolver ?? createResolver())
  const { iat, exp } = payload
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp) || (exp as number) <= (iat as number)) {
    throw invalid('iat and exp must be integers, exp after iat')
  }
  const issuedAt = readNumericDate(iat as number, 'iat')
  const expiresAt = readNumericDate(exp as number, 'exp')
  const now = clock()
  if (issuedAt > now + clockSkewMs) throw invalid('the trust bundle is issued in the future')
  checkBundleTime({ issuedAt, expiresAt }, now, clockSkewMs, maxAgeMs)
  const issuers = issuersOf(payload.issuers)
  return { authority, issuers, lists: listsOf(payload.lists, issuers), issuedAt, expiresAt }
}

async function verifySignature(
  decoded: DecodedJws,
  kid: string,
  authority: string,
  resolver: Resolvable,
): Promise<void> {
  try {
    const { publicJwk } = await resolveVerificationKey({
      resolver,
      kid,
      did: authority,
      relationship: 'assertionMethod',
    })
    await verifyJws(decoded, { publicJwk })
  } catch (cause) {
    const reason = isCivitasError(cause) ? cause.code : 'ERR_SIGNATURE_INVALID'
    throw new CivitasError(
      'ERR_TRUST_BUNDLE_INVALID',
      `the trust bundle's signature does not verify (${reason})`,
      {
        cause,
        details: { reason },
      },
    )
  }
}

function issuersOf(value: unknown): TrustBundleIssuer[] {
  if (!Array.isArray(value) || value.length > TRUST_BUNDLE_MAX_ENTRIES)
    throw invalid('issuers: expected an array')
  return value.map((entry: unknown, index) => {
    const { id, types, didDocument, name } = (isObject(entry) ? entry : {}) as JsonObject
    const typesOk =
      Array.isArray(types) && types.length > 0 && types.every((type) => typeof type === 'string')
    if (typeof id !== 'string' || !id.startsWith('did:') || !typesOk) {
      throw invalid(`issuers[${index}]: expected an id (a DID) and types`)
    }
    if (!isObject(didDocument) || didDocument.id !== id) {
      throw invalid(`issuers[${index}]: expected the DID document of ${id.slice(0, 80)}`)
    }
    if (name !== undefined && typeof name !== 'string')
      throw invalid(`issuers[${index}].name: expected a string`)
    return {
      id,
      types: types as string[],
      didDocument: didDocument as unknown as DidDocument,
      ...(name === undefined ? {} : { name }),
    }
  })
}

/**
 * The bundle's lists, each naming a bundled issuer. Their signatures are verified where they are used
 * (the status checker, with the bundled DID documents), so a list verifies only with a bundled issuer's key.
 */
function listsOf(value: unknown, issuers: readonly TrustBundleIssuer[]): string[] {
  if (value === undefined) return []
  if (
    !Array.isArray(value) ||
    value.length > TRUST_BUNDLE_MAX_ENTRIES ||
    value.some((list) => typeof list !== 'string')
  ) {
    throw invalid('lists: expected an array of signed status lists')
  }
  for (const [index, list] of (value as string[]).entries()) {
    const issuer = guard('ERR_TRUST_BUNDLE_INVALID', `trust bundle: lists[${index}] is malformed`, () =>
      readBundledListIssuer(list),
    ).issuer
    if (!issuers.some(({ id }) => id === issuer)) {
      throw new CivitasError(
        'ERR_TRUST_BUNDLE_INVALID',
        `trust bundle: lists[${index}] is issued by ${issuer.slice(0, 80)}, which the bundle does not list`,
        { details: { index, issuer: issuer.slice(0, 200), reason: 'ERR_UNTRUSTED_ISSUER' } },
      )
    }
  }
  return value as string[]
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(message: string): CivitasError {
  return new CivitasError('ERR_TRUST_BUNDLE_INVALID', `trust bundle: ${message}`)
}

function guard<T>(code: CivitasErrorCode, message: string, run: () => T): T {
  try {
    return run()
  } catch (cause) {
    const reason = isCivitasError(cause) ? cause.code : 'ERR_JWS_MALFORMED'
    throw new CivitasError(code, `${message} (${reason})`, { cause, details: { reason } })
  }
}
