import type { Clock, JsonObject } from '@civitas/core'
import type { ClaimPath } from '../types.js'

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

/** What a template builds for `issueCredential({ format: 'dc+sd-jwt', ...built })`. */
export interface SdJwtBuild {
  /** The SD-JWT VC claims, with `vct` and the holder's DID as `sub`. */
  credential: JsonObject
  /** The claims the holder may disclose one by one. */
  disclosable: ClaimPath[]
}

/** A template that also builds SD-JWT VCs, with its own choice of what is selectively disclosable. */
export interface SdJwtCredentialTemplate<Input> extends CredentialTemplate<Input> {
  /** The SD-JWT VC type (`vct`). */
  readonly vct: string
  /** Builds the SD-JWT VC claims and the disclosable paths; derived claims are computed as of `clock`. */
  buildSdJwt(input: Input, options?: { clock?: Clock }): SdJwtBuild
}
