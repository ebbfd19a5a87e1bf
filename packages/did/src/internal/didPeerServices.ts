import { encodeBase64url, encodeUtf8, type JsonObject, type JsonValue } from '@civitas/core'

/** The did:peer:2 common string abbreviations (member names, and the `type` value). */
const ABBREVIATIONS: Record<string, string> = {
  type: 't',
  DIDCommMessaging: 'dm',
  serviceEndpoint: 's',
  routingKeys: 'r',
  accept: 'a',
}
const EXPANSIONS: Record<string, string> = Object.fromEntries(
  Object.entries(ABBREVIATIONS).map(([name, short]) => [short, name]),
)

/** Replaces member names (recursively) and the `type` value through `table`. */
function rename(value: JsonValue, table: Record<string, string>, typeName: string): JsonValue {
  if (Array.isArray(value)) return value.map((item) => rename(item, table, typeName))
  if (typeof value !== 'object' || value === null) return value
  const renamed: JsonObject = {}
  for (const [name, member] of Object.entries(value)) {
    const newName = Object.hasOwn(table, name) ? (table[name] as string) : name
    renamed[newName] =
      newName === typeName && typeof member === 'string' && Object.hasOwn(table, member)
        ? (table[member] as string)
        : rename(member, table, typeName)
  }
  return renamed
}

/** A service as a did:peer:2 element body: abbreviated, compact JSON, unpadded base64url. */
export function encodePeerService(service: JsonObject): string {
  return encodeBase64url(encodeUtf8(JSON.stringify(rename(service, ABBREVIATIONS, 't'))))
}

/** A decoded did:peer:2 service with its abbreviations expanded. */
export function expandPeerService(service: JsonObject): JsonObject {
  return rename(service, EXPANSIONS, 'type') as JsonObject
}
