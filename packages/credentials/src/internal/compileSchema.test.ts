import { Validator } from '@cfworker/json-schema'
import type { JsonObject } from '@civitas/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { healthAccess } from '../templates/healthAccess.js'
import { membership } from '../templates/membership.js'
import { quarantinePass } from '../templates/quarantinePass.js'
import { residency } from '../templates/residency.js'
import { compileSchema } from './compileSchema.js'

const SUBJECT = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
const SAMPLES: [string, JsonObject, JsonObject][] = [
  [
    'residency',
    residency.schema,
    residency.build({
      subject: SUBJECT,
      givenName: 'Mari',
      familyName: 'Tamm',
      birthDate: '1990-04-12',
      nationality: 'EE',
      residencyStatus: 'permanent',
      residentSince: '2015-09-01',
      issuingCity: 'Tartu',
      documentNumber: 'TRT-1',
      address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
    }),
  ],
  [
    'healthAccess',
    healthAccess.schema,
    healthAccess.build({
      subject: SUBJECT,
      provider: 'did:web:clinic.example',
      providerName: 'Harbour Clinic',
      scopes: ['imaging', 'lab-results'],
      purpose: 'follow-up',
      period: { start: '2026-12-01', end: '2026-12-31' },
    }),
  ],
  [
    'quarantinePass',
    quarantinePass.schema,
    quarantinePass.build({
      subject: SUBJECT,
      destination: 'Jeju',
      clearance: 'cleared',
      healthAuthority: 'Jeju Province',
      basis: { kind: 'test', testType: 'PCR', result: 'negative', date: '2026-11-20' },
      window: { start: '2026-11-21', end: '2026-12-05' },
    }),
  ],
  [
    'membership',
    membership.schema,
    membership.build({
      subject: SUBJECT,
      community: 'Supilinn Society',
      role: 'member',
      memberSince: '2024-03-01',
    }),
  ],
]

/** Every path to a value inside a JSON object. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))]
}

function mutate(
  credential: JsonObject,
  path: (string | number)[],
  replacement: unknown,
  remove: boolean,
): JsonObject {
  const copy = structuredClone(credential) as Record<string | number, unknown>
  if (path.length === 0) return copy as JsonObject
  let parent: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path.at(-1) as string | number
  if (remove && !Array.isArray(parent)) delete parent[last]
  else parent[last] = replacement
  return copy as JsonObject
}

describe('compileSchema', () => {
  for (const [name, schema, sample] of SAMPLES) {
    const compiled = compileSchema(schema)
    const general = new Validator(schema as never, '2020-12', true)

    it(`behavior: compiles the ${name} template schema and accepts its sample`, () => {
      expect(compiled).toBeDefined()
      expect(compiled?.(sample)).toBeUndefined()
    })

    it(`property: decides like the general 2020-12 validator on any single mutation of a ${name} credential`, () => {
      const candidates = paths(sample)
      const replacement = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '',
          'EE',
          'Estonia',
          '1990-04-12',
          '12/04/1990',
          'did:example:x',
          'imaging',
          'member',
          'test',
          'cleared',
        ),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant([]),
        fc.constant({}),
        fc.array(fc.constantFrom('imaging', 'prescriptions', 'x'), { maxLength: 3 }),
      )
      fc.assert(
        fc.property(
          fc.nat({ max: candidates.length - 1 }),
          replacement,
          fc.boolean(),
          (index, value, remove) => {
            const mutated = mutate(sample, candidates[index] ?? [], value, remove)
            expect(compiled?.(mutated) === undefined).toBe(general.validate(mutated).valid)
          },
        ),
        { numRuns: 400 },
      )
    })
  }

  it('behavior: schemas outside the subset are left to the general validator', () => {
    expect(compileSchema({ type: 'object', additionalProperties: false })).toBeUndefined()
    expect(compileSchema({ $ref: '#/$defs/x' })).toBeUndefined()
    expect(compileSchema({ properties: { a: { format: 'date' } } })).toBeUndefined()
  })
})
