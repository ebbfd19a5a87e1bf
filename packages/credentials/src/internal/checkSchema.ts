import type { JsonObject } from '@civitas/core'

// Loaded once and then used without awaiting: a dynamic import() per call costs more than the
// check itself under module loaders (tsx, bundlers' runtime chunk lookup).
let schemaReferences: typeof import('./checkSchemaReferences.js') | undefined

/**
 * Validates a credential against the JSON Schema its `credentialSchema` names, when that schema is
 * known (a built-in template's, or one the caller passes). Schemas are never fetched. The schemas and
 * validators load with the first credential that names a schema.
 *
 * @returns `valid`, `unknown` (a schema Civitas does not know) or `none` (the credential names none).
 * @throws `ERR_SCHEMA_INVALID` with every fault (up to 50) in `details.errors`.
 */
export async function checkSchema(
  credential: JsonObject,
  extra?: Readonly<Record<string, JsonObject>>,
): Promise<'valid' | 'unknown' | 'none'> {
  const declared = credential.credentialSchema
  const references = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared]
  if (references.length === 0) return 'none'
  schemaReferences ??= await import('./checkSchemaReferences.js')
  return schemaReferences.checkSchemaReferences(credential, references, extra)
}
