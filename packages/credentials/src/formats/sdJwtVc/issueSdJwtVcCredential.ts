import { systemClock } from '@civitas/core'
import { allocateTokenStatus } from '../../internal/allocateCredentialStatus.js'
import type { IssueCredentialOptions, IssueCredentialResult } from '../../types.js'
import { issueSdJwtVc } from './issueSdJwtVc.js'

/**
 * `issueCredential` for `dc+sd-jwt`: the SD-JWT VC, with a `status.status_list` entry when asked,
 * allocated for its `jti` or an id only the result carries.
 *
 * @throws the codes of `issueCredential` for SD-JWT VC.
 */
export async function issueSdJwtVcCredential(
  options: IssueCredentialOptions,
): Promise<IssueCredentialResult> {
  const { credential, status } = options
  // With status, the registry needs a handle on the credential: its jti, or an id kept by the issuer alone.
  const id =
    typeof credential.jti === 'string'
      ? credential.jti
      : status === undefined
        ? undefined
        : `urn:uuid:${crypto.randomUUID()}`
  const token = await issueSdJwtVc({
    ...options,
    clock: options.clock ?? systemClock,
    ...(status === undefined
      ? {}
      : { extraClaims: async () => ({ status: await allocateTokenStatus(status, id as string) }) }),
  })
  return { token, format: 'dc+sd-jwt', ...(id === undefined ? {} : { id }) }
}
