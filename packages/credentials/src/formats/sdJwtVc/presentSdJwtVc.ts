import { CivitasError, systemClock } from '@civitas/core'
import type { CreatePresentationOptions, CreatePresentationResult } from '../../types.js'
import { presentSdJwt } from './presentSdJwt.js'

/**
 * `createPresentation` for `dc+sd-jwt`: one SD-JWT VC, presented alone as SD-JWT+KB with the
 * disclosures `disclose` asks for, bound to `audience` and `nonce`.
 *
 * @throws `ERR_INVALID_ARGUMENT` without exactly one credential, an audience and a nonce; the codes
 *   of `presentSdJwt`.
 */
export async function presentSdJwtVc(options: CreatePresentationOptions): Promise<CreatePresentationResult> {
  const { holder, credentials, audience, nonce } = options
  const [token, ...others] = credentials
  if (token === undefined || others.length > 0) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'credentials: an SD-JWT VC is presented alone')
  }
  if (typeof audience !== 'string' || typeof nonce !== 'string') {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'an SD-JWT presentation needs an audience and a nonce')
  }
  const disclose = options.disclose ?? []
  const clock = options.clock ?? systemClock
  return {
    token: await presentSdJwt({ holder, token, disclose, audience, nonce, clock }),
    format: 'dc+sd-jwt',
  }
}
