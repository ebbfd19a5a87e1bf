import { type ResidencyInput, residency } from '@civitas/credentials/templates'

/**
 * The residency data of the demo's citizen, Mari Tamm of Tartu, issued to `subject`; benchmarks and
 * tests reuse it (for instance to build an SD-JWT VC with `residency.buildSdJwt`).
 *
 * @see {@link residencyCard}, the same data as a VC 2.0 credential.
 * @throws nothing of its own.
 * @example
 * ```ts
 * import { residency } from '@civitas/credentials/templates'
 * import { residencyInput } from '@civitas/cli/demo'
 *
 * const { credential, disclosable } = residency.buildSdJwt(residencyInput('did:example:mari'))
 * ```
 */
export function residencyInput(subject: string): ResidencyInput {
  return {
    subject,
    givenName: 'Mari',
    familyName: 'Tamm',
    birthDate: '1990-04-12',
    nationality: 'EE',
    residencyStatus: 'permanent',
    residentSince: '2015-09-01',
    address: { streetAddress: 'Raekoja plats 1', postalCode: '50089', locality: 'Tartu', country: 'EE' },
    issuingCity: 'Tartu',
    documentNumber: 'TRT-2026-000417',
  }
}

/**
 * The unsigned residency card of the demo's citizen, Mari Tamm of Tartu, issued to `subject`, as a
 * VC 2.0 credential; benchmarks and tests reuse it.
 *
 * @see {@link residencyInput}, the data it is built from.
 * @throws nothing of its own.
 * @example
 * ```ts
 * import { residencyCard } from '@civitas/cli/demo'
 *
 * const credential = residencyCard('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
 * ```
 */
export function residencyCard(subject: string) {
  return residency.build(residencyInput(subject))
}
