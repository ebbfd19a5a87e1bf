// What crosses between Node and the test page: JSON with Uint8Array and undefined tagged, so the
// conformance suites' hostile inputs (undefined members, non-byte data) arrive as they were sent.

/** A JSON-safe form of a value. */
export function encodeBridgeValue(value: unknown): unknown {
  if (value === undefined) return { $undefined: true }
  if (value instanceof Uint8Array) return { $bytes: Array.from(value) }
  if (Array.isArray(value)) return value.map(encodeBridgeValue)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, member]) => [name, encodeBridgeValue(member)]),
    )
  }
  return value
}

/** The value {@link encodeBridgeValue} encoded. */
export function decodeBridgeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBridgeValue)
  if (typeof value === 'object' && value !== null) {
    const tagged = value as { $undefined?: true; $bytes?: number[] }
    if (tagged.$undefined === true) return undefined
    if (Array.isArray(tagged.$bytes)) return Uint8Array.from(tagged.$bytes)
    return Object.fromEntries(
      Object.entries(value).map(([name, member]) => [name, decodeBridgeValue(member)]),
    )
  }
  return value
}

/** A call's outcome as it crosses back: its value, or the error's code, message and details. */
export type BridgeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; code?: string; message: string; details?: unknown } }
