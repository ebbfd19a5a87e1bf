/**
 * Describes a value's type in a few words for guard messages ("string of length 3", "null"), never
 * its content, so messages stay safe to log.
 *
 * @example
 * ```ts
 * import { describeValue } from '@civitas/core'
 *
 * describeValue(new Uint8Array(3)) // 'Uint8Array of length 3'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `array of length ${value.length}`
  if (value instanceof Uint8Array) return `Uint8Array of length ${value.length}`
  if (typeof value === 'string') return `string of length ${value.length}`
  if (typeof value === 'object') return `object ${Object.prototype.toString.call(value)}`
  return typeof value
}
