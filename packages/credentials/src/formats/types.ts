import type { JsonObject } from '@civitas/core'
import type { DecodedJws } from '@civitas/crypto'
import type {
  CheckName,
  CreatePresentationOptions,
  CreatePresentationResult,
  CredentialFormat,
  IssueCredentialOptions,
  IssueCredentialResult,
  VerifiedCredential,
  VerifiedPresentation,
  VerifyCredentialOptions,
  VerifyPresentationOptions,
} from '../types.js'

/** What a token holds: a credential on its own, or a presentation by its holder. */
export type TokenKind = 'credential' | 'presentation'

/**
 * A token as the format table reads it: its text, and its compact JWS decoded once, on the first
 * call that needs it, so detecting the format and verifying the token parse it only once.
 */
export interface CredentialToken {
  readonly text: string
  /**
   * The compact JWS, decoded on the first call and kept; a later call with a lower `maxLength`
   * than the text's length still fails.
   *
   * @throws the codes of `decodeJws` (`ERR_INPUT_TOO_LARGE`, `ERR_JWS_*`, `ERR_JSON_*`, …).
   */
  jws(maxLength: number): DecodedJws
}

/**
 * One credential format: how to recognise its tokens, the checks its verification reports in
 * order, and how to verify, issue and present it. Every format is one entry of `credentialFormats`,
 * which the public functions, the verifier's report, the wallet and DCQL matching read, so a format
 * is added by its folder and its entry there.
 */
export interface CredentialFormatModule<Format extends CredentialFormat = CredentialFormat> {
  /** The name options, results, reports and DCQL queries use (`vc+jwt`, `dc+sd-jwt`, …). */
  readonly format: Format
  /**
   * Whether `token` is in this format and what it holds, or `undefined` when it is not. Reads the
   * text (a prefix, a separator) and at most the decoded JOSE header and claims; never throws and
   * verifies nothing.
   */
  detect(token: CredentialToken): TokenKind | undefined
  /**
   * The checks verification runs, in the order it runs them (and `onCheck` reports them), per kind
   * of token; a verifier's report lists these, then its policy checks.
   */
  readonly checks: Readonly<Record<TokenKind, readonly CheckName[]>>
  /**
   * How a credential names its holder: by its subject's DID (`subject`), or by a holder key the
   * issuer put in it (`key`, the `cnf` of an SD-JWT VC) that the presentation must be signed with.
   * A credential bound to a key is presented on its own, in its own format (SD-JWT+KB), so it
   * chooses the presentation's format by itself.
   */
  readonly holderBinding: 'subject' | 'key'
  /**
   * The subject's claims in a verified credential (`VerifiedCredential.credential`), as a report
   * and a policy's `requiredClaims` see them: the first `credentialSubject`, or the claims beside the
   * registered JWT ones.
   */
  subjectClaims(credential: JsonObject): JsonObject
  /** DCQL (OpenID4VP §6): where a query's types and claim paths point in a credential of this format. */
  readonly dcql: {
    /** The `meta` member naming accepted types: `type_values` (sets of VC types) or `vct_values`. */
    readonly typesMeta: 'type_values' | 'vct_values'
    /**
     * Claim paths start from the top of the credential, whose subject's claims sit under
     * `credentialSubject`; `undefined` when the claims are top-level (SD-JWT VC) and a path names
     * exactly what the holder discloses.
     */
    readonly subjectMember?: 'credentialSubject'
    /**
     * The format's entry in a verifier's `vp_formats_supported` (OpenID4VP 1.0 Appendix B): the
     * algorithms Civitas verifies it with.
     */
    readonly vpFormat: JsonObject
  }
  /** Verifies a credential in this format; the codes of `verifyCredential`. */
  verifyCredential(token: CredentialToken, options: VerifyCredentialOptions): Promise<VerifiedCredential>
  /** Verifies a presentation in this format; the codes of `verifyPresentation`. */
  verifyPresentation(
    token: CredentialToken,
    options: VerifyPresentationOptions,
  ): Promise<VerifiedPresentation>
  /** Signs a credential in this format; the codes of `issueCredential`. */
  issue(options: IssueCredentialOptions): Promise<IssueCredentialResult>
  /** Signs a presentation in this format; the codes of `createPresentation`. */
  present(options: CreatePresentationOptions): Promise<CreatePresentationResult>
}
