import type { CivitasErrorCode, JsonObject, JsonValue } from '@civitas/core'
import type { Identity } from '@civitas/did'
import type { CheckExpectations } from '@civitas/verifier'
import type { JwtLayer, LayeredToken } from '../layeredToken.js'
import type { FuzzPool, PoolEntry } from '../pool.js'
import type { Expected } from '../verdict.js'

/** A claim-level mutation, signed again with the right keys, and the verdict RULES.md fixes for it. */
export interface ClaimRule {
  /** Stable id, `area.what` (reproducers and tallies name it). */
  id: string
  /** The RULES.md section the label comes from. */
  rule: string
  expected: Expected
  /** Which pool entries it applies to. */
  applies(entry: PoolEntry): boolean
  /** Edits a private copy of the entry's layered token; may return other inputs or expectations instead. */
  mutate(
    token: LayeredToken,
    context: RuleContext,
  ): undefined | { input?: string; expectations?: CheckExpectations } | Promise<undefined>
}

/** What a rule may use: the pool (parties, clock), the entry, and the case's random source. */
export interface RuleContext {
  pool: FuzzPool
  entry: PoolEntry
  random(): number
}

export const reject = (...codes: CivitasErrorCode[]): Expected => ({
  reject: codes.length === 0 ? 'any' : codes,
})
export const ACCEPT: Expected = { accept: true }
export const any = () => true
export const isSdJwt = (entry: PoolEntry) => entry.format === 'dc+sd-jwt'
export const isVcJwt = (entry: PoolEntry) => entry.format === 'vc+jwt'
export const isPresentation = (entry: PoolEntry) => entry.kind === 'presentation'
export const hasDisclosures = (entry: PoolEntry) =>
  isSdJwt(entry) && (entry.layered.disclosures?.length ?? 0) > 0
/** The pool's clock in NumericDate seconds. */
export const seconds = (context: RuleContext) => Math.floor(context.pool.now / 1000)

/** Rewrites a layer's JSON claims (or header) through `change`. */
export function edit(layer: JwtLayer, part: 'header' | 'payload', change: (value: JsonObject) => void): void {
  const value = JSON.parse(layer[part]) as JsonObject
  change(value)
  layer[part] = JSON.stringify(value)
}

/** The holder's JWT of a presentation or SD-JWT+KB. */
export const envelopeOf = (token: LayeredToken) => token.envelope?.layer as JwtLayer

/** The credential's own object: `vc` of a `jwt_vc_json` token, the claims set otherwise. */
export function credentialObject(claims: JsonObject): JsonObject {
  const { vc } = claims
  return typeof vc === 'object' && vc !== null && !Array.isArray(vc) ? vc : claims
}

/** The (first) credential subject. */
export function subjectObject(claims: JsonObject): JsonObject {
  const subject = credentialObject(claims).credentialSubject
  return (Array.isArray(subject) ? subject[0] : subject) as JsonObject
}

/** What {@link setMember} sets, where, and the label. */
export interface SetMemberOptions extends Pick<ClaimRule, 'id' | 'rule' | 'expected'> {
  applies?: ClaimRule['applies']
  /** Whose JWT: the issuer's credential (default) or the holder's envelope. */
  layer?: 'credential' | 'envelope'
  part?: 'header' | 'payload'
  /** Inside the credential object (the `vc` claim of `jwt_vc_json`) rather than the claims set. */
  inCredential?: boolean
  name: string
  value: JsonValue | ((context: RuleContext) => JsonValue)
}

/** A rule that sets one member of a JWT's header or claims, the most common claim-level mutation. */
export function setMember(options: SetMemberOptions): ClaimRule {
  const { id, rule, expected, name, value } = options
  return {
    id,
    rule,
    expected,
    applies: options.applies ?? any,
    mutate: (token, context) => {
      const layer = options.layer === 'envelope' ? envelopeOf(token) : token.credential
      edit(layer, options.part ?? 'payload', (object) => {
        const target = options.inCredential === true ? credentialObject(object) : object
        target[name] = typeof value === 'function' ? value(context) : value
      })
      return undefined
    },
  }
}

/** A rule that names `member` in the header's `crit` and sets it: a critical extension the verifier must know. */
export function critRule(
  options: Pick<ClaimRule, 'id' | 'expected'> & {
    applies?: ClaimRule['applies']
    layer: 'credential' | 'envelope'
    member: string
    value: JsonValue
  },
): ClaimRule {
  const { id, expected, layer, member, value } = options
  return {
    id,
    rule: 'JWTs in general (unknown crit and b64: false refused)',
    expected,
    applies: options.applies ?? any,
    mutate: (token) => {
      edit(layer === 'envelope' ? envelopeOf(token) : token.credential, 'header', (header) => {
        header.crit = [member]
        header[member] = value
      })
      return undefined
    },
  }
}

/** Has `party` sign `layer` from now on: its signer and algorithm, and its `kid` when `kid` is true. */
export function signAs(layer: JwtLayer, party: Identity, kid: boolean): void {
  layer.signer = party.signer
  edit(layer, 'header', (header) => {
    header.alg = party.signer.alg
    if (kid) header.kid = party.kid
  })
}
