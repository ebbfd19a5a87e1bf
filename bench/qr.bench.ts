import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { decodeQr, encodeQr, type QrErrorCorrection } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { scanQr } from '@civitas/qr/scan'
import { createMemoryStatusRegistry, createStatusListPublisher } from '@civitas/status-list'
import { createTrustBundle, createVerifier } from '@civitas/verifier'
import { checkQrImage } from '@civitas/verifier/scan'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import QRCode from 'qrcode'
import { compare, isMain, measure, printTable, summarize } from './support/measure.js'

const LEVELS: readonly QrErrorCorrection[] = ['L', 'M', 'Q']
const YEAR = 365 * 24 * 3600 * 1000

/** The smallest QR version holding the segment at the level, and its module count (`undefined`: none does). */
function qrSize(segment: QRCode.QRCodeSegment, level: QrErrorCorrection) {
  try {
    const { version } = QRCode.create([segment], { errorCorrectionLevel: level })
    return { version, modules: (4 * version + 17) ** 2 }
  } catch {
    return undefined
  }
}

/**
 * QR codes of the demo's residency card and its presentation (EdDSA city, ES256 citizen, a status
 * entry): version and modules of the raw token in byte mode next to Civitas CV1 text in alphanumeric
 * mode, at L, M and Q; codec speed; and the time to read the code back from a PNG.
 */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const status = createStatusListPublisher({
    registry: createMemoryStatusRegistry(),
    issuer: city,
    baseUrl: 'https://tartu.example/status',
  })
  const card = await issueCredential({
    issuer: city,
    credential: residencyCard(citizen.did),
    validFor: YEAR,
    status,
  })
  const wallet = createWallet({
    identity: citizen,
    credentialStore: createMemoryCredentialStore(),
    resolver: createResolver(),
  })
  await wallet.receive(card.token)
  const nonce = crypto.randomUUID()
  const presentation = await wallet.present({
    type: 'ResidencyCard',
    audience: 'https://hotel.example/check-in',
    nonce,
    as: 'qr',
  })
  const tokens = [
    ['credential', card.token, 0.6],
    ['presentation', presentation.token, 0.5],
  ] as const

  console.log('\n### QR size: raw token (byte mode) vs Civitas CV1 (alphanumeric mode)\n')
  console.log(
    '| token | level | raw chars | raw version | raw modules | CV1 chars | CV1 version | CV1 modules | ratio | goal |',
  )
  console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|')
  for (const [name, token, goal] of tokens) {
    for (const level of LEVELS) {
      const text = encodeQr(token, { errorCorrection: level })
      const raw = qrSize({ data: new TextEncoder().encode(token), mode: 'byte' }, level)
      const civitas = qrSize({ data: text, mode: 'alphanumeric' }, level)
      // A token beyond version 40 fits no QR code; its ratio is bounded by version 40's 31,329 modules.
      const ratio =
        civitas === undefined
          ? 'n/a'
          : raw === undefined
            ? `< ${((100 * civitas.modules) / 177 ** 2).toFixed(1)} %`
            : `${((100 * civitas.modules) / raw.modules).toFixed(1)} %`
      console.log(
        `| ${name} | ${level} | ${token.length} | ${raw?.version ?? '> 40 (fits no QR code)'} | ${raw?.modules.toLocaleString('en-US') ?? '—'} | ${text.length} | ${civitas?.version ?? '> 40'} | ${civitas?.modules.toLocaleString('en-US') ?? '—'} | ${ratio} | ≤ ${goal * 100} % |`,
      )
    }
  }

  const text = encodeQr(presentation.token)
  printTable(
    'QR codec, the residency presentation',
    await compare([
      {
        label: 'civitas encodeQr(presentation)',
        library: 'civitas',
        task: () => encodeQr(presentation.token),
      },
      { label: 'civitas decodeQr(CV1 text)', library: 'civitas', task: () => decodeQr(text) },
    ]),
  )

  const png = renderQr(text, { format: 'png', scale: 4 })
  await scanQr(png)
  const renderPerSecond = await measure(() => renderQr(text, { format: 'png', scale: 4 }), {
    durationMs: 2000,
    warmup: 5,
  })
  const scanPerSecond = await measure(() => scanQr(png), { durationMs: 3000, warmup: 3 })
  const width = new DataView(png.buffer, png.byteOffset).getUint32(16)
  console.log(
    `\n### rendering and scanning the presentation's code (M, ${width} × ${width} px PNG, ${png.length.toLocaleString('en-US')} bytes)\n`,
  )
  console.log(
    `- renderQr to PNG: ${(1000 / renderPerSecond).toFixed(1)} ms (${Math.round(renderPerSecond)} ops/s)`,
  )
  console.log(
    `- scanQr from the PNG (decode PNG, find and read the code): ${(1000 / scanPerSecond).toFixed(1)} ms (${scanPerSecond.toFixed(1)} ops/s)`,
  )

  // An offline gate: trust, DID documents and the status list from a signed bundle; scan, decode, verify.
  const [listId = ''] = await status.registry.listIds()
  const authority = await createDidKey({ keyStore, alg: 'ES256' })
  const { token: bundle } = await createTrustBundle({
    authority,
    issuers: [{ id: city.did, types: ['ResidencyCard'] }],
    lists: [(await status.publish(listId))?.token ?? ''],
    validForMs: 24 * 3600_000,
  })
  const gate = createVerifier({ bundle, bundleAuthority: authority.did, maxPresentationAgeMs: 3600_000 })
  const expectations = { audience: 'https://hotel.example/check-in', nonce }
  const reports = [await gate.check(text, expectations), await checkQrImage(gate, png, expectations)]
  if (!reports.every((report) => report.ok)) throw new Error('the gate refused the benchmark presentation')
  printTable('offline gate with a trust bundle (verifier, presentation with one credential and its status)', [
    {
      label: 'check(presentation token)',
      library: 'civitas',
      ...summarize([await measure(() => gate.check(presentation.token, expectations))]),
    },
    {
      label: 'check(CV1 text)',
      library: 'civitas',
      ...summarize([await measure(() => gate.check(text, expectations))]),
    },
    {
      label: 'checkQrImage(PNG): scan + decode + verify',
      library: 'civitas',
      ...summarize([
        await measure(() => checkQrImage(gate, png, expectations), {
          durationMs: 3000,
          warmup: 3,
        }),
      ]),
    },
  ])
}

if (isMain(import.meta.url)) await run()
