import { randomBytes } from 'node:crypto'
import type { JsonValue } from '@civitas/core'
import { type LayeredToken, sdDigest } from '../layeredToken.js'
import { ACCEPT, type ClaimRule, edit, hasDisclosures, isSdJwt, reject } from './ruleKit.js'

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
function addDisclosure(token: LayeredToken, content: readonly JsonValue[]): void {
  const disclosure = Buffer.from(
    JSON.stringify([randomBytes(16).toString('base64url'), ...content]),
  ).toString('base64url')
  edit(token.credential, 'payload', (claims) => {
    claims._sd = [...((claims._sd as JsonValue[] | undefined) ?? []), sdDigest(disclosure)]
    claims._sd_alg = 'sha-256'
  })
  token.disclosures = [...(token.disclosures ?? []), disclosure]
}

/** A rule over the SD-JWT layer: the issuer's digests and the disclosures. */
function sdRule(
  id: string,
  rule: string,
  expected: ClaimRule['expected'],
  change: (token: LayeredToken, random: () => number) => void,
  applies: ClaimRule['applies'] = hasDisclosures,
): ClaimRule {
  return {
    id,
    rule: `SD-JWT (${rule})`,
    expected,
    applies,
    mutate: (token, context) => {
      change(token, context.random)
      return undefined
    },
  }
}

const firstDigest = (token: LayeredToken) => sdDigest(token.disclosures?.[0] as string)

/** Rules for SD-JWT VCs: digests, disclosures, `_sd_alg`, `vct`. */
export const SD_JWT_RULES: readonly ClaimRule[] = [
  sdRule(
    'sd.digest-removed',
    'disclosure digest must be in the payload',
    reject('ERR_DISCLOSURE_INVALID'),
    (token) => {
      const digest = firstDigest(token)
      edit(token.credential, 'payload', (claims) => {
        for (const list of sdArrays(claims)) if (list.includes(digest)) list.splice(list.indexOf(digest), 1)
      })
    },
  ),
  sdRule('sd.digest-twice', 'a digest seen twice refused', reject('ERR_DISCLOSURE_INVALID'), (token) => {
    const digest = firstDigest(token)
    edit(token.credential, 'payload', (claims) => {
      claims._sd = [...((claims._sd as JsonValue[] | undefined) ?? []), digest]
    })
  }),
  sdRule('sd.disclosure-twice', 'a digest seen twice refused', reject('ERR_DISCLOSURE_INVALID'), (token) => {
    token.disclosures = [...(token.disclosures ?? []), token.disclosures?.[0] as string]
  }),
  sdRule('sd.disclosure-withheld', 'the holder chooses what to disclose', ACCEPT, (token) => {
    token.disclosures = token.disclosures?.slice(1) ?? []
  }),
  sdRule('sd.sd_alg-unknown', 'unknown or weak _sd_alg refused', reject(), (token, random) =>
    edit(token.credential, 'payload', (claims) => {
      claims._sd_alg = random() < 0.5 ? 'md5' : 'sha-1'
    }),
  ),
  sdRule(
    'sd.decoy-digest-added',
    'decoys',
    ACCEPT,
    (token) =>
      edit(token.credential, 'payload', (claims) => {
        claims._sd = [
          ...((claims._sd as JsonValue[] | undefined) ?? []),
          randomBytes(32).toString('base64url'),
        ]
        claims._sd_alg = 'sha-256'
      }),
    isSdJwt,
  ),
  sdRule(
    'sd.new-disclosure',
    'a disclosure whose digest the issuer signed',
    ACCEPT,
    (token) => addDisclosure(token, ['nickname', 'Mari']),
    isSdJwt,
  ),
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
  ).map(([id, content]) =>
    sdRule(
      id,
      'disclosure shape and reserved names',
      reject(),
      (token) => addDisclosure(token, content as never),
      isSdJwt,
    ),
  ),
  sdRule(
    'sd.vct-missing',
    'SD-JWT VC: vct required',
    reject(),
    (token) =>
      edit(token.credential, 'payload', (claims) => {
        delete claims.vct
      }),
    isSdJwt,
  ),
]
