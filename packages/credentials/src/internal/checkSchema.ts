import { Validator } from '@cfworker/json-schema'
import { CivitasError, type JsonObject } from '@civitas/core'
import { BUILT_IN_SCHEMAS } from '../templates/builtInSchemas.js'

const validators = new WeakMap<JsonObject, Validator>()

/**
 * Validates a credential against the JSON Schema its `credentialSchema` names, when that schema is
 * known (a built-in template's, or one the caller passes). Schemas are never fetched.
 *
 * @returns `valid`, `unknown` (a schema Civitas does not know) or `none` (the credential names none).
 * @throws `ERR_SCHEMA_INVALID` with the first errors in `details.errors`.
 */
export function checkSchema(
  credential: JsonObject,
  extra?: Readonly<Record<string, JsonObject>>,
): 'valid' | 'unknown' | 'none' {
  const references = [credential.credentialSchema].flat().filter((entry) => entry !== undefined)
  if (references.length === 0) return 'none'
  let known = false
  for (const reference of references) {
    const id =
      typeof reference === 'object' && reference !== null && !Array.isArray(reference)
        ? reference.id
        : undefined
    if (typeof id !== 'string')
      throw new CivitasError('ERR_SCHEMA_INVALID', 'credentialSchema entries need a string id')
    const schema = (extra && Object.hasOwn(extra, id) ? extra[id] : undefined) ?? BUILT_IN_SCHEMAS.get(id)
    if (schema === undefined) continue
    known = true
    let validator = validators.get(schema)
    if (validator === undefined) {
      validator = new Validator(schema as never, '2020-12', true)
      validators.set(schema, validator)
    }
    const result = validator.validate(credential)
    if (!result.valid) {
      throw new CivitasError(
        'ERR_SCHEMA_INVALID',
        `the credential does not match the schema ${id.slice(0, 120)}`,
        {
          details: {
            schema: id.slice(0, 200),
            errors: result.errors.slice(0, 5).map((error) => `${error.instanceLocation}: ${error.error}`),
          },
        },
      )
    }
  }
  return known ? 'valid' : 'unknown'
}
