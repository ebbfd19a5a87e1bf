import type { JsonObject, JsonValue } from '@civitas/core'

/** A compiled check: `undefined` when the value matches, else where and why it does not. */
export type CompiledSchema = (value: unknown, path?: string) => string | undefined

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
  return (value, path = '') => {
    for (const check of checks) {
      const error = check(value, path)
      if (error !== undefined) return error
    }
    return undefined
  }
}

function compileKeyword(keyword: string, argument: JsonValue): CompiledSchema | undefined | null {
  switch (keyword) {
    case 'type':
      return typeof argument === 'string'
        ? (value, path) => (hasType(value, argument) ? undefined : `${path}: expected ${argument}`)
        : null
    case 'required':
      if (!Array.isArray(argument)) return null
      return (value, path) => {
        if (!isObject(value)) return undefined
        const missing = argument.find((name) => typeof name === 'string' && !Object.hasOwn(value, name))
        return missing === undefined ? undefined : `${path}: ${String(missing)} is required`
      }
    case 'properties': {
      if (!isObject(argument)) return null
      const compiled = Object.entries(argument).map(([name, sub]) => [name, compileSchema(sub)] as const)
      if (compiled.some(([, check]) => check === undefined)) return null
      return (value, path) => {
        if (!isObject(value)) return undefined
        for (const [name, check] of compiled) {
          if (Object.hasOwn(value, name)) {
            const error = check?.(value[name], `${path}/${name}`)
            if (error !== undefined) return error
          }
        }
        return undefined
      }
    }
    case 'items':
    case 'contains': {
      const check = compileSchema(argument)
      if (check === undefined) return null
      return (value, path) => {
        if (!Array.isArray(value)) return undefined
        if (keyword === 'contains')
          return value.some((item) => check(item) === undefined) ? undefined : `${path}: no item matches`
        for (const [index, item] of value.entries()) {
          const error = check(item, `${path}/${index}`)
          if (error !== undefined) return error
        }
        return undefined
      }
    }
    case 'oneOf': {
      if (!Array.isArray(argument)) return null
      const options = argument.map(compileSchema)
      if (options.some((option) => option === undefined)) return null
      return (value, path) =>
        options.filter((option) => option?.(value) === undefined).length === 1
          ? undefined
          : `${path}: must match exactly one option`
    }
    case 'enum':
      return Array.isArray(argument)
        ? (value, path) =>
            argument.some((entry) => same(entry, value)) ? undefined : `${path}: not an allowed value`
        : null
    case 'const':
      return (value, path) =>
        same(argument, value) ? undefined : `${path}: must be ${JSON.stringify(argument)}`
    case 'pattern': {
      if (typeof argument !== 'string') return null
      const pattern = new RegExp(argument, 'u')
      return (value, path) =>
        typeof value !== 'string' || pattern.test(value) ? undefined : `${path}: does not match ${argument}`
    }
    case 'minLength':
    case 'maxLength':
      return typeof argument === 'number' ? lengthCheck(keyword, argument) : null
    case 'minItems':
    case 'maxItems':
      return typeof argument === 'number' ? countCheck(keyword, argument) : null
    case 'uniqueItems':
      return argument === true
        ? (value, path) =>
            !Array.isArray(value) ||
            value.every((item, index) => value.findIndex((other) => same(other, item)) === index)
              ? undefined
              : `${path}: items must be unique`
        : undefined
    case 'minimum':
    case 'maximum':
      if (typeof argument !== 'number') return null
      return (value, path) =>
        typeof value !== 'number' || (keyword === 'minimum' ? value >= argument : value <= argument)
          ? undefined
          : `${path}: out of range`
    default:
      return ANNOTATIONS.has(keyword) ? undefined : null
  }
}

function lengthCheck(keyword: 'minLength' | 'maxLength', limit: number): CompiledSchema {
  return (value, path) => {
    if (typeof value !== 'string') return undefined
    const length = [...value].length
    return (keyword === 'minLength' ? length >= limit : length <= limit) ? undefined : `${path}: wrong length`
  }
}

function countCheck(keyword: 'minItems' | 'maxItems', limit: number): CompiledSchema {
  return (value, path) => {
    if (!Array.isArray(value)) return undefined
    return (keyword === 'minItems' ? value.length >= limit : value.length <= limit)
      ? undefined
      : `${path}: wrong number of items`
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
