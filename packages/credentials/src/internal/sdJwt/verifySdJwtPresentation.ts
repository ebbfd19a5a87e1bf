import { CivitasError } from '@civitas/core'
import { jwkThumbprint } from '@civitas/crypto'
import type { VerifiedPresentation, VerifyPresentationOptions } from '../../types.js'
import {
  checkAudience,
  checkFreshness,
  checkNonce,
  DEFAULT_PRESENTATION_MAX_AGE_MS,
} from '../checkPresentationBinding.js'
import { inCredential } from '../inCredential.js'
import { runCheck, runCheckAsync } from '../runCheck.js'
import type { TimeOptions } from '../timeOptions.js'
import { SD_JWT_MAX_LENGTH, splitSdJwt } from './splitSdJwt.js'
import { verifyKeyBinding } from './verifyKeyBinding.js'
import { verifySdJwtVc } from './verifySdJwtVc.js'

const THUMBPRINT_URI = 'urn:ietf:params:oauth:jwk-thumbprint:sha-256:'

/**
 * Verifies an SD-JWT+KB presentation: the credential in full (reported as credential 0), then the
 * key binding, freshness, audience and nonce of the key-binding JWT.
 *
 * @throws the codes of `verifyPresentation` for SD-JWT.
 */
export async function verifySdJwtPresentation(
  token: string,
  options: VerifyPresentationOptions,
  time: Required<Pick<TimeOptions, 'clockSkewMs'>> & { now: number },
): Promise<VerifiedPresentation> {
  const { onCheck } = options
  const decoded = runCheck(
    'parse',
    onCheck,
    () => {
      const decoded = splitSdJwt(token, { maxLength: options.maxLength ?? SD_JWT_MAX_LENGTH })
      if (decoded.keyBinding === undefined) {
        throw new CivitasError('ERR_KEY_BINDING_MISSING', 'an SD-JWT presentation needs a key-binding JWT')
      }
      return decoded
    },
    'ERR_PRESENTATION_INVALID',
  )
  const credential = await runCheckAsync('credentials', onCheck, () =>
    inCredential(0, () =>
      verifySdJwtVc(
        decoded.sdJwt,
        {
          ...options,
          format: 'dc+sd-jwt',
          onCheck: (name, ok, code) => options.onCredentialCheck?.(0, name, ok, code),
        },
        time,
        'presentation',
        decoded,
      ),
    ),
  )
  const binding = await runCheckAsync('keyBinding', onCheck, () =>
    verifyKeyBinding(decoded, credential.holderKey),
  )
  const maxAge = options.maxAgeMs ?? DEFAULT_PRESENTATION_MAX_AGE_MS
  const issuedAt = runCheck('freshness', onCheck, () =>
    checkFreshness(binding, time.now, time.clockSkewMs, maxAge),
  )
  runCheck('audience', onCheck, () => checkAudience(binding, options.audience))
  runCheck('nonce', onCheck, () => checkNonce(binding, options.nonce))
  const holder = credential.subject ?? `${THUMBPRINT_URI}${await jwkThumbprint(binding.holderKey)}`
  return {
    format: 'dc+sd-jwt',
    holder,
    credentials: [credential],
    audience: binding.audience,
    ...(binding.nonce === undefined ? {} : { nonce: binding.nonce }),
    issuedAt,
    token,
  }
}
