import type { JsonObject } from '@civitas/core'

/** The claims of a W3C credential's subject: its (first) `credentialSubject` object. */
export function firstCredentialSubject(credential: JsonObject): JsonObject {
  const subject = [credential.credentialSubject].flat()[0]
  return typeof subject === 'object' && subject !== null && !Array.isArray(subject) ? subject : {}
}
