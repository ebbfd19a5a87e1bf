import { Validator } from '@cfworker/json-schema'
import type { JsonObject, JsonValue } from '@civitas/core'

type Schema = JsonObject

// Patterns the templates use, in words a person filling in a claim understands.
const PATTERNS: Readonly<Record<string, string>> = {
  '^did:': 'a DID',
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date, YYYY-MM-DD',
  '^[A-Z]{2}$': 'a country code, two capital letters',
}

/** A schema fragment's type in words: `text`, `a date, YYYY-MM-DD`, `one of member|board`, … */
function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join('|')}`
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (typeof schema.pattern === 'string') return PATTERNS[schema.pattern] ?? `text matching ${schema.pattern}`
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Schema
    return `a JSON list of ${typeOf(items)} (name:='["…"]')`
  }
  if (schema.type === 'integer')
    return `a whole number${typeof schema.minimum === 'number' ? ` ≥ ${schema.minimum}` : ''} (name:=3)`
  if (schema.type === 'string') return 'text'
  if (Array.isArray(schema.oneOf)) return 'an object, one of the forms below'
  return typeof schema.type === 'string' ? schema.type : 'a JSON value'
}

/**
 * The claims of a template's JSON Schema (its `credentialSubject`), one line each with its dotted
 * name, whether it is required, and its type; nested objects and each form of a `oneOf` are listed
 * under their claim.
 */
export function templateClaimLines(schema: Schema): string[] {
  const subject = ((schema.properties as Schema | undefined)?.credentialSubject ?? {}) as Schema
  return claimLines(subject, '', '    ')
}

function claimLines(schema: Schema, prefix: string, indent: string): string[] {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const lines: string[] = []
  for (const [name, value] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (prefix === '' && name === 'id') continue // the subject: --subject
    const path = `${prefix}${name}`
    const need = required.has(name) ? 'required' : 'optional'
    if (value.type === 'object' && value.properties !== undefined) {
      lines.push(`${indent}${path.padEnd(22)} ${need}, an object:`)
      lines.push(...claimLines(value, `${path}.`, indent))
    } else if (Array.isArray(value.oneOf)) {
      lines.push(`${indent}${path.padEnd(22)} ${need}, ${typeOf(value)}:`)
      for (const [index, form] of (value.oneOf as Schema[]).entries())
        lines.push(`${indent}  form ${index + 1}:`, ...claimLines(form, `${path}.`, `${indent}  `))
    } else {
      lines.push(`${indent}${path.padEnd(22)} ${need}, ${typeOf(value)}`)
    }
  }
  return lines
}

/**
 * Every place a credential breaks its schema, each with its JSON path and what was expected there
 * (a validator that stops at the first fault leaves a person fixing one claim per attempt).
 */
export function schemaFaults(schema: Schema, credential: JsonObject): string[] {
  const result = new Validator(schema as never, '2020-12', false).validate(credential)
  const faults: string[] = []
  for (const error of result.errors) {
    const path = error.instanceLocation.replace(/^#/, '') || '/'
    // Containers only repeat their members' faults; a oneOf's branches are summed up by the oneOf.
    if (['properties', 'items', 'allOf'].includes(error.keyword)) continue
    if (/\/oneOf\/\d+\//.test(error.keywordLocation)) continue
    const fragment = fragmentAt(schema, error.keywordLocation)
    if (error.keyword === 'required') {
      const name = /"([^"]+)"/.exec(error.error)?.[1] ?? ''
      const expected = ((fragment?.properties as Schema | undefined)?.[name] ?? {}) as Schema
      faults.push(`${path === '/' ? '' : path}/${name}: missing (required: ${typeOf(expected)})`)
    } else if (fragment !== undefined && error.keyword !== 'oneOf') {
      faults.push(`${path}: ${JSON.stringify(valueAt(credential, path))} is not ${typeOf(fragment)}`)
    } else {
      faults.push(`${path}: ${error.error}`)
    }
  }
  return faults
}

/** The schema object holding the keyword a `keywordLocation` (`#/properties/a/required`) names. */
function fragmentAt(schema: Schema, location: string): Schema | undefined {
  let node: JsonValue | undefined = schema
  for (const part of location.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, JsonValue>)[part] : undefined
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? node : undefined
}

function valueAt(value: JsonValue, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = value
  for (const part of path.split('/').filter((segment) => segment !== '')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, JsonValue>)[part] : undefined
  }
  return node
}
