import type { JsonValue } from '../types.js'

const MAY_HOLD_SURROGATES = /[\uD800-\uDFFF]|\\u[dD][89a-fA-F]/
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const
/**
 * What keeps text from being read as written: a non-ASCII character, an escape, whitespace before
 * a colon, or a forbidden member name. One pass finds any of them.
 */
const NOT_PLAIN = /[\u0080-\uffff]|\\|[ \t\n\r]:|"(?:__proto__|constructor|prototype)":/

/**
 * Parses with the platform's `JSON.parse` and returns the value only when it can vouch that the
 * strict parser would return the same one: no duplicate or forbidden member names, no possible
 * surrogates, finite numbers, nesting within `maxDepth`. Otherwise `undefined`, and the caller
 * runs the strict parser, which also reports the exact fault and position.
 */
export function parseJsonQuickly(text: string, maxDepth: number): JsonValue | undefined {
  // Plain text (what JSON.stringify writes for JWTs: ASCII, compact, no escapes) is read as written:
  // no surrogates, every name is its own text followed at once by a colon, so names are counted
  // on the text and the forbidden ones were ruled out by the same pass.
  const plain = !NOT_PLAIN.test(text)
  if (!plain && MAY_HOLD_SURROGATES.test(text)) return undefined
  let value: JsonValue
  try {
    value = JSON.parse(text) as JsonValue
  } catch {
    return undefined
  }
  const memberCount = countMembers(value, 0, maxDepth, !plain)
  if (memberCount < 0) return undefined
  return memberCount === (plain ? countPlainMemberNames(text) : countMemberNames(text)) ? value : undefined
}

/** Members in the parsed value, or -1 for anything the strict parser would refuse. */
function countMembers(value: JsonValue, depth: number, maxDepth: number, vetNames: boolean): number {
  if (typeof value !== 'object' || value === null)
    return typeof value !== 'number' || Number.isFinite(value) ? 0 : -1
  if (depth === maxDepth) return -1
  let count = 0
  if (Array.isArray(value)) {
    for (const item of value) {
      const nested = countMembers(item, depth + 1, maxDepth, vetNames)
      if (nested < 0) return -1
      count += nested
    }
    return count
  }
  if (vetNames) for (const key of FORBIDDEN_KEYS) if (Object.hasOwn(value, key)) return -1
  for (const item of Object.values(value)) {
    const nested = countMembers(item, depth + 1, maxDepth, vetNames)
    if (nested < 0) return -1
    count += nested + 1
  }
  return count
}

/**
 * Member names written in valid JSON text: strings followed by a colon. `JSON.parse` keeps one
 * member per duplicated name, so fewer parsed members than written names means a duplicate.
 */
function countMemberNames(text: string): number {
  let count = 0
  let open = text.indexOf('"')
  while (open !== -1) {
    let close = text.indexOf('"', open + 1)
    while (isEscaped(text, close)) close = text.indexOf('"', close + 1)
    let next = close + 1
    while (isWhitespace(text.charCodeAt(next))) next++
    if (text.charCodeAt(next) === 0x3a) count++
    open = text.indexOf('"', next)
  }
  return count
}

/**
 * {@link countMemberNames} for valid plain text (no backslash, no whitespace before a colon): a
 * quote directly followed by a colon can then only close a member name.
 */
function countPlainMemberNames(text: string): number {
  let count = 0
  for (let at = text.indexOf('":'); at !== -1; at = text.indexOf('":', at + 2)) count++
  return count
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0
  while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
  return backslashes % 2 === 1
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}
