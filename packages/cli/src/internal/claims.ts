import { readFile } from 'node:fs/promises'
import { type JsonObject, type JsonValue, parseJson } from '@civitas/core'
import { usageError } from './failure.js'

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Builds the claims object from `--claims file.json` and `--claim` flags: `name=text` sets a string,
 * `name:=json` a JSON value (numbers, arrays, objects); dots in a name nest (`address.locality=Tartu`).
 */
export async function readClaims(file: string | undefined, flags: readonly string[]): Promise<JsonObject> {
  const claims: JsonObject = {}
  if (file !== undefined) {
    const parsed = parseJson(await readFile(file, 'utf8'), { name: file })
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw usageError(`${file}: expected a JSON object of claims`)
    }
    Object.assign(claims, parsed)
  }
  for (const flag of flags) {
    const match = /^([^=:]+)(:?=)(.*)$/s.exec(flag)
    if (match === null) throw usageError(`--claim ${flag}: expected name=value or name:=json`)
    const [, name = '', operator, raw = ''] = match
    let value: JsonValue = raw
    if (operator === ':=') {
      try {
        value = parseJson(raw, { name: `--claim ${name}` })
      } catch {
        throw usageError(
          `--claim ${name}:=${raw}: not valid JSON (quote strings: name:='"text"', or use name=text)`,
        )
      }
    }
    setPath(claims, name.split('.'), value)
  }
  return claims
}

function setPath(target: JsonObject, path: string[], value: JsonValue): void {
  let node = target
  for (const [index, segment] of path.entries()) {
    if (segment === '' || FORBIDDEN.has(segment)) throw usageError(`--claim: bad name segment "${segment}"`)
    if (index === path.length - 1) {
      node[segment] = value
      return
    }
    const next = node[segment]
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[segment] = {}
    node = node[segment] as JsonObject
  }
}
