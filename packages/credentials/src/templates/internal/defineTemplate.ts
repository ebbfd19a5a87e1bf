import type { JsonObject } from '@civitas/core'
import type { CredentialTemplate, TemplateInputBase } from '../types.js'

const VC_V2 = 'https://www.w3.org/ns/credentials/v2'

/**
 * Makes a template from its type, schema id and the JSON Schema of its `credentialSubject`
 * claims; the full credential schema wraps them with the type and subject-id requirements, and the
 * builder puts every input member except the base ones into `credentialSubject`.
 */
export function defineTemplate<Input extends TemplateInputBase>(definition: {
  name: string
  type: string
  schemaId: string
  subjectSchema: JsonObject & { properties: JsonObject; required: string[] }
}): CredentialTemplate<Input> {
  const { name, type, schemaId, subjectSchema } = definition
  const schema: JsonObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId,
    title: `${type} credential`,
    type: 'object',
    required: ['type', 'credentialSubject'],
    properties: {
      type: { type: 'array', contains: { const: type }, items: { type: 'string' } },
      credentialSubject: {
        type: 'object',
        required: ['id', ...subjectSchema.required],
        properties: { id: { type: 'string', pattern: '^did:' }, ...subjectSchema.properties },
      },
    },
  }
  return {
    name,
    type,
    schemaId,
    schema,
    build(input) {
      const { subject, id, validFrom, validUntil, ...claims } = input
      return {
        '@context': [VC_V2],
        id: id ?? `urn:uuid:${crypto.randomUUID()}`,
        type: ['VerifiableCredential', type],
        credentialSchema: { id: schemaId, type: 'JsonSchema' },
        ...(validFrom === undefined ? {} : { validFrom }),
        ...(validUntil === undefined ? {} : { validUntil }),
        credentialSubject: { id: subject, ...(claims as JsonObject) },
      }
    },
  }
}

/** A JSON Schema fragment for an ISO 8601 calendar date. */
export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const
/** A JSON Schema fragment for a short non-empty string. */
export const TEXT = { type: 'string', minLength: 1, maxLength: 200 } as const
