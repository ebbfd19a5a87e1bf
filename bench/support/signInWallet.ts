// A wallet in its own process for the sign-in benchmark: it reads QR texts from stdin, one per line,
// answers each (several at once), and prints one line per completed answer.
import { createInterface } from 'node:readline'
import type { PrivateJwk } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { readSignInRequest, respondToSignIn } from '@civitas/sign-in'

const { privateJwk, card } = JSON.parse(process.env.CIVITAS_BENCH_WALLET ?? '{}') as {
  privateJwk: PrivateJwk
  card: string
}
const keyStore = createMemoryKeyStore()
const holder = await createDidKey({ keyStore, keyId: (await keyStore.importKey({ privateJwk })).id })
const resolver = createResolver()

const lines = createInterface({ input: process.stdin })
for await (const qr of lines) {
  void (async () => {
    const request = await readSignInRequest(qr, { resolver, allowLoopbackHttp: true })
    await respondToSignIn({ request, holder, credentials: { residency: [card] } })
    process.stdout.write('done\n')
  })().catch((error: unknown) => process.stdout.write(`error ${(error as Error).message}\n`))
}
