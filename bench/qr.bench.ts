import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidKey } from '@civitas/did/key'
import { decodeQr, encodeQr } from '@civitas/qr'
import { residencyCard } from '../examples/demo/residencyCard.js'
import { compare, isMain, printTable } from './support/measure.js'

/** The residency card (EdDSA, vc+jwt) to compact QR text and back. */
export async function run(): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'EdDSA' })
  const { token } = await issueCredential({ issuer: city, credential: residencyCard(citizen.did) })
  const text = encodeQr(token)
  if (decodeQr(text) !== token) throw new Error('the QR round trip changed the token')
  printTable(
    `QR codec: the residency card (${token.length.toLocaleString('en-US')} characters as a token, ${text.length.toLocaleString('en-US')} as QR text)`,
    await compare([
      { label: 'civitas encodeQr', library: 'civitas', task: () => encodeQr(token) },
      { label: 'civitas decodeQr', library: 'civitas', task: () => decodeQr(text) },
    ]),
  )
}

if (isMain(import.meta.url)) await run()
