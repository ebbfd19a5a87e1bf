import type { JsonObject, JsonValue } from '@civitas/core'
import type { JwtLayer, LayeredToken } from '../layeredToken.js'
import {
  ACCEPT,
  any,
  type ClaimRule,
  credentialObject,
  critRule,
  edit,
  envelopeOf,
  isPresentation,
  isSdJwt,
  isVcJwt,
  reject,
  seconds,
  setMember,
  signAs,
} from './ruleKit.js'

const SKEW = 'JWTs in general (clock skew)'
const notSdJwt = (entry: Parameters<ClaimRule['applies']>[0]) => !isSdJwt(entry)

/** Signing again, the clock-skew edges, and out-of-range times. */
const timeRules: ClaimRule[] = [
  {
    id: 'resign.unchanged',
    rule: 'JWTs in general',
    expected: ACCEPT,
    applies: any,
    mutate: () => undefined,
  },
  {
    id: 'resign.members-reordered',
    rule: 'JWTs in general',
    expected: ACCEPT,
    applies: any,
    mutate: (token) => {
      token.credential.payload = JSON.stringify(
        Object.fromEntries(Object.entries(JSON.parse(token.credential.payload) as JsonObject).reverse()),
      )
      return undefined
    },
  },
  ...(
    [
      ['time.exp-past', 'exp', -3600, reject('ERR_CREDENTIAL_EXPIRED')],
      ['time.exp-within-skew', 'exp', -30, ACCEPT],
      ['time.nbf-future', 'nbf', 3600, reject('ERR_CREDENTIAL_NOT_YET_VALID')],
      ['time.nbf-within-skew', 'nbf', 30, ACCEPT],
      ['time.iat-future', 'iat', 3600, reject('ERR_TOKEN_ISSUED_IN_FUTURE')],
    ] as const
  ).map(([id, name, offset, expected]) =>
    setMember({ id, rule: SKEW, expected, name, value: (context) => seconds(context) + offset }),
  ),
  ...(
    [
      ['time.iat-out-of-range', 'iat', 1e300],
      ['time.nbf-beyond-2^53', 'nbf', 2 ** 53 + 2],
    ] as const
  ).map(([id, name, value]) =>
    setMember({
      id,
      rule: 'Verifier policy (out-of-range times get a time code)',
      // A time code, which one is the verifier's choice; a formatting crash shows as a broken verdict.
      expected: reject(),
      name,
      value,
    }),
  ),
  setMember({
    id: 'time.exp-not-a-number',
    rule: SKEW,
    expected: reject(),
    name: 'exp',
    value: '2030-01-01T00:00:00Z',
  }),
]

/** Who signed, and the protected header. */
const keyRules: ClaimRule[] = [
  {
    id: 'issuer.iss-other-did',
    rule: 'Keys and relationships (kid names the issuer)',
    expected: reject(),
    applies: any,
    mutate: (token, context) => {
      edit(token.credential, 'payload', (claims) => {
        claims.iss = context.pool.parties.stranger.did
        if (typeof claims.issuer === 'string') claims.issuer = context.pool.parties.stranger.did
      })
      return undefined
    },
  },
  setMember({
    id: 'issuer.iss-differs-from-issuer',
    rule: 'VC 2.0 with JOSE (iss equals issuer)',
    expected: reject(),
    applies: isVcJwt,
    name: 'issuer',
    value: (context) => context.pool.parties.stranger.did,
  }),
  setMember({
    id: 'issuer.kid-other-did',
    rule: 'Keys and relationships (kid names the issuer)',
    expected: reject(),
    part: 'header',
    name: 'kid',
    value: (context) => context.pool.parties.stranger.kid,
  }),
  {
    id: 'issuer.signed-by-holder',
    rule: 'Keys and relationships (assertionMethod of the issuer)',
    expected: reject(),
    applies: any,
    mutate: (token, context) => {
      // The holder's own key, while the kid still names the issuer's.
      signAs(token.credential, context.pool.parties.citizen, false)
      return undefined
    },
  },
  ...(['none', 'None', 'NONE', 'HS256'] as const).map((alg) =>
    setMember({
      id: `header.alg-${alg}`,
      rule: 'JWTs in general (none and HS* refused)',
      expected: reject('ERR_ALGORITHM_UNSUPPORTED', 'ERR_ALGORITHM_MISMATCH'),
      part: 'header',
      name: 'alg',
      value: alg,
    }),
  ),
  setMember({
    id: 'header.alg-of-another-key-type',
    rule: 'JWTs in general (algorithm fixed per key)',
    expected: reject('ERR_ALGORITHM_MISMATCH', 'ERR_ALGORITHM_UNSUPPORTED'),
    part: 'header',
    name: 'alg',
    value: (context) => (context.entry.layered.credential.signer.alg === 'ES256' ? 'EdDSA' : 'ES256'),
  }),
  setMember({
    id: 'header.typ-of-another-kind',
    rule: 'JWTs in general (explicit, exclusive types)',
    expected: reject(),
    part: 'header',
    name: 'typ',
    value: (context) =>
      ({ 'vc+jwt': 'vp+jwt', jwt_vc_json: 'kb+jwt', 'dc+sd-jwt': 'vc+jwt' })[context.entry.format],
  }),
  setMember({
    id: 'header.typ-legacy-vc+sd-jwt',
    rule: 'JWTs in general (vc+sd-jwt only behind a legacy option)',
    expected: reject(),
    applies: isSdJwt,
    part: 'header',
    name: 'typ',
    value: 'vc+sd-jwt',
  }),
  critRule({
    id: 'header.crit-unknown',
    expected: reject('ERR_JWS_CRIT_UNSUPPORTED'),
    layer: 'credential',
    member: 'x-civitas-fuzz',
    value: true,
  }),
  critRule({ id: 'header.b64-false', expected: reject(), layer: 'credential', member: 'b64', value: false }),
]

/** Raw JSON text a strict parser must refuse, in the issuer's JWT and in the holder's. */
const jsonRules: ClaimRule[] = (['credential', 'envelope'] as const).flatMap((layer) => {
  const pick = (token: LayeredToken): JwtLayer =>
    layer === 'credential' ? token.credential : envelopeOf(token)
  const applies = layer === 'credential' ? any : isPresentation
  const text = (
    id: string,
    rule: string,
    expected: ClaimRule['expected'],
    change: (target: JwtLayer) => void,
  ): ClaimRule => ({
    id: `json.${layer}-${id}`,
    rule: `JWTs in general (${rule})`,
    expected,
    applies,
    mutate: (token) => {
      change(pick(token))
      return undefined
    },
  })
  const prepend = (member: string) => (target: JwtLayer) => {
    target.payload = `{${member},${target.payload.slice(1)}`
  }
  return [
    text('duplicate-claim', 'duplicate members refused', reject('ERR_JSON_DUPLICATE_KEY'), (target) => {
      const [first] = Object.keys(JSON.parse(target.payload) as JsonObject)
      prepend(`${JSON.stringify(first)}:"x"`)(target)
    }),
    text(
      'duplicate-header-member',
      'duplicate members refused',
      reject('ERR_JSON_DUPLICATE_KEY'),
      (target) => {
        target.header = `${target.header.slice(0, -1)},"typ":"JWT"}`
      },
    ),
    ...['__proto__', 'constructor', 'prototype'].map((name) =>
      text(
        `member-${name}`,
        `${name} refused`,
        reject('ERR_JSON_FORBIDDEN_KEY'),
        prepend(`"${name}":{"isAdmin":true}`),
      ),
    ),
    text('lone-surrogate', 'lone surrogates refused', reject(), prepend('"x-note":"\\ud800"')),
    text('bom', 'BOM refused', reject(), (target) => {
      target.payload = `\uFEFF${target.payload}`
    }),
  ]
})

const MODEL = 'VC 2.0 data model'
/** The VC data model and the verifier's trust and type policy. */
const modelRules: ClaimRule[] = [
  ...(
    [
      ['vc.vc-claim-in-vc+jwt', 'vc', { type: ['VerifiableCredential'] }],
      ['vc.vp-claim-in-vc+jwt', 'vp', { type: ['VerifiablePresentation'] }],
    ] as const
  ).map(([id, name, value]) =>
    setMember({
      id,
      rule: 'VC 2.0 with JOSE (vc / vp claims forbidden)',
      expected: reject(),
      applies: isVcJwt,
      name,
      value: value as unknown as JsonValue,
    }),
  ),
  ...(
    [
      ['vc.type-without-VerifiableCredential', 'type', ['ResidencyCard'], reject(), notSdJwt],
      ['vc.subject-empty', 'credentialSubject', {}, reject(), notSdJwt],
      [
        'vc.status-entry-without-type',
        'credentialStatus',
        { id: 'https://status.example/1#94567' },
        reject(),
        notSdJwt,
      ],
      [
        'vc.context-first-not-v2',
        '@context',
        ['https://example.com/context', 'https://www.w3.org/ns/credentials/v2'],
        reject(),
        isVcJwt,
      ],
      ['vc.validUntil-past', 'validUntil', '2026-01-01T00:00:00Z', reject('ERR_CREDENTIAL_EXPIRED'), isVcJwt],
      [
        'vc.validFrom-future',
        'validFrom',
        '2027-06-01T00:00:00Z',
        reject('ERR_CREDENTIAL_NOT_YET_VALID'),
        isVcJwt,
      ],
      ['vc.validFrom-date-only', 'validFrom', '2026-01-01', reject(), isVcJwt],
      ['vc.validFrom-without-offset', 'validFrom', '2026-01-01T00:00:00', reject(), isVcJwt],
      ['vc.validFrom-30-february', 'validFrom', '2026-02-30T00:00:00Z', reject(), isVcJwt],
    ] as const
  ).map(([id, name, value, expected, applies]) =>
    setMember({
      id,
      rule: MODEL,
      expected,
      applies,
      inCredential: true,
      name,
      value: value as unknown as JsonValue,
    }),
  ),
  {
    // Civitas writes the subject only as `sub` (as did-jwt-vc does); the rule is about both present.
    id: 'vc.jwt_vc_json-sub-differs',
    rule: `${MODEL} (jwt_vc_json sub and credentialSubject.id agree)`,
    expected: reject('ERR_SUBJECT_MISMATCH'),
    applies: (entry) => entry.format === 'jwt_vc_json',
    mutate: (token, context) => {
      edit(token.credential, 'payload', (claims) => {
        credentialObject(claims).credentialSubject = {
          ...(credentialObject(claims).credentialSubject as JsonObject),
          id: context.pool.parties.stranger.did,
        }
      })
      return undefined
    },
  },
  {
    id: 'vc.jwt_vc_json-sub-alone',
    rule: `${MODEL} (jwt_vc_json sub names the subject when credentialSubject.id is absent)`,
    expected: ACCEPT,
    applies: (entry) => entry.format === 'jwt_vc_json' && entry.kind === 'credential',
    mutate: (token, context) => {
      edit(token.credential, 'payload', (claims) => {
        claims.sub = context.pool.parties.stranger.did
      })
      return undefined
    },
  },
  {
    id: 'policy.type-not-accepted',
    rule: 'Verifier policy (trust is per type)',
    expected: reject('ERR_UNTRUSTED_ISSUER', 'ERR_TYPE_NOT_ACCEPTED'),
    applies: notSdJwt,
    mutate: (token) => {
      edit(token.credential, 'payload', (claims) => {
        // Without its schema, so that the type policy, not the schema, decides.
        delete credentialObject(claims).credentialSchema
        credentialObject(claims).type = ['VerifiableCredential', 'QuarantinePass']
      })
      return undefined
    },
  },
  ...(
    [
      [
        'policy.type-smuggled-by-other-issuer',
        notSdJwt,
        ['VerifiableCredential', 'QuarantinePass', 'ResidencyCard'],
      ],
      ['policy.vct-of-untrusted-issuer', isSdJwt, undefined],
    ] as const
  ).map(
    ([id, applies, types]): ClaimRule => ({
      id,
      rule: 'Verifier policy (one type both accepted and trusted)',
      // RULES.md fixes no code: the trust check or the type check may refuse.
      expected: reject(),
      applies,
      // The clinic, trusted for QuarantinePass only, signs as itself.
      mutate: (token, context) => {
        const { clinic } = context.pool.parties
        signAs(token.credential, clinic, true)
        edit(token.credential, 'payload', (claims) => {
          claims.iss = clinic.did
          const credential = credentialObject(claims)
          if (credential.issuer !== undefined) credential.issuer = clinic.did
          if (types !== undefined) credential.type = [...types]
        })
        return undefined
      },
    }),
  ),
]

/** Rules for the issuer's JWT of every format. */
export const CREDENTIAL_RULES: readonly ClaimRule[] = [...timeRules, ...keyRules, ...jsonRules, ...modelRules]
