import { CivitasError, type JsonObject, type JsonValue } from '@civitas/core'
import { BUILT_IN_SCHEMAS } from '../templates/builtInSchemas.js'
import { compileSchema } from './compileSchema.js'

// Each schema is compiled once: to closures when it stays within the subset templates use, else to
// the general 2020-12 validator.
/** The most faults an error lists: enough for any template, bounded for hostile input. */
const MAX_FAULTS = 50

const validators = new WeakMap<JsonObject, (credential: JsonObject) => string[]>()

/**
 * Validates a credential against the JSON Schemas its `credentialSchema` `references` name, when
 * known (a built-in template's, or one the caller passes). Schemas are never fetched.
 *
 * @returns `valid`, or `unknown` when Civitas knows none of the schemas.
 * @throws `ERR_SCHEMA_INVALID` with every fault (up to 50), each as `<JSON pointer>: <what is wrong>`, in
 *   `details.errors`.
 */
export async function checkSchemaReferences(
  credential: JsonObject,
  references: readonly JsonValue[],
  extra?: Readonly<Record<string, JsonObject>>,
): Promise<'valid' | 'unknown'> {
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
    const first = (validators.get(schema) ?? (await validatorFor(schema)))(credential)
    if (first.length > 0) {
      // The fast validator stops at the first fault; a person fixing a credential needs every one.
      const errors = await everyFault(schema, credential)
      const faults = errors.length > 0 ? errors : first
      throw new CivitasError(
        'ERR_SCHEMA_INVALID',
        `the credential does not match the schema ${id.slice(0, 120)}: ${faults.length} fault${faults.length === 1 ? '' : 's'}, first ${faults[0]?.slice(0, 200)}`,
        {
          details: { schema: id.slice(0, 200), errors: faults.slice(0, MAX_FAULTS) },
        },
      )
    }
  }
  return known ? 'valid' : 'unknown'
}

/**
 * Compiles a schema. The general 2020-12 validator loads only for schemas beyond the templates'
 * subset, so verifiers of template credentials (and browser bundles) go without it.
 */
async function validatorFor(schema: JsonObject): Promise<(credential: JsonObject) => string[]> {
  let validate = validators.get(schema)
  if (validate === undefined) {
    const compiled = compileSchema(schema)
    if (compiled !== undefined) {
      validate = (credential) => {
        const error = compiled(credential)
        return error === undefined ? [] : [error]
      }
    } else {
      const { Validator } = await import('@cfworker/json-schema')
      const general = new Validator(schema as never, '2020-12', true)
      validate = (credential) =>
        general.validate(credential).errors.map((error) => `${error.instanceLocation}: ${error.error}`)
    }
    validators.set(schema, validate)
  }
  return validate
}

/**
 * Every fault of a credential that failed its schema, with its JSON pointer, from the general 2020-12
 * validator (loaded only on failure, so the valid path stays on the compiled one). Container keywords
 * (`properties`, `items`, `allOf`) and a `oneOf`'s branches only repeat what their members say.
 */
async function everyFault(schema: JsonObject, credential: JsonObject): Promise<string[]> {
  const { Validator } = await import('@cfworker/json-schema')
  const { errors } = new Validator(schema as never, '2020-12', false).validate(credential)
  return errors
    .filter(
      (error) =>
        !['properties', 'items', 'allOf'].includes(error.keyword) &&
        !/\/oneOf\/\d+\//.test(error.keywordLocation),
    )
    .map((error) => `${error.instanceLocation.replace(/^#/, '') || '/'}: ${error.error}`)
}
