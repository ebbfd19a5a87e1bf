import type { JsonObject, PublicJwk } from '@civitas/core'
import type {
  ClaimPath,
  CreatePresentationResult,
  CredentialFormat,
  IssueCredentialResult,
} from '@civitas/credentials'
import type { CheckExpectations, Report } from '@civitas/verifier'
import type { IAgentContext, IDIDManager, IKeyManager, IPluginMethodMap } from '@veramo/core'

/** Arguments of {@link CivitasPluginMethods.civitasVerify}. */
export interface CivitasVerifyArgs extends CheckExpectations {
  /** A credential or presentation token in any format Civitas reads (`vc+jwt`, `jwt_vc_json`, `dc+sd-jwt`). */
  token: string
}

/** Arguments of {@link CivitasPluginMethods.civitasIssue}. */
export interface CivitasIssueArgs {
  /** The issuer: a DID this agent manages, whose key is under `assertionMethod` in its DID document. */
  issuer: string
  /** The unsigned credential, as `issueCredential` takes it (`issuer` is filled in). */
  credential: JsonObject
  /** The encoding (default `vc+jwt`). */
  format?: CredentialFormat
  /** How long the credential is valid, in milliseconds, unless it names `validUntil`. */
  validFor?: number
  /** The Veramo `kid` of the issuer's key to sign with; by default the first one that fits. */
  keyRef?: string
  /** `dc+sd-jwt`: the claims the holder may disclose one by one. */
  disclosable?: readonly ClaimPath[]
  /** `dc+sd-jwt`: the most decoy digests per `_sd` (default 3). */
  decoys?: number
  /** `dc+sd-jwt`: the holder key for `cnf.jwk` (a public JWK, a DID URL or a DID; default the `sub` DID). */
  holder?: string | PublicJwk
}

/** Arguments of {@link CivitasPluginMethods.civitasPresent}. */
export interface CivitasPresentArgs {
  /** The holder: a DID this agent manages, whose key is under `authentication` in its DID document. */
  holder: string
  /** The credential tokens to present. */
  credentials: readonly string[]
  /** The verifier the presentation is for (`aud`). */
  audience?: string
  /** The verifier's challenge (`nonce`). */
  nonce?: string
  /** The encoding (default `vc+jwt`; an SD-JWT VC is presented as `dc+sd-jwt`). */
  format?: CredentialFormat
  /** How long the presentation is valid, in milliseconds (default 5 minutes). */
  validFor?: number
  /** The Veramo `kid` of the holder's key to sign with; by default the first one that fits. */
  keyRef?: string
  /** `dc+sd-jwt`: the claims to reveal, or `'all'`. */
  disclose?: readonly ClaimPath[] | 'all'
}

/** The context the plugin's signing methods run in: an agent with a key manager and a DID manager. */
export type CivitasPluginContext = IAgentContext<IKeyManager & IDIDManager>

/**
 * The methods the Civitas plugin adds to a Veramo agent. Give them to the agent's type as
 * `TAgent<CivitasPluginMethods & ...>`; call them without the context (`agent.civitasVerify({ token })`).
 */
export interface CivitasPluginMethods extends IPluginMethodMap {
  /** Checks a credential or presentation with the Civitas verifier; never throws on a bad token. */
  civitasVerify(args: CivitasVerifyArgs): Promise<Report>
  /** Issues a credential with a key of a DID the agent manages. */
  civitasIssue(args: CivitasIssueArgs, context: CivitasPluginContext): Promise<IssueCredentialResult>
  /** Presents credentials with a key of a DID the agent manages. */
  civitasPresent(args: CivitasPresentArgs, context: CivitasPluginContext): Promise<CreatePresentationResult>
}
