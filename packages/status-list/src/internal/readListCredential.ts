import { CivitasError } from '@civitas/core'

const invalid = (what: string) =>
  new CivitasError('ERR_STATUS_LIST_INVALID', `status list credential: ${what}`)

/** Checks a status list credential against the entry pointing at it and returns its `encodedList`. */
export function readListCredential(
  value: unknown,
  expectedId: string,
  purpose: string,
  expectedIssuer: string | undefined,
): { encodedList: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('expected an object')
  const credential = value as Record<string, unknown>
  const types = Array.isArray(credential.type) ? credential.type : [credential.type]
  if (!types.includes('BitstringStatusListCredential'))
    throw invalid('type BitstringStatusListCredential missing')
  if (credential.id !== undefined && credential.id !== expectedId) {
    throw invalid('its id is not the statusListCredential the entry names')
  }
  if (expectedIssuer !== undefined) {
    const issuer = credential.issuer
    const issuerId = typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer
    if (issuerId !== expectedIssuer) {
      throw new CivitasError(
        'ERR_ISSUER_MISMATCH',
        'the status list was not issued by the credential issuer',
        {
          details: { expected: expectedIssuer, actual: typeof issuerId === 'string' ? issuerId : null },
        },
      )
    }
  }
  const subject = credential.credentialSubject as Record<string, unknown> | null | undefined
  if (typeof subject !== 'object' || subject === null || subject.type !== 'BitstringStatusList') {
    throw invalid('credentialSubject must be a BitstringStatusList')
  }
  const purposes = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose]
  if (!purposes.includes(purpose)) {
    throw invalid(`its statusPurpose does not include ${purpose}`)
  }
  if (typeof subject.encodedList !== 'string') throw invalid('encodedList missing')
  return { encodedList: subject.encodedList }
}
