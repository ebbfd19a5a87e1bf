import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonParser } from './JsonParser.js'
import { parseJsonQuickly } from './parseJsonQuickly.js'

// Written JSON text, built by hand so that it can hold duplicate names, escapes and surrogates.
const tricky = fc.constantFrom(
  'a',
  'b',
  '\\u0061',
  '__proto__',
  'constructor',
  '":',
  '\\\\',
  '\\"',
  '\\ud800',
  '😀',
)
const name = fc.array(tricky, { maxLength: 3 }).map((parts) => `"${parts.join('')}"`)
const text = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 5 },
    fc.constantFrom('null', 'true', '1e400', '-0', '0.5', '"x"', '":"', '"\\\\"'),
    name,
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .tuple(fc.array(fc.tuple(name, tie('value')), { maxLength: 4 }), fc.constantFrom(':', ' : ', '\n:'))
      .map(([members, colon]) => `{${members.map(([key, value]) => `${key}${colon}${value}`).join(',')}}`),
  ),
})).value

function strictly(json: string, maxDepth: number): unknown {
  try {
    return { value: new JsonParser(json, 'JSON', maxDepth).parseDocument() }
  } catch (error) {
    return { code: (error as { code: string }).code }
  }
}

describe('parseJsonQuickly', () => {
  it('behavior: whenever it answers, the strict parser returns the same value', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (json, maxDepth) => {
        const quick = parseJsonQuickly(json, maxDepth)
        if (quick !== undefined) expect(strictly(json, maxDepth)).toEqual({ value: quick })
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['a duplicate name', '{"a":1,"a":2}'],
    ['a duplicate written with an escape', '{"a":1,"\\u0061":2}'],
    ['a nested duplicate behind a colon in a string', '{"x":{"k":"\\":","k":1}}'],
    ['__proto__', '{"__proto__":{}}'],
    ['a nested constructor in compact text', '{"a":[{"constructor":1}]}'],
    ['a duplicate hidden by a space before its colon', '{"a":1,"a" :2}'],
    ['a lone surrogate escape', '["\\udc00"]'],
    ['an infinite number', '[1e400]'],
    ['nesting past the limit', '[[[[1]]]]'],
    ['malformed text', '{"a":1,}'],
  ])('behavior: defers %s to the strict parser', (_name, json) => {
    expect(parseJsonQuickly(json, 3)).toBeUndefined()
  })

  it('behavior: answers for compact JSON whose values read like names', () => {
    expect(parseJsonQuickly('{"k":"__proto__","v":["a:","b"]}', 32)).toEqual({
      k: '__proto__',
      v: ['a:', 'b'],
    })
  })

  it('behavior: answers for ordinary JSON', () => {
    expect(parseJsonQuickly('{"iss":"did:web:city.example","n":[1,{"k":"\\":"}]}', 32)).toEqual({
      iss: 'did:web:city.example',
      n: [1, { k: '":' }],
    })
  })
})
