import type { JsonObject } from '@civitas/core'
import { sdDigest } from '../layeredToken.js'
import type { PoolEntry } from '../pool.js'
import {
  ACCEPT,
  type ClaimRule,
  critRule,
  edit,
  envelopeOf,
  isPresentation,
  isSdJwt,
  reject,
  seconds,
  setMember,
  signAs,
  subjectObject,
} from './ruleKit.js'

const jwtPresentation = (entry: PoolEntry) => isPresentation(entry) && !isSdJwt(entry)
const sdJwtPresentation = (entry: PoolEntry) => isPresentation(entry) && isSdJwt(entry)
const envelope = (options: Omit<Parameters<typeof setMember>[0], 'layer'>) =>
  setMember({ applies: isPresentation, ...options, layer: 'envelope' })

/** Rules for the holder's JWT (a presentation or a key-binding JWT) and for holder binding. */
export const ENVELOPE_RULES: readonly ClaimRule[] = [
  envelope({
    id: 'envelope.aud-wrong',
    rule: 'OpenID4VP (bound to the client id)',
    expected: reject('ERR_AUDIENCE_MISMATCH'),
    name: 'aud',
    value: 'https://evil.example',
  }),
  envelope({
    id: 'envelope.nonce-wrong',
    rule: 'OpenID4VP (bound to the nonce)',
    expected: reject('ERR_NONCE_MISMATCH'),
    name: 'nonce',
    value: 'n-other-0S6_WzA2Mj',
  }),
  ...(
    [
      ['envelope.iat-stale', 'iat', -600, reject('ERR_PRESENTATION_STALE'), isPresentation],
      ['envelope.iat-future', 'iat', 600, reject('ERR_TOKEN_ISSUED_IN_FUTURE'), isPresentation],
      ['envelope.iat-within-skew', 'iat', 30, ACCEPT, isPresentation],
      [
        'envelope.nbf-future',
        'nbf',
        3600,
        reject('ERR_CREDENTIAL_NOT_YET_VALID', 'ERR_TOKEN_ISSUED_IN_FUTURE', 'ERR_PRESENTATION_INVALID'),
        jwtPresentation,
      ],
      ['envelope.exp-past', 'exp', -3600, reject(), jwtPresentation],
    ] as const
  ).map(([id, name, offset, expected, applies]) =>
    envelope({
      id,
      rule: 'JWTs in general (clock skew; presentations fresh within 5 minutes; nbf checked with iat)',
      expected,
      applies,
      name,
      value: (context) => seconds(context) + offset,
    }),
  ),
  envelope({
    id: 'envelope.alg-none',
    rule: 'JWTs in general (none refused)',
    expected: reject('ERR_ALGORITHM_UNSUPPORTED', 'ERR_ALGORITHM_MISMATCH', 'ERR_KEY_BINDING_INVALID'),
    part: 'header',
    name: 'alg',
    value: 'none',
  }),
  envelope({
    id: 'envelope.typ-of-another-kind',
    rule: 'JWTs in general (explicit, exclusive types)',
    expected: reject(),
    part: 'header',
    name: 'typ',
    value: (context) => (isSdJwt(context.entry) ? 'JWT' : 'vc+jwt'),
  }),
  critRule({
    id: 'envelope.crit-unknown',
    expected: reject('ERR_JWS_CRIT_UNSUPPORTED', 'ERR_KEY_BINDING_INVALID'),
    applies: isPresentation,
    layer: 'envelope',
    member: 'x-civitas-fuzz',
    value: 1,
  }),
  {
    id: 'envelope.signed-by-stranger',
    rule: 'Verifier policy (holder binding)',
    expected: reject(),
    applies: isPresentation,
    mutate: (token, context) => {
      const { stranger } = context.pool.parties
      const layer = envelopeOf(token)
      // A key-binding JWT names no kid; a presentation names its signer's.
      signAs(layer, stranger, JSON.parse(layer.header).kid !== undefined)
      edit(layer, 'payload', (claims) => {
        if (claims.iss !== undefined) claims.iss = stranger.did
        if (claims.holder !== undefined) claims.holder = stranger.did
      })
      return undefined
    },
  },
  envelope({
    id: 'envelope.sd_hash-wrong',
    rule: 'SD-JWT (sd_hash over exactly the presented SD-JWT)',
    expected: reject('ERR_KEY_BINDING_INVALID'),
    applies: sdJwtPresentation,
    name: 'sd_hash',
    value: sdDigest('something else'),
  }),
  {
    id: 'holder.subject-is-not-presenter',
    rule: 'Verifier policy (holder binding)',
    expected: reject('ERR_HOLDER_MISMATCH'),
    applies: jwtPresentation,
    mutate: (token, context) => {
      edit(token.credential, 'payload', (claims) => {
        subjectObject(claims).id = context.pool.parties.stranger.did
        if (claims.sub !== undefined) claims.sub = context.pool.parties.stranger.did
      })
      return undefined
    },
  },
  setMember({
    id: 'holder.cnf-of-another-key',
    rule: 'SD-JWT (KB-JWT signed by the cnf key)',
    expected: reject(),
    applies: sdJwtPresentation,
    name: 'cnf',
    value: (context) => ({ jwk: { ...context.pool.strangerJwk } as JsonObject }),
  }),
  {
    id: 'holder.cnf-removed',
    rule: 'Verifier policy (holder binding)',
    expected: reject(),
    applies: sdJwtPresentation,
    mutate: (token) => {
      edit(token.credential, 'payload', (claims) => {
        delete claims.cnf
      })
      return undefined
    },
  },
  {
    id: 'holder.bare-credential-where-presentation-expected',
    rule: 'Verifier policy (holder binding required with audience or nonce)',
    expected: reject(),
    applies: jwtPresentation,
    mutate: (_token, { entry }) => ({ input: entry.embedded as string, expectations: entry.expectations }),
  },
  {
    id: 'holder.sd-jwt-key-binding-cut',
    rule: 'Verifier policy (SD-JWT without a valid KB-JWT refused)',
    expected: reject(),
    applies: sdJwtPresentation,
    mutate: (_token, { entry }) => ({ input: entry.token.slice(0, entry.token.lastIndexOf('~') + 1) }),
  },
]
