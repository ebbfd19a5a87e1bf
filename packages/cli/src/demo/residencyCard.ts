import { residency } from '@civitas/credentials/templates'

/**
 * The unsigned residency card of the demo's citizen, Mari Tamm of Tartu, issued to `subject`;
 * benchmarks and tests reuse it.
 *
 * @example
 * ```ts
 * import { residencyCard } from '@civitas/cli/demo'
 *
 * const credential = residencyCard('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
 * ```
 */
export function residencyCard(subject: string) {
  return residency.build({
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
  })
}
