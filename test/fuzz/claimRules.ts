import { randomBytes } from 'node:crypto'
import type { CivitasErrorCode, JsonObject, JsonValue } from '@civitas/core'
import type { CheckExpectations } from '@civitas/verifier'
import type { JwtLayer, LayeredToken } from './layeredToken.js'
import { sdDigest } from './layeredToken.js'
import type { FuzzPool, PoolEntry } from './pool.js'
import type { Expected } from './verdict.js'

/** A claim-level mutation, signed again with the right keys, and the verdict RULES.md fixes for it. */
export interface ClaimRule {
  /** Stable id, `area.what` (reproducers and tallies name it). */
  id: string
  /** The RULES.md section the label comes from. */
  rule: string
  expected: Expected
  /** Which pool entries it applies to. */
  applies(entry: PoolEntry): boolean
  /** Edits a private copy of the entry's layered token; may return other inputs or expectations. */
  mutate(
    token: LayeredToken,
    context: RuleContext,
  ): void | { input?: string; expectations?: CheckExpectations } | Promise<void>
}

/** What a rule may use: the pool (parties, clock), the entry, and the case's random source. */
export interface RuleContext {
  pool: FuzzPool
  entry: PoolEntry
  random(): number
}

const reject = (...codes: CivitasErrorCode[]): Expected => ({ reject: codes.length === 0 ? 'any' : codes })
const ACCEPT: Expected = { accept: true }
const any = () => true
const isSdJwt = (entry: PoolEntry) => entry.format === 'dc+sd-jwt'
const isPresentation = (entry: PoolEntry) => entry.kind === 'presentation'
const hasDisclosures = (entry: PoolEntry) => isSdJwt(entry) && (entry.layered.disclosures?.length ?? 0) > 0
const seconds = (context: RuleContext) => Math.floor(context.pool.now / 1000)

/** Rewrites a layer's JSON claims (or header) through `edit`. */
function edit(layer: JwtLayer, part: 'header' | 'payload', change: (value: JsonObject) => void): void {
  const value = JSON.parse(layer[part]) as JsonObject
  change(value)
  layer[part] = JSON.stringify(value)
}

/** The credential's own object: `vc` of a `jwt_vc_json` token, the claims set otherwise. */
function credentialObject(claims: JsonObject): JsonObject {
  return typeof claims.vc === 'object' && claims.vc !== null && !Array.isArray(claims.vc) ? claims.vc : claims
}

function subjectObject(claims: JsonObject): JsonObject {
  const subject = credentialObject(claims).credentialSubject
  return (Array.isArray(subject) ? subject[0] : subject) as JsonObject
}

/** Every `_sd` array of an SD-JWT payload, top-level and nested. */
function sdArrays(value: JsonValue, found: JsonValue[][] = []): JsonValue[][] {
  if (typeof value !== 'object' || value === null) return found
  if (Array.isArray(value)) for (const item of value) sdArrays(item, found)
  else
    for (const [name, member] of Object.entries(value)) {
      if (name === '_sd' && Array.isArray(member)) found.push(member)
      else sdArrays(member, found)
    }
  return found
}

/** A new disclosure with a fresh salt, its digest added to the top-level `_sd`. */
function addDisclosure(token: LayeredToken, content: JsonValue[]): void {
  const disclosure = Buffer.from(
    JSON.stringify([randomBytes(16).toString('base64url'), ...content]),
  ).toString('base64url')
  edit(token.credential, 'payload', (claims) => {
    claims._sd = [...((claims._sd as JsonValue[] | undefined) ?? []), sdDigest(disclosure)]
  })
  token.disclosures = [...(token.disclosures ?? []), disclosure]
}

/** Claim-level rules for the credential layer, the SD-JWT layer and the holder's envelope. */
export const CLAIM_RULES: readonly ClaimRule[] = [
  // Baselines: signing again must not change anything.
  { id: 'resign.unchanged', rule: 'JWTs in general', expected: ACCEPT, applies: any, mutate: () => {} },
  {
    id: 'resign.members-reordered',
    rule: 'JWTs in general',
    expected: ACCEPT,
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        const entries = Object.entries(claims).reverse()
        for (const key of Object.keys(claims)) delete claims[key]
        Object.assign(claims, Object.fromEntries(entries))
      }),
  },
  // Time: clock skew 60 s on exp, nbf, iat-in-the-future.
  {
    id: 'time.exp-past',
    rule: 'JWTs in general (clock skew)',
    expected: reject('ERR_CREDENTIAL_EXPIRED'),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.exp = seconds(context) - 3600
      }),
  },
  {
    id: 'time.exp-within-skew',
    rule: 'JWTs in general (clock skew)',
    expected: ACCEPT,
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.exp = seconds(context) - 30
      }),
  },
  {
    id: 'time.nbf-future',
    rule: 'JWTs in general (clock skew)',
    expected: reject('ERR_CREDENTIAL_NOT_YET_VALID'),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.nbf = seconds(context) + 3600
      }),
  },
  {
    id: 'time.nbf-within-skew',
    rule: 'JWTs in general (clock skew)',
    expected: ACCEPT,
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.nbf = seconds(context) + 30
      }),
  },
  {
    id: 'time.iat-future',
    rule: 'JWTs in general (clock skew)',
    expected: reject('ERR_TOKEN_ISSUED_IN_FUTURE'),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.iat = seconds(context) + 3600
      }),
  },
  {
    id: 'time.iat-out-of-range',
    rule: 'Verifier policy (out-of-range times get a time code)',
    expected: reject('ERR_TOKEN_ISSUED_IN_FUTURE', 'ERR_CREDENTIAL_NOT_YET_VALID'),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.iat = 1e300
      }),
  },
  {
    id: 'time.nbf-beyond-2^53',
    rule: 'Verifier policy (out-of-range times get a time code)',
    expected: reject('ERR_CREDENTIAL_NOT_YET_VALID', 'ERR_TOKEN_ISSUED_IN_FUTURE'),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.nbf = 2 ** 53 + 2
      }),
  },
  {
    id: 'time.exp-not-a-number',
    rule: 'JWTs in general',
    expected: reject(),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.exp = '2030-01-01T00:00:00Z'
      }),
  },
  // Issuer and keys.
  {
    id: 'issuer.iss-other-did',
    rule: 'Keys and relationships (kid names the issuer)',
    expected: reject(),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.iss = context.pool.parties.stranger.did
        if (typeof claims.issuer === 'string') claims.issuer = context.pool.parties.stranger.did
      }),
  },
  {
    id: 'issuer.iss-differs-from-issuer',
    rule: 'VC 2.0 with JOSE (iss equals issuer)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.issuer = context.pool.parties.stranger.did
      }),
  },
  {
    id: 'issuer.kid-other-did',
    rule: 'Keys and relationships (kid names the issuer)',
    expected: reject(),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'header', (header) => {
        header.kid = context.pool.parties.stranger.kid
      }),
  },
  {
    id: 'issuer.signed-by-holder',
    rule: 'Keys and relationships (assertionMethod of the issuer)',
    expected: reject(),
    applies: any,
    mutate: (token, context) => {
      const { citizen } = context.pool.parties
      token.credential.signer = citizen.signer
      edit(token.credential, 'header', (header) => {
        header.alg = citizen.signer.alg
      })
    },
  },
  // Headers.
  ...(['none', 'None', 'NONE', 'HS256'] as const).map(
    (alg): ClaimRule => ({
      id: `header.alg-${alg}`,
      rule: 'JWTs in general (none and HS* refused)',
      expected: reject('ERR_ALGORITHM_UNSUPPORTED', 'ERR_ALGORITHM_MISMATCH'),
      applies: any,
      mutate: (token) =>
        edit(token.credential, 'header', (header) => {
          header.alg = alg
        }),
    }),
  ),
  {
    id: 'header.alg-of-another-key-type',
    rule: 'JWTs in general (algorithm fixed per key)',
    expected: reject('ERR_ALGORITHM_MISMATCH', 'ERR_ALGORITHM_UNSUPPORTED'),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'header', (header) => {
        header.alg = header.alg === 'ES256' ? 'EdDSA' : 'ES256'
      }),
  },
  {
    id: 'header.typ-of-another-kind',
    rule: 'JWTs in general (explicit, exclusive types)',
    expected: reject(),
    applies: any,
    mutate: (token, context) =>
      edit(token.credential, 'header', (header) => {
        const other = { 'vc+jwt': 'vp+jwt', JWT: 'kb+jwt', 'dc+sd-jwt': 'vc+jwt' }[String(header.typ)]
        header.typ = other ?? (context.random() < 0.5 ? 'statuslist+jwt' : 'vc+jwt')
      }),
  },
  {
    id: 'header.typ-legacy-vc+sd-jwt',
    rule: 'JWTs in general (vc+sd-jwt only behind a legacy option)',
    expected: reject(),
    applies: isSdJwt,
    mutate: (token) =>
      edit(token.credential, 'header', (header) => {
        header.typ = 'vc+sd-jwt'
      }),
  },
  {
    id: 'header.crit-unknown',
    rule: 'JWTs in general (unknown crit refused)',
    expected: reject('ERR_JWS_CRIT_UNSUPPORTED'),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'header', (header) => {
        header.crit = ['x-civitas-fuzz']
        header['x-civitas-fuzz'] = true
      }),
  },
  {
    id: 'header.b64-false',
    rule: 'JWTs in general (b64: false never used)',
    expected: reject(),
    applies: any,
    mutate: (token) =>
      edit(token.credential, 'header', (header) => {
        header.crit = ['b64']
        header.b64 = false
      }),
  },
  // Strict JSON, in the credential and in the envelope.
  ...(['credential', 'envelope'] as const).flatMap((layer): ClaimRule[] => {
    const pick = (token: LayeredToken) =>
      layer === 'credential' ? token.credential : (token.envelope?.layer as JwtLayer)
    const applies = layer === 'credential' ? any : isPresentation
    return [
      {
        id: `json.${layer}-duplicate-claim`,
        rule: 'JWTs in general (duplicate members refused)',
        expected: reject('ERR_JSON_DUPLICATE_KEY'),
        applies,
        mutate: (token) => {
          const target = pick(token)
          const [first] = Object.keys(JSON.parse(target.payload) as JsonObject)
          target.payload = `{${JSON.stringify(first)}:"x",${target.payload.slice(1)}`
        },
      },
      {
        id: `json.${layer}-duplicate-header-member`,
        rule: 'JWTs in general (duplicate members refused)',
        expected: reject('ERR_JSON_DUPLICATE_KEY'),
        applies,
        mutate: (token) => {
          const target = pick(token)
          target.header = `${target.header.slice(0, -1)},"typ":"JWT"}`
        },
      },
      ...(['__proto__', 'constructor', 'prototype'] as const).map(
        (name): ClaimRule => ({
          id: `json.${layer}-member-${name}`,
          rule: 'JWTs in general (__proto__, constructor, prototype refused)',
          expected: reject('ERR_JSON_FORBIDDEN_KEY'),
          applies,
          mutate: (token) => {
            const target = pick(token)
            target.payload = `{"${name}":{"isAdmin":true},${target.payload.slice(1)}`
          },
        }),
      ),
      {
        id: `json.${layer}-lone-surrogate`,
        rule: 'JWTs in general (lone surrogates refused)',
        expected: reject(),
        applies,
        mutate: (token) => {
          const target = pick(token)
          target.payload = `{"x-note":"\\ud800",${target.payload.slice(1)}`
        },
      },
      {
        id: `json.${layer}-bom`,
        rule: 'JWTs in general (BOM refused)',
        expected: reject(),
        applies,
        mutate: (token) => {
          const target = pick(token)
          target.payload = `\uFEFF${target.payload}`
        },
      },
    ]
  }),
  // VC data model.
  {
    id: 'vc.vc-claim-in-vc+jwt',
    rule: 'VC 2.0 with JOSE (vc / vp claims forbidden)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.vc = { type: ['VerifiableCredential'] }
      }),
  },
  {
    id: 'vc.vp-claim-in-vc+jwt',
    rule: 'VC 2.0 with JOSE (vc / vp claims forbidden)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.vp = { type: ['VerifiablePresentation'] }
      }),
  },
  {
    id: 'vc.type-without-VerifiableCredential',
    rule: 'VC 2.0 data model (type includes VerifiableCredential)',
    expected: reject(),
    applies: (entry) => !isSdJwt(entry),
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        credentialObject(claims).type = ['ResidencyCard']
      }),
  },
  {
    id: 'vc.context-first-not-v2',
    rule: 'VC 2.0 data model (@context first item)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims['@context'] = ['https://example.com/context', 'https://www.w3.org/ns/credentials/v2']
      }),
  },
  {
    id: 'vc.subject-empty',
    rule: 'VC 2.0 data model (credentialSubject non-empty)',
    expected: reject(),
    applies: (entry) => !isSdJwt(entry),
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        credentialObject(claims).credentialSubject = {}
      }),
  },
  {
    id: 'vc.validUntil-past',
    rule: 'VC 2.0 data model (iat/exp and validFrom/validUntil both checked)',
    expected: reject('ERR_CREDENTIAL_EXPIRED'),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.validUntil = '2026-01-01T00:00:00Z'
      }),
  },
  {
    id: 'vc.validFrom-future',
    rule: 'VC 2.0 data model (iat/exp and validFrom/validUntil both checked)',
    expected: reject('ERR_CREDENTIAL_NOT_YET_VALID'),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.validFrom = '2027-06-01T00:00:00Z'
      }),
  },
  {
    id: 'vc.validFrom-date-only',
    rule: 'VC 2.0 data model (dateTimeStamp only)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.validFrom = '2026-01-01'
      }),
  },
  {
    id: 'vc.validFrom-30-february',
    rule: 'VC 2.0 data model (no calendar roll-over)',
    expected: reject(),
    applies: (entry) => entry.format === 'vc+jwt',
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims.validFrom = '2026-02-30T00:00:00Z'
      }),
  },
  {
    id: 'vc.status-entry-without-type',
    rule: 'VC 2.0 data model (credentialStatus carries a type)',
    expected: reject(),
    applies: (entry) => !isSdJwt(entry),
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        credentialObject(claims).credentialStatus = {
          id: 'https://status.example/1#94567',
          statusListIndex: '94567',
        }
      }),
  },
  {
    id: 'vc.jwt_vc_json-sub-differs',
    rule: 'VC 2.0 data model (jwt_vc_json sub and credentialSubject.id agree)',
    expected: reject(),
    applies: (entry) => entry.format === 'jwt_vc_json',
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.sub = context.pool.parties.stranger.did
      }),
  },
  // Trust and type (verifier policy).
  {
    id: 'policy.type-not-accepted',
    rule: 'Verifier policy (trust is per type)',
    expected: reject('ERR_UNTRUSTED_ISSUER', 'ERR_TYPE_NOT_ACCEPTED'),
    applies: (entry) => !isSdJwt(entry),
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        // Without its schema, so that the type policy, not the schema, decides.
        delete credentialObject(claims).credentialSchema
        credentialObject(claims).type = ['VerifiableCredential', 'QuarantinePass']
      }),
  },
  {
    id: 'policy.type-smuggled-by-other-issuer',
    rule: 'Verifier policy (one type both accepted and trusted)',
    expected: reject('ERR_UNTRUSTED_ISSUER', 'ERR_TYPE_NOT_ACCEPTED'),
    applies: (entry) => !isSdJwt(entry),
    mutate: (token, context) => {
      const { clinic } = context.pool.parties
      token.credential.signer = clinic.signer
      edit(token.credential, 'header', (header) => {
        header.alg = clinic.signer.alg
        header.kid = clinic.kid
      })
      edit(token.credential, 'payload', (claims) => {
        claims.iss = clinic.did
        const credential = credentialObject(claims)
        if (credential.issuer !== undefined) credential.issuer = clinic.did
        credential.type = ['VerifiableCredential', 'QuarantinePass', 'ResidencyCard']
      })
    },
  },
  {
    id: 'policy.vct-of-untrusted-issuer',
    rule: 'Verifier policy (trust is per type)',
    expected: reject('ERR_UNTRUSTED_ISSUER'),
    applies: isSdJwt,
    mutate: (token, context) => {
      const { clinic } = context.pool.parties
      token.credential.signer = clinic.signer
      edit(token.credential, 'header', (header) => {
        header.alg = clinic.signer.alg
        header.kid = clinic.kid
      })
      edit(token.credential, 'payload', (claims) => {
        claims.iss = clinic.did
      })
    },
  },
  // Holder binding.
  {
    id: 'holder.subject-is-not-presenter',
    rule: 'Verifier policy (holder binding)',
    expected: reject('ERR_HOLDER_MISMATCH'),
    applies: (entry) => isPresentation(entry) && !isSdJwt(entry),
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        subjectObject(claims).id = context.pool.parties.stranger.did
        if (claims.sub !== undefined) claims.sub = context.pool.parties.stranger.did
      }),
  },
  {
    id: 'holder.cnf-of-another-key',
    rule: 'SD-JWT (KB-JWT signed by the cnf key)',
    expected: reject(),
    applies: (entry) => isPresentation(entry) && isSdJwt(entry),
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims.cnf = { jwk: { ...context.pool.strangerJwk } as JsonObject }
      }),
  },
  {
    id: 'holder.cnf-removed',
    rule: 'Verifier policy (holder binding)',
    expected: reject(),
    applies: (entry) => isPresentation(entry) && isSdJwt(entry),
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        delete claims.cnf
      }),
  },
  {
    id: 'holder.bare-credential-where-presentation-expected',
    rule: 'Verifier policy (holder binding required with audience or nonce)',
    expected: reject(),
    applies: (entry) => isPresentation(entry) && !isSdJwt(entry),
    mutate: (_token, context) => ({
      input: context.entry.embedded as string,
      expectations: context.entry.expectations,
    }),
  },
  {
    id: 'holder.sd-jwt-key-binding-cut',
    rule: 'Verifier policy (SD-JWT without a valid KB-JWT refused)',
    expected: reject(),
    applies: (entry) => isPresentation(entry) && isSdJwt(entry),
    mutate: (_token, context) => ({
      input: context.entry.token.slice(0, context.entry.token.lastIndexOf('~') + 1),
    }),
  },
  // SD-JWT.
  {
    id: 'sd.digest-removed',
    rule: 'SD-JWT (disclosure digest must be in the payload)',
    expected: reject('ERR_DISCLOSURE_INVALID'),
    applies: hasDisclosures,
    mutate: (token) => {
      const digest = sdDigest(token.disclosures?.[0] as string)
      edit(token.credential, 'payload', (claims) => {
        for (const list of sdArrays(claims)) {
          const index = list.indexOf(digest)
          if (index >= 0) list.splice(index, 1)
        }
      })
    },
  },
  {
    id: 'sd.digest-twice',
    rule: 'SD-JWT (a digest seen twice refused)',
    expected: reject('ERR_DISCLOSURE_INVALID'),
    applies: hasDisclosures,
    mutate: (token) => {
      const digest = sdDigest(token.disclosures?.[0] as string)
      edit(token.credential, 'payload', (claims) => {
        claims._sd = [...((claims._sd as JsonValue[]) ?? []), digest]
      })
    },
  },
  {
    id: 'sd.disclosure-twice',
    rule: 'SD-JWT (a digest seen twice refused)',
    expected: reject('ERR_DISCLOSURE_INVALID'),
    applies: hasDisclosures,
    mutate: (token) => {
      token.disclosures = [...(token.disclosures ?? []), token.disclosures?.[0] as string]
    },
  },
  {
    id: 'sd.decoy-digest-added',
    rule: 'SD-JWT (decoys)',
    expected: ACCEPT,
    applies: isSdJwt,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims._sd = [
          ...((claims._sd as JsonValue[] | undefined) ?? []),
          randomBytes(32).toString('base64url'),
        ]
        claims._sd_alg = 'sha-256'
      }),
  },
  {
    id: 'sd.new-disclosure',
    rule: 'SD-JWT (a disclosure whose digest the issuer signed)',
    expected: ACCEPT,
    applies: isSdJwt,
    mutate: (token) => {
      addDisclosure(token, ['nickname', 'Mari'])
      edit(token.credential, 'payload', (claims) => {
        claims._sd_alg = 'sha-256'
      })
    },
  },
  {
    id: 'sd.disclosure-withheld',
    rule: 'SD-JWT (the holder chooses what to disclose)',
    expected: ACCEPT,
    applies: hasDisclosures,
    mutate: (token) => {
      token.disclosures = token.disclosures?.slice(1) ?? []
    },
  },
  {
    id: 'sd.sd_alg-unknown',
    rule: 'SD-JWT (unknown or weak _sd_alg refused)',
    expected: reject(),
    applies: hasDisclosures,
    mutate: (token, context) =>
      edit(token.credential, 'payload', (claims) => {
        claims._sd_alg = context.random() < 0.5 ? 'md5' : 'sha-1'
      }),
  },
  ...(
    [
      ['sd.disclosure-named-_sd', ['_sd', ['x']]],
      ['sd.disclosure-named-ellipsis', ['...', 'x']],
      ['sd.disclosure-name-already-present', ['vct', 'urn:civitas:vct:other:1']],
      ['sd.disclosure-iss', ['iss', 'did:example:other']],
      ['sd.disclosure-status', ['status', { status_list: { idx: 1, uri: 'https://status.example/1' } }]],
      ['sd.disclosure-exp', ['exp', 4102444800]],
      ['sd.disclosure-arity-1', []],
      ['sd.disclosure-arity-4', ['a', 'b', 'c']],
      ['sd.disclosure-name-not-string', [7, 'x']],
    ] as const
  ).map(
    ([id, content]): ClaimRule => ({
      id,
      rule: 'SD-JWT (disclosure shape and reserved names)',
      expected: reject(),
      applies: isSdJwt,
      mutate: (token) => addDisclosure(token, [...content] as JsonValue[]),
    }),
  ),
  {
    id: 'sd.vct-missing',
    rule: 'SD-JWT VC (vct required)',
    expected: reject(),
    applies: isSdJwt,
    mutate: (token) =>
      edit(token.credential, 'payload', (claims) => {
        delete claims.vct
      }),
  },
  // The holder's envelope: a presentation or a key-binding JWT.
  {
    id: 'envelope.aud-wrong',
    rule: 'OpenID4VP (bound to the client id)',
    expected: reject('ERR_AUDIENCE_MISMATCH'),
    applies: isPresentation,
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.aud = 'https://evil.example'
      }),
  },
  {
    id: 'envelope.nonce-wrong',
    rule: 'OpenID4VP (bound to the nonce)',
    expected: reject('ERR_NONCE_MISMATCH'),
    applies: isPresentation,
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.nonce = 'n-other-0S6_WzA2Mj'
      }),
  },
  {
    id: 'envelope.iat-stale',
    rule: 'JWTs in general (presentations fresh within 5 minutes)',
    expected: reject('ERR_PRESENTATION_STALE'),
    applies: isPresentation,
    mutate: (token, context) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.iat = seconds(context) - 600
      }),
  },
  {
    id: 'envelope.iat-future',
    rule: 'JWTs in general (clock skew)',
    expected: reject('ERR_TOKEN_ISSUED_IN_FUTURE'),
    applies: isPresentation,
    mutate: (token, context) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.iat = seconds(context) + 600
      }),
  },
  {
    id: 'envelope.iat-within-skew',
    rule: 'JWTs in general (clock skew)',
    expected: ACCEPT,
    applies: isPresentation,
    mutate: (token, context) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.iat = seconds(context) + 30
      }),
  },
  {
    id: 'envelope.nbf-future',
    rule: 'Verifier policy (presentation nbf checked even with iat)',
    expected: reject(
      'ERR_CREDENTIAL_NOT_YET_VALID',
      'ERR_TOKEN_ISSUED_IN_FUTURE',
      'ERR_PRESENTATION_INVALID',
    ),
    applies: (entry) => isPresentation(entry) && !isSdJwt(entry),
    mutate: (token, context) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.nbf = seconds(context) + 3600
      }),
  },
  {
    id: 'envelope.exp-past',
    rule: 'JWTs in general (clock skew)',
    expected: reject(),
    applies: (entry) => isPresentation(entry) && !isSdJwt(entry),
    mutate: (token, context) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.exp = seconds(context) - 3600
      }),
  },
  {
    id: 'envelope.alg-none',
    rule: 'JWTs in general (none refused)',
    expected: reject('ERR_ALGORITHM_UNSUPPORTED', 'ERR_ALGORITHM_MISMATCH', 'ERR_KEY_BINDING_INVALID'),
    applies: isPresentation,
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'header', (header) => {
        header.alg = 'none'
      }),
  },
  {
    id: 'envelope.typ-of-another-kind',
    rule: 'JWTs in general (explicit, exclusive types)',
    expected: reject(),
    applies: isPresentation,
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'header', (header) => {
        header.typ = header.typ === 'kb+jwt' ? 'JWT' : 'vc+jwt'
      }),
  },
  {
    id: 'envelope.crit-unknown',
    rule: 'JWTs in general (unknown crit refused)',
    expected: reject('ERR_JWS_CRIT_UNSUPPORTED', 'ERR_KEY_BINDING_INVALID'),
    applies: isPresentation,
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'header', (header) => {
        header.crit = ['x-civitas-fuzz']
        header['x-civitas-fuzz'] = 1
      }),
  },
  {
    id: 'envelope.signed-by-stranger',
    rule: 'Verifier policy (holder binding)',
    expected: reject(),
    applies: isPresentation,
    mutate: (token, context) => {
      const { stranger } = context.pool.parties
      const layer = token.envelope?.layer as JwtLayer
      layer.signer = stranger.signer
      edit(layer, 'header', (header) => {
        header.alg = stranger.signer.alg
        if (header.kid !== undefined) header.kid = stranger.kid
      })
      edit(layer, 'payload', (claims) => {
        if (claims.iss !== undefined) claims.iss = stranger.did
        if (claims.holder !== undefined) claims.holder = stranger.did
      })
    },
  },
  {
    id: 'envelope.sd_hash-wrong',
    rule: 'SD-JWT (sd_hash over exactly the presented SD-JWT)',
    expected: reject('ERR_KEY_BINDING_INVALID'),
    applies: (entry) => isPresentation(entry) && isSdJwt(entry),
    mutate: (token) =>
      edit(token.envelope?.layer as JwtLayer, 'payload', (claims) => {
        claims.sd_hash = sdDigest('something else')
      }),
  },
]
