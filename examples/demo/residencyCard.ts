import { type ResidencyInput, residency } from '@civitas/credentials/templates'

/** The residency data of the demo's citizen, Mari Tamm of Tartu; benchmarks and tests reuse it. */
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

/** The residency card of the demo's citizen as a VC 2.0 credential. */
export function residencyCard(subject: string) {
  return residency.build(residencyInput(subject))
}
