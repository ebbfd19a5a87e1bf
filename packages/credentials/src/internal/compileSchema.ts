import type { JsonObject, JsonValue } from '@civitas/core'

/**
 * A compiled check: `undefined` when the value matches, else where and why it does not, as
 * `/path/to/member: reason`. The path is assembled only on failure, as the fault bubbles up, so a
 * passing check allocates nothing.
 */
export type CompiledSchema = (value: unknown) => string | undefined

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$comment', 'examples'])
const KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'items',
  'contains',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'oneOf',
  'minimum',
  'maximum',
])

/**
 * Compiles the JSON Schema subset the credential templates use into plain closures, so checking a
 * credential costs microseconds. Returns `undefined` for any schema outside that subset, which is
 * then validated by the general 2020-12 validator instead.
 */
export function compileSchema(schema: JsonValue): CompiledSchema | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined
  for (const keyword of Object.keys(schema))
    if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) return undefined
  const checks: CompiledSchema[] = []
  for (const [keyword, argument] of Object.entries(schema)) {
    const check = compileKeyword(keyword, argument)
    if (check === null) return undefined
    if (check !== undefined) checks.push(check)
  }
  return (value) => {
    for (const check of checks) {
      const fault = check(value)
      if (fault !== undefined) return fault
    }
    return undefined
  }
}

function compileKeyword(keyword: string, argument: JsonValue): CompiledSchema | undefined | null {
  switch (keyword) {
    case 'type':
      return typeof argument === 'string'
        ? (value) => (hasType(value, argument) ? undefined : `: expected ${argument}`)
        : null
    case 'required':
      if (!Array.isArray(argument)) return null
      return (value) => {
        if (!isObject(value)) return undefined
        for (const name of argument)
          if (typeof name === 'string' && !Object.hasOwn(value, name)) return `: ${name} is required`
        return undefined
      }
    case 'properties': {
      if (!isObject(argument)) return null
      const names = Object.keys(argument)
      const checks = names.map((name) => compileSchema(argument[name] as JsonValue))
      if (checks.some((check) => check === undefined)) return null
      return (value) => {
        if (!isObject(value)) return undefined
        for (let index = 0; index < names.length; index++) {
          const name = names[index] as string
          if (!Object.hasOwn(value, name)) continue
          const fault = (checks[index] as CompiledSchema)(value[name])
          if (fault !== undefined) return `/${name}${fault}`
        }
        return undefined
      }
    }
    case 'items':
    case 'contains': {
      const check = compileSchema(argument)
      if (check === undefined) return null
      return (value) => {
        if (!Array.isArray(value)) return undefined
        if (keyword === 'contains')
          return value.some((item) => check(item) === undefined) ? undefined : ': no item matches'
        for (let index = 0; index < value.length; index++) {
          const fault = check(value[index])
          if (fault !== undefined) return `/${index}${fault}`
        }
        return undefined
      }
    }
    case 'oneOf': {
      if (!Array.isArray(argument)) return null
      const options = argument.map(compileSchema)
      if (options.some((option) => option === undefined)) return null
      return (value) =>
        options.filter((option) => option?.(value) === undefined).length === 1
          ? undefined
          : ': must match exactly one option'
    }
    case 'enum':
      return Array.isArray(argument)
        ? (value) => (argument.some((entry) => same(entry, value)) ? undefined : ': not an allowed value')
        : null
    case 'const':
      return (value) => (same(argument, value) ? undefined : `: must be ${JSON.stringify(argument)}`)
    case 'pattern': {
      if (typeof argument !== 'string') return null
      const pattern = new RegExp(argument, 'u')
      return (value) =>
        typeof value !== 'string' || pattern.test(value) ? undefined : `: does not match ${argument}`
    }
    case 'minLength':
    case 'maxLength':
      return typeof argument === 'number' ? lengthCheck(keyword, argument) : null
    case 'minItems':
    case 'maxItems':
      return typeof argument === 'number' ? countCheck(keyword, argument) : null
    case 'uniqueItems':
      return argument === true
        ? (value) =>
            !Array.isArray(value) ||
            value.every((item, index) => value.findIndex((other) => same(other, item)) === index)
              ? undefined
              : ': items must be unique'
        : undefined
    case 'minimum':
    case 'maximum':
      if (typeof argument !== 'number') return null
      return (value) =>
        typeof value !== 'number' || (keyword === 'minimum' ? value >= argument : value <= argument)
          ? undefined
          : ': out of range'
    default:
      return ANNOTATIONS.has(keyword) ? undefined : null
  }
}

function lengthCheck(keyword: 'minLength' | 'maxLength', limit: number): CompiledSchema {
  return (value) => {
    if (typeof value !== 'string') return undefined
    // JSON Schema counts code points; a string has at least half as many as UTF-16 units and at
    // most as many, so most strings are decided without counting.
    if (keyword === 'maxLength' ? value.length <= limit : value.length >= 2 * limit) return undefined
    const length = codePointCount(value)
    return (keyword === 'minLength' ? length >= limit : length <= limit) ? undefined : ': wrong length'
  }
}

function codePointCount(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

function countCheck(keyword: 'minItems' | 'maxItems', limit: number): CompiledSchema {
  return (value) => {
    if (!Array.isArray(value)) return undefined
    return (keyword === 'minItems' ? value.length >= limit : value.length <= limit)
      ? undefined
      : ': wrong number of items'
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    default:
      return false
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON equality: same scalars, same arrays in order, same members in any order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => same(item, b[index]))
    )
  }
  if (!isObject(a) || !isObject(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]))
  )
}
