import { execFileSync, spawnSync } from 'node:child_process'
import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { isMain, recordTable, summarize } from './support/measure.js'

const RUNS = Number(process.env.CIVITAS_BENCH_QUICK === '1' ? 3 : 11)

/**
 * Cold start: wall time from spawning a fresh `node` to its first verified credential (the
 * residency card, EdDSA), Civitas's built output against did-jwt-vc and Veramo, runs interleaved;
 * a bare `node -e ''` shows what Node itself costs.
 */
export async function run(): Promise<void> {
  // Civitas runs from dist, as users run it: build first so dist matches the sources.
  execFileSync('npx', ['tsc', '-b'], { stdio: 'inherit' })
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'EdDSA' })
  const card = residencyCard(citizen.did)
  const vcJwt = (await issueCredential({ issuer: city, credential: card })).token
  const jwtVcJson = (await issueCredential({ issuer: city, credential: card, format: 'jwt_vc_json' })).token
  const cases = [
    { label: "bare node -e ''", library: 'node', args: ['-e', ''], token: '' },
    {
      label: 'civitas (dist): import, verifyCredential (vc+jwt)',
      library: 'civitas',
      args: ['bench/cold/civitas.mjs'],
      token: vcJwt,
    },
    {
      label: 'did-jwt-vc: import, verifyCredential (jwt_vc_json)',
      library: 'did-jwt-vc',
      args: ['bench/cold/did-jwt-vc.mjs'],
      token: jwtVcJson,
    },
    {
      label: 'veramo: import, create agent, verifyCredential (jwt_vc_json)',
      library: 'veramo',
      args: ['bench/cold/veramo.mjs'],
      token: jwtVcJson,
    },
  ]
  const samples = cases.map(() => [] as number[])
  for (let round = 0; round < RUNS + 1; round++) {
    for (const [index, { label, args, token }] of cases.entries()) {
      const started = performance.now()
      const child = spawnSync(process.execPath, args, {
        env: { PATH: process.env.PATH ?? '', CIVITAS_COLD_TOKEN: token },
        encoding: 'utf8',
      })
      const elapsed = performance.now() - started
      if (child.status !== 0 || (token !== '' && !child.stdout.startsWith('verified')))
        throw new Error(`${label} failed: ${child.stderr.slice(0, 500)}`)
      // The first round warms the file system cache and is not counted.
      if (round > 0) samples[index]?.push(elapsed)
    }
  }
  const bare = summarize(samples[0] ?? []).opsPerSecond
  console.log(
    `\n### cold start: fresh process to first verified credential (${RUNS} runs each, interleaved)\n`,
  )
  console.log('| case | median ms | spread ms (min–max) | above bare node, ms | × Civitas |')
  console.log('|---|---:|---:|---:|---:|')
  const civitas = summarize(samples[1] ?? []).opsPerSecond
  for (const [index, { label }] of cases.entries()) {
    const { opsPerSecond: median, min, max } = summarize(samples[index] ?? [])
    const above = index === 0 ? '' : (median - bare).toFixed(1)
    const ratio = index < 2 ? '' : `${((median - bare) / (civitas - bare)).toFixed(2)}×`
    console.log(
      `| ${label} | ${median.toFixed(1)} | ${min.toFixed(1)}–${max.toFixed(1)} | ${above} | ${ratio} |`,
    )
  }
  // Kept as milliseconds per start in results.json (the `opsPerSecond` field holds the median ms).
  recordTable({
    title: 'cold start: fresh process to first verified credential',
    unit: 'ms',
    rows: cases.map(({ label, library }, index) => ({ label, library, ...summarize(samples[index] ?? []) })),
  })
}

if (isMain(import.meta.url)) await run()
