import { type Clock, type JsonObject, systemClock } from '@civitas/core'
import type { ClaimPath } from '../../types.js'
import type { CredentialTemplate, SdJwtCredentialTemplate, TemplateInputBase } from '../types.js'

/**
 * Adds an SD-JWT VC builder to a template: `claims` maps the input's own claims (without the base
 * ones) to SD-JWT VC claims and names the disclosable ones; `sub`, `vct`, `nbf` and `exp` come
 * from the base input.
 */
export function withSdJwt<Input extends TemplateInputBase>(
  template: CredentialTemplate<Input>,
  definition: {
    vct: string
    claims(
      input: Omit<Input, keyof TemplateInputBase>,
      now: number,
    ): { claims: JsonObject; disclosable: ClaimPath[] }
  },
): SdJwtCredentialTemplate<Input> {
  const { vct } = definition
  return {
    ...template,
    vct,
    buildSdJwt(input, options: { clock?: Clock } = {}) {
      const { subject, id: _id, validFrom, validUntil, ...own } = input
      const { claims, disclosable } = definition.claims(own, (options.clock ?? systemClock)())
      return {
        credential: {
          vct,
          sub: subject,
          ...(validFrom === undefined ? {} : { nbf: seconds(validFrom) }),
          ...(validUntil === undefined ? {} : { exp: seconds(validUntil) }),
          ...claims,
        },
        disclosable,
      }
    },
  }
}

function seconds(date: string): number {
  return Math.floor(Date.parse(date) / 1000)
}
