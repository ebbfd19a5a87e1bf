import type { JsonObject } from '@civitas/core'

/** A credential type with a typed builder and the JSON Schema (2020-12) it is checked against. */
export interface CredentialTemplate<Input> {
  /** The template's short name. */
  readonly name: string
  /** The credential type it adds after `VerifiableCredential`. */
  readonly type: string
  /** The schema's id, referenced from every credential as `credentialSchema.id`. */
  readonly schemaId: string
  /** The JSON Schema the whole credential must match, at issue and at verify. */
  readonly schema: JsonObject
  /** Builds an unsigned VC 2.0 credential for `issueCredential`. */
  build(input: Input): JsonObject
}

/** Input every template takes besides its own claims. */
export interface TemplateInputBase {
  /** The holder's DID: `credentialSubject.id`. */
  subject: string
  /** An id for the credential (a URN is made when omitted). */
  id?: string
  /** When the data becomes valid (ISO 8601); the issue time by default. */
  validFrom?: string
  /** When the data stops being valid (ISO 8601). */
  validUntil?: string
}
