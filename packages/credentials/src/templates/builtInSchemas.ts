import type { JsonObject } from '@civitas/core'
import { healthAccess } from './healthAccess.js'
import { membership } from './membership.js'
import { quarantinePass } from './quarantinePass.js'
import { residency } from './residency.js'

/** Every built-in template's schema by id: what verification checks without fetching anything. */
export const BUILT_IN_SCHEMAS: ReadonlyMap<string, JsonObject> = new Map(
  [residency, healthAccess, quarantinePass, membership].map((template) => [
    template.schemaId,
    template.schema,
  ]),
)
