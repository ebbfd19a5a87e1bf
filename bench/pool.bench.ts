import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createVerifier } from '@civitas/verifier'
import { createVerifierPool } from '@civitas/verifier/pool'
import { type BenchCase, compare, isMain, printTable } from './support/measure.js'

/** Checks kept in flight per timed call: enough to keep every worker busy. */
const BATCH = 64

/**
 * Verification throughput with a pool of worker threads: the residency card (EdDSA, vc+jwt) checked
 * by createVerifier in this thread, then by createVerifierPool with 1 and 2 workers, 64 in flight.
 */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'EdDSA' })
  const { token } = await issueCredential({ issuer: city, credential: residencyCard(citizen.did) })
  const trust = { ResidencyCard: [city.did] }
  const single = createVerifier({ resolver: createResolver(), trust })
  const pools = [1, 2].map((size) => ({ size, pool: createVerifierPool({ size, trust }) }))
  const batch = async (check: (input: string) => Promise<{ ok: boolean }>) => {
    const reports = await Promise.all(Array.from({ length: BATCH }, () => check(token)))
    if (!reports.every((report) => report.ok)) throw new Error('a check failed')
  }
  try {
    const cases: BenchCase[] = [
      {
        label: 'civitas createVerifier().check, this thread',
        library: 'civitas',
        operations: BATCH,
        task: () => batch((input) => single.check(input)),
      },
      ...pools.map(({ size, pool }) => ({
        label: `civitas createVerifierPool({ size: ${size} }).check`,
        library: 'civitas',
        operations: BATCH,
        task: () => batch((input) => pool.check(input)),
      })),
    ]
    for (const { task } of cases) await task()
    printTable(
      `verifier throughput, ${BATCH} checks in flight (EdDSA vc+jwt; the machine has 2 cores, shared)`,
      await compare(cases),
    )
  } finally {
    await Promise.all(pools.map(({ pool }) => pool.close()))
  }
}

if (isMain(import.meta.url)) await run()
