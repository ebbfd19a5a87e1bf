import type { Clock } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createResolver, type Resolvable } from '@civitas/did'
import { type CreateVerifierOptions, createVerifier } from '@civitas/verifier'
import type { IAgentPlugin } from '@veramo/core'
import { agentIdentity } from './internal/agentIdentity.js'
import { CIVITAS_PLUGIN_SCHEMA } from './internal/pluginSchema.js'
import type { CivitasPluginMethods } from './types.js'

/** Options for {@link createCivitasPlugin}: the verifier's, and the time source for issuing. */
export interface CreateCivitasPluginOptions extends Omit<CreateVerifierOptions, 'resolver'> {
  /**
   * Resolves DIDs for verifying, and the agent's own DIDs when issuing and presenting (default:
   * Civitas's did:key and did:jwk resolver). Pass the same resolver to Veramo's `DIDResolverPlugin`
   * so that both sides see the same DID documents.
   */
  resolver?: Resolvable
  /** Time source for verifying, issuing and presenting (default the system clock). */
  clock?: Clock
}

/** The Civitas plugin: an Veramo `IAgentPlugin` whose methods are {@link CivitasPluginMethods}. */
export interface CivitasPlugin extends IAgentPlugin {
  readonly methods: CivitasPluginMethods
}

/**
 * Creates a Veramo agent plugin that brings Civitas to the agent: `civitasVerify` checks any
 * credential or presentation Civitas reads and returns the verifier's report, check by check with
 * stable codes; `civitasIssue` and `civitasPresent` sign with the keys of DIDs the agent manages,
 * through its key manager (see {@link createVeramoKeyStore}), in `vc+jwt`, `jwt_vc_json` or `dc+sd-jwt`.
 *
 * The signing methods find the key by resolving the agent's DID with the plugin's resolver and
 * matching its keys to the verification methods under `assertionMethod` (issuing) or
 * `authentication` (presenting); the token's `kid` is that method's DID URL.
 *
 * @see https://veramo.io/docs/veramo_agent/plugins
 * @throws `ERR_INVALID_ARGUMENT` for a resolver without `resolve`. `civitasVerify` never throws for a
 *   bad token (its report says why); `civitasIssue` and `civitasPresent` throw `ERR_DID_NOT_FOUND`
 *   for a DID the agent does not manage, `ERR_VERIFICATION_METHOD_NOT_FOUND` when none of its keys
 *   is under the needed relationship, and the codes of `issueCredential` and `createPresentation`.
 * @example
 * ```ts
 * import { createResolver } from '@civitas/did'
 * import { type CivitasPluginMethods, createCivitasPlugin } from '@civitas/veramo'
 * import { createAgent, type IDIDManager, type IKeyManager } from '@veramo/core'
 *
 * declare const veramoPlugins: object[] // KeyManager, DIDManager, ...
 * const agent = createAgent<IKeyManager & IDIDManager & CivitasPluginMethods>({
 *   plugins: [...veramoPlugins, createCivitasPlugin({ resolver: createResolver(), trust: 'any' })],
 * })
 * const report = await agent.civitasVerify({ token: 'eyJ…' })
 * if (!report.ok) console.log(report.checks.filter((check) => !check.ok))
 * ```
 */
export function createCivitasPlugin(options: CreateCivitasPluginOptions = {}): CivitasPlugin {
  const { resolver = createResolver(), clock, ...verifierOptions } = options
  const verifier = createVerifier({
    ...verifierOptions,
    resolver,
    ...(clock === undefined ? {} : { clock }),
  })
  const time = clock === undefined ? {} : { clock }

  const methods: CivitasPluginMethods = {
    async civitasVerify(args) {
      const { token, ...expectations } = args ?? {}
      return verifier.check(token, expectations)
    },

    async civitasIssue(args, context) {
      const { issuer, keyRef, ...issue } = args
      const identity = await agentIdentity({
        agent: context.agent,
        resolver,
        did: issuer,
        relationship: 'assertionMethod',
        keyRef,
      })
      return issueCredential({ ...withoutUndefined(issue), ...time, issuer: identity, resolver })
    },

    async civitasPresent(args, context) {
      const { holder, keyRef, ...present } = args
      const identity = await agentIdentity({
        agent: context.agent,
        resolver,
        did: holder,
        relationship: 'authentication',
        keyRef,
      })
      return createPresentation({ ...withoutUndefined(present), ...time, holder: identity })
    },
  }
  return { methods, schema: CIVITAS_PLUGIN_SCHEMA }
}

/** Drops members whose value is `undefined` (strict optional properties do not take them). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T
}
