import type { IAgentPluginSchema } from '@veramo/core'

const claimPaths = {
  type: 'array',
  items: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: ['string', 'number'] } }] },
}
const format = { type: 'string', enum: ['vc+jwt', 'jwt_vc_json', 'dc+sd-jwt'] }
const stringList = { type: 'array', items: { type: 'string' } }

/**
 * The JSON Schema of the plugin's methods, which a Veramo agent checks arguments and results against
 * when created with `schemaValidation: true`, and which a remote agent publishes.
 */
export const CIVITAS_PLUGIN_SCHEMA: IAgentPluginSchema = {
  components: {
    schemas: {
      CivitasVerifyArgs: {
        type: 'object',
        properties: {
          token: { type: 'string' },
          audience: { type: 'string' },
          nonce: { type: 'string' },
          types: stringList,
          requiredClaims: stringList,
          holderBinding: { type: 'string', enum: ['required', 'optional'] },
          allowBearer: { type: 'boolean' },
          statusMaxAgeMs: { type: 'number' },
        },
        required: ['token'],
        additionalProperties: false,
      },
      CivitasIssueArgs: {
        type: 'object',
        properties: {
          issuer: { type: 'string' },
          credential: { type: 'object' },
          format,
          validFor: { type: 'number' },
          keyRef: { type: 'string' },
          disclosable: claimPaths,
          decoys: { type: 'number' },
          holder: { type: ['string', 'object'] },
        },
        required: ['issuer', 'credential'],
        additionalProperties: false,
      },
      CivitasPresentArgs: {
        type: 'object',
        properties: {
          holder: { type: 'string' },
          credentials: stringList,
          audience: { type: 'string' },
          nonce: { type: 'string' },
          format,
          validFor: { type: 'number' },
          keyRef: { type: 'string' },
          disclose: { anyOf: [claimPaths, { type: 'string', enum: ['all'] }] },
        },
        required: ['holder', 'credentials'],
        additionalProperties: false,
      },
      CivitasReport: {
        type: 'object',
        properties: { ok: { type: 'boolean' }, kind: { type: 'string' }, checks: { type: 'array' } },
        required: ['ok', 'kind', 'checks'],
      },
      CivitasSignedToken: {
        type: 'object',
        properties: { token: { type: 'string' }, format },
        required: ['token', 'format'],
      },
    },
    methods: {
      civitasVerify: {
        description: 'Checks a credential or presentation with the Civitas verifier and reports every check.',
        arguments: { $ref: '#/components/schemas/CivitasVerifyArgs' },
        returnType: { $ref: '#/components/schemas/CivitasReport' },
      },
      civitasIssue: {
        description: 'Issues a credential with a key of a DID this agent manages.',
        arguments: { $ref: '#/components/schemas/CivitasIssueArgs' },
        returnType: { $ref: '#/components/schemas/CivitasSignedToken' },
      },
      civitasPresent: {
        description: 'Presents credentials with a key of a DID this agent manages.',
        arguments: { $ref: '#/components/schemas/CivitasPresentArgs' },
        returnType: { $ref: '#/components/schemas/CivitasSignedToken' },
      },
    },
  },
}
