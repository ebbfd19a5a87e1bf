import { CivitasError, type Clock, type JsonValue } from '@civitas/core'
import { signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import type { ClaimPath } from '../../types.js'
import { applyDisclosures } from './applyDisclosures.js'
import { claimPathKeys, pathKey } from './claimPaths.js'
import { hashDigest } from './hashDigest.js'
import { splitSdJwt } from './splitSdJwt.js'
import { KB_JWT_TYP } from './verifyKeyBinding.js'

const SEPARATOR = '\u0000'

/** What {@link presentSdJwt} needs from `createPresentation`'s options. */
export interface PresentSdJwtOptions {
  holder: Identity
  token: string
  disclose: readonly ClaimPath[] | 'all'
  audience: string
  nonce: string
  clock: Clock
}

/**
 * Makes an SD-JWT presentation: the issuer JWT, only the disclosures the chosen claims need (a
 * claim's own, those of the objects it sits in, and those of everything inside it), and a
 * key-binding JWT signed by the holder over `aud`, `nonce`, `iat` and `sd_hash`.
 *
 * @throws `ERR_INVALID_ARGUMENT` for a path that names no claim or a token that is already a
 *   presentation; the codes of `decodeSdJwt` and `ERR_DISCLOSURE_INVALID`; the signer's.
 */
export async function presentSdJwt(options: PresentSdJwtOptions): Promise<string> {
  const { holder, token, disclose, audience, nonce } = options
  // splitSdJwt, not the public decodeSdJwt: the public module stays out of lazily loaded chunks.
  const decoded = splitSdJwt(token, {})
  if (decoded.keyBinding !== undefined) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: this SD-JWT is a presentation already')
  }
  const located: { key: string; encoded: string }[] = []
  const processed = applyDisclosures(decoded.jwt.payload, decoded.disclosures, {
    onDisclosure: (path, disclosure) => located.push({ key: pathKey(path), encoded: disclosure.encoded }),
  })
  const wanted = disclose === 'all' ? undefined : claimPathKeys(disclose, 'disclose')
  for (const key of wanted ?? []) {
    if (!hasClaim(processed, key.split(SEPARATOR))) {
      throw new CivitasError(
        'ERR_INVALID_ARGUMENT',
        `disclose: no claim at ${key.split(SEPARATOR).join('.')}`,
      )
    }
  }
  const chosen = new Set(
    located
      .filter(({ key }) => wanted === undefined || [...wanted].some((path) => related(key, path)))
      .map(({ encoded }) => encoded),
  )
  const issuerJwt = token.slice(0, token.indexOf('~'))
  const sdJwt = `${issuerJwt}~${decoded.disclosures
    .filter(({ encoded }) => chosen.has(encoded))
    .map(({ encoded }) => `${encoded}~`)
    .join('')}`
  const payload = {
    iat: Math.floor(options.clock() / 1000),
    aud: audience,
    nonce,
    sd_hash: hashDigest(sdJwt),
  }
  // The holder key is in cnf already; a kid would only add a correlatable identifier.
  const signer = { alg: holder.signer.alg, sign: (data: Uint8Array) => holder.signer.sign(data) }
  return sdJwt + (await signJws({ header: { typ: KB_JWT_TYP }, payload, signer }))
}

/** A disclosure at `key` is needed for `path` when one contains the other. */
function related(key: string, path: string): boolean {
  return key === path || path.startsWith(key + SEPARATOR) || key.startsWith(path + SEPARATOR)
}

function hasClaim(value: JsonValue, segments: readonly string[]): boolean {
  let current: JsonValue | undefined = value
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return false
    current = Array.isArray(current)
      ? /^(0|[1-9]\d*)$/.test(segment)
        ? current[Number(segment)]
        : undefined
      : Object.hasOwn(current, segment)
        ? current[segment]
        : undefined
  }
  return current !== undefined
}
