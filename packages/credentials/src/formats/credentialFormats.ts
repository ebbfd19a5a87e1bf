import { jwtVcJson } from './jwtVcJson/jwtVcJson.js'
import { sdJwtVc } from './sdJwtVc/sdJwtVc.js'
import type { CredentialFormatModule } from './types.js'
import { vcJwt } from './vcJwt/vcJwt.js'

/**
 * The one table of credential formats: every format Civitas issues, presents and verifies, in the
 * order detection asks them (those told by their text alone, a `~` or a prefix, before the JWT ones,
 * told by their header). `issueCredential`, `verifyCredential`, `createPresentation`,
 * `verifyPresentation`, the verifier's report, the wallet and DCQL matching all read it; a format
 * is added by its folder under `src/formats/` and its entry here.
 *
 * @example
 * ```ts
 * import { credentialFormats } from '@civitas/credentials'
 *
 * for (const { format, checks } of credentialFormats) console.log(format, checks.credential.join(' → '))
 * ```
 */
export const credentialFormats: readonly CredentialFormatModule[] = [sdJwtVc, vcJwt, jwtVcJson]

/**
 * The format issued and presented when none is named (`vc+jwt`), and the one whose verification
 * refuses, with its parse error, an input no format recognises.
 *
 * @example
 * ```ts
 * import { defaultCredentialFormat } from '@civitas/credentials'
 *
 * console.log(defaultCredentialFormat.format) // 'vc+jwt'
 * ```
 */
export const defaultCredentialFormat: CredentialFormatModule = vcJwt
