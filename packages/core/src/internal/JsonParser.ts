import { CivitasError, type CivitasErrorCode } from '../errors.js'
import type { JsonObject, JsonValue } from '../types.js'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const SURROGATE = /[\uD800-\uDFFF]/
const WELL_FORMED_SURROGATES = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/

/** A strict recursive-descent JSON parser; see `parseJson` for the rules it enforces. */
export class JsonParser {
  private position = 0

  constructor(
    private readonly text: string,
    private readonly name: string,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): JsonValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.fail('ERR_JSON_INVALID', 'byte-order mark is not allowed')
    const value = this.parseValue(0)
    this.skipWhitespace()
    if (this.position !== this.text.length)
      this.fail('ERR_JSON_INVALID', 'unexpected data after the JSON value')
    return value
  }

  private parseValue(depth: number): JsonValue {
    this.skipWhitespace()
    const char = this.text[this.position]
    switch (char) {
      case '{':
        return this.parseObject(depth + 1)
      case '[':
        return this.parseArray(depth + 1)
      case '"':
        return this.parseString()
      case 't':
        return this.parseLiteral('true', true)
      case 'f':
        return this.parseLiteral('false', false)
      case 'n':
        return this.parseLiteral('null', null)
      default:
        return this.parseNumber()
    }
  }

  private parseObject(depth: number): JsonObject {
    this.checkDepth(depth)
    this.position++
    const object: JsonObject = {}
    this.skipWhitespace()
    if (this.text[this.position] === '}') {
      this.position++
      return object
    }
    for (;;) {
      this.skipWhitespace()
      if (this.text[this.position] !== '"') this.fail('ERR_JSON_INVALID', 'expected a member name')
      const key = this.parseString()
      if (FORBIDDEN_KEYS.has(key)) this.fail('ERR_JSON_FORBIDDEN_KEY', `member name "${key}" is not allowed`)
      if (Object.hasOwn(object, key)) this.fail('ERR_JSON_DUPLICATE_KEY', `duplicate member name "${key}"`)
      this.skipWhitespace()
      if (this.text[this.position] !== ':') this.fail('ERR_JSON_INVALID', 'expected ":"')
      this.position++
      object[key] = this.parseValue(depth)
      this.skipWhitespace()
      const next = this.text[this.position++]
      if (next === '}') return object
      if (next !== ',') this.fail('ERR_JSON_INVALID', 'expected "," or "}"')
    }
  }

  private parseArray(depth: number): JsonValue[] {
    this.checkDepth(depth)
    this.position++
    const array: JsonValue[] = []
    this.skipWhitespace()
    if (this.text[this.position] === ']') {
      this.position++
      return array
    }
    for (;;) {
      array.push(this.parseValue(depth))
      this.skipWhitespace()
      const next = this.text[this.position++]
      if (next === ']') return array
      if (next !== ',') this.fail('ERR_JSON_INVALID', 'expected "," or "]"')
    }
  }

  private parseString(): string {
    const start = this.position
    let end = start + 1
    let escaped = false
    for (;;) {
      const code = this.text.charCodeAt(end)
      if (Number.isNaN(code)) this.fail('ERR_JSON_INVALID', 'unterminated string')
      if (code === 0x22) break
      if (code < 0x20) this.fail('ERR_JSON_INVALID', 'control character in string')
      if (code === 0x5c) {
        escaped = true
        end++
      }
      end++
    }
    this.position = end + 1
    // Without escapes the slice is the value; with them the platform decodes the escapes.
    const value = escaped ? this.decodeEscapes(start, end) : this.text.slice(start + 1, end)
    if (SURROGATE.test(value) && !WELL_FORMED_SURROGATES.test(value)) {
      this.fail('ERR_JSON_INVALID', 'lone surrogate in string')
    }
    return value
  }

  private decodeEscapes(start: number, end: number): string {
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string
    } catch {
      return this.fail('ERR_JSON_INVALID', 'invalid escape in string')
    }
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.position
    const match = NUMBER.exec(this.text)
    if (match === null) this.fail('ERR_JSON_INVALID', `unexpected ${this.describeCurrent()}`)
    this.position += match[0].length
    const value = Number(match[0])
    if (!Number.isFinite(value)) this.fail('ERR_JSON_INVALID', 'number out of range')
    return value
  }

  private parseLiteral<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.position))
      this.fail('ERR_JSON_INVALID', `unexpected ${this.describeCurrent()}`)
    this.position += word.length
    return value
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.position)
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return
      this.position++
    }
  }

  private checkDepth(depth: number): void {
    if (depth > this.maxDepth) this.fail('ERR_JSON_TOO_DEEP', `nesting deeper than ${this.maxDepth}`)
  }

  private describeCurrent(): string {
    return this.position >= this.text.length
      ? 'end of input'
      : `character ${JSON.stringify(this.text[this.position])}`
  }

  private fail(code: CivitasErrorCode, reason: string): never {
    throw new CivitasError(code, `${this.name}: ${reason} at position ${this.position}`, {
      details: { position: this.position },
    })
  }
}
