import { readFile } from 'node:fs/promises'
import type { BenchRow, BenchTable } from './support/measure.js'

/**
 * The README's performance summary from bench/results.json (and bench/size.json): per case and
 * algorithm, Civitas's median time per operation and each peer's, with how many times faster
 * Civitas is; then the targets. `npm run bench:summary` after `npm run bench` and `npm run bench:size`.
 */
const results = JSON.parse(await readFile(new URL('results.json', import.meta.url), 'utf8')) as {
  machine: { node: string; cpu: string; cores: number; loadAverageAtStart: number[]; date: string }
  tables: BenchTable[]
}
const sizes = JSON.parse(await readFile(new URL('size.json', import.meta.url), 'utf8')) as {
  name: string
  gzip: number
  budgetKb?: number
}[]
const PEERS = ['did-jwt-vc', 'jose', 'veramo', '@sd-jwt/sd-jwt-vc'] as const
const table = (prefix: string) => results.tables.find((candidate) => candidate.title.startsWith(prefix))
const us = (row: BenchRow | undefined) =>
  row === undefined ? '—' : `${Math.round(1e6 / row.opsPerSecond).toLocaleString('en-US')} µs`
const ratio = (civitas: BenchRow | undefined, peer: BenchRow | undefined) =>
  civitas === undefined || peer === undefined ? undefined : civitas.opsPerSecond / peer.opsPerSecond

const lines: string[] = []
const ratios = new Map<string, number | undefined>()
/** Civitas's time over the floor's (OpenSSL's signature work alone, in the same table). */
const floors = new Map<string, number | undefined>()
const floorCell = (key: string, civitas: BenchRow | undefined, floor: BenchRow | undefined) => {
  const times = ratio(floor, civitas)
  floors.set(key, times)
  return floor === undefined ? '—' : `${us(floor)} (Civitas takes ${times?.toFixed(2)}×)`
}
lines.push(`| case | alg | Civitas | floor | ${PEERS.join(' | ')} |`)
lines.push(`|---|---|---:|---:|${PEERS.map(() => '---:').join('|')}|`)
const cases = [
  ['issue', 'issue the residency card', 'civitas issueCredential (vc+jwt'],
  ['verify, warm resolver', 'verify the residency card (ALG, warm', 'civitas verifyCredential (vc+jwt)'],
  ['verify, cold resolver', 'verify the residency card (ALG, cold', 'civitas verifyCredential (vc+jwt'],
  [
    'gate check (presentation + credential)',
    'gate check: presentation plus its credential (ALG',
    'civitas verifyPresentation',
  ],
] as const
for (const [name, title, civitasLabel] of cases) {
  for (const alg of ['EdDSA', 'ES256', 'ES256K']) {
    const found = table(title.includes('ALG') ? title.replace('ALG', alg) : `${title} (${alg})`)
    if (found === undefined) continue
    const civitas = found.rows.find((row) => row.label.startsWith(civitasLabel))
    const cells = PEERS.map((peer) => {
      const row = found.rows.find((candidate) => candidate.library === peer)
      const times = ratio(civitas, row)
      ratios.set(`${name} ${alg} ${peer}`, times)
      return row === undefined ? '—' : `${us(row)} (Civitas ${times?.toFixed(1)}×)`
    })
    const floor = floorCell(
      `${name} ${alg}`,
      civitas,
      found.rows.find((row) => row.library === 'floor'),
    )
    lines.push(`| ${name} | ${alg} | ${us(civitas)} | ${floor} | ${cells.join(' | ')} |`)
  }
}
const sdJwt = table('verify an SD-JWT VC')
const sdCivitas = sdJwt?.rows.find((row) => row.library === 'civitas')
const sdPeer = sdJwt?.rows.find((row) => row.library === '@sd-jwt/sd-jwt-vc')
const sdFloor = floorCell(
  'SD-JWT VC with key binding ES256',
  sdCivitas,
  sdJwt?.rows.find((row) => row.library === 'floor'),
)
ratios.set('SD-JWT VC with key binding ES256 @sd-jwt/sd-jwt-vc', ratio(sdCivitas, sdPeer))
lines.push(
  `| SD-JWT VC with key binding | ES256 | ${us(sdCivitas)} | ${sdFloor} | — | — | — | ${us(sdPeer)} (Civitas ${ratio(sdCivitas, sdPeer)?.toFixed(1)}×) |`,
)
const status = table('status check')?.rows[0]
lines.push(`| status check, warm cache | EdDSA | ${us(status)} | — | — | — | — | — |`)
const qr = table('QR codec')?.rows ?? []
lines.push(`| QR encode / decode | — | ${us(qr[0])} / ${us(qr[1])} | — | — | — | — | — |`)
const pool = table('verifier throughput')?.rows ?? []
lines.push(
  `| verifier throughput, 64 in flight: one thread / pool of 1 / pool of 2 | EdDSA | ${pool.map((row) => `${Math.round(row.opsPerSecond).toLocaleString('en-US')}/s`).join(' / ')} | — | — | — | — | — |`,
)
const cold = table('cold start')?.rows ?? []
const bare = cold[0]?.opsPerSecond ?? 0
const above = (label: string) => {
  const row = cold.find((candidate) => candidate.library === label)
  return row === undefined ? undefined : row.opsPerSecond - bare
}
lines.push(
  `| cold start to first verified credential, above bare node (${bare.toFixed(0)} ms) | EdDSA | ${above('civitas')?.toFixed(0)} ms | — | ${above('did-jwt-vc')?.toFixed(0)} ms | — | ${above('veramo')?.toFixed(0)} ms | — |`,
)
const { machine } = results
console.log(
  `Measured ${machine.date.slice(0, 10)} on Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores (load average ${machine.loadAverageAtStart.join(', ')} at the start).\n`,
)
console.log(lines.join('\n'))

const verifier = sizes.find((row) => row.name.startsWith('civitas verifier ('))
const check = (label: string, value: number | undefined, goal: number, unit = '×', atMost = false) =>
  `| ${label} | ${value === undefined ? '—' : `${value.toFixed(unit === '×' ? 2 : 1)}${unit}`} | ${atMost ? '≤' : '≥'} ${goal}${unit} | ${value !== undefined && (atMost ? value <= goal : value >= goal) ? 'met' : 'missed'} |`
console.log('\n| target | measured | goal | |\n|---|---:|---:|---|')
// Against the floor: OpenSSL's signature work on the same message, measured in the same run.
for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
  const goal = alg === 'ES256K' ? 1.5 : 1.3
  console.log(
    check(
      `${alg} vc+jwt verify against its OpenSSL check`,
      floors.get(`verify, warm resolver ${alg}`),
      goal,
      '×',
      true,
    ),
  )
}
console.log(check('ES256K issue against its OpenSSL signature', floors.get('issue ES256K'), 1.5, '×', true))
for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
  console.log(
    check(
      `${alg} gate check against its two OpenSSL checks`,
      floors.get(`gate check (presentation + credential) ${alg}`),
      1.4,
      '×',
      true,
    ),
  )
}
console.log(
  check(
    'SD-JWT VC with key binding against its two OpenSSL checks',
    floors.get('SD-JWT VC with key binding ES256'),
    2,
    '×',
    true,
  ),
)
console.log(
  check(
    'SD-JWT VC with key binding against @sd-jwt/sd-jwt-vc',
    ratios.get('SD-JWT VC with key binding ES256 @sd-jwt/sd-jwt-vc'),
    3,
  ),
)
console.log(
  check('EdDSA vc+jwt verify against did-jwt-vc', ratios.get('verify, warm resolver EdDSA did-jwt-vc'), 15),
)
console.log(check('EdDSA vc+jwt verify against jose', ratios.get('verify, warm resolver EdDSA jose'), 1.2))
console.log(
  check(
    'gate check against did-jwt-vc',
    ratios.get('gate check (presentation + credential) EdDSA did-jwt-vc'),
    15,
  ),
)
console.log(check('issue against did-jwt-vc', ratios.get('issue EdDSA did-jwt-vc'), 3))
console.log(check('cold start above bare node', above('civitas'), 60, ' ms', true))
console.log(
  check('verifier bundle, gzip', verifier === undefined ? undefined : verifier.gzip / 1024, 30, ' KB', true),
)

// City scale: each status list step's median time and bytes, then rates of the shared services.
const lists = ['city scale: Bitstring', 'city scale: Token'].map((prefix) => table(prefix))
const time = (ms: number) =>
  ms < 1 ? `${(ms * 1000).toPrecision(2)} µs` : `${Math.round(ms).toLocaleString('en-US')} ms`
const perSecond = (row: BenchRow | undefined) =>
  row === undefined ? '—' : `${Math.round(row.opsPerSecond).toLocaleString('en-US')}/s`
console.log(
  '\n| city scale: 10,000,000 entries, 1 % set | Bitstring Status List (vc+jwt, 1 bit) | Token Status List (statuslist+jwt, 2 bits) |',
)
console.log('|---|---:|---:|')
for (const [index, row] of (lists[0]?.rows ?? []).entries()) {
  const cells = lists.map((found) => {
    const step = found?.rows[index]
    if (step === undefined) return '—'
    return !step.bytes
      ? time(step.opsPerSecond)
      : `${time(step.opsPerSecond)}, ${step.bytes.toLocaleString('en-US')} B`
  })
  console.log(`| ${row.label} | ${cells.join(' | ')} |`)
}
const registry = table('city scale: PostgreSQL')?.rows ?? []
const signIn = table('sign in with a wallet')?.rows ?? []
console.log('\n| city scale | rate |\n|---|---:|')
for (const row of [...registry, ...signIn, ...pool]) console.log(`| ${row.label} | ${perSecond(row)} |`)
