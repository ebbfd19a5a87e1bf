// The browser wallet: runs in the page, bundled by esbuild (see startBrowserWalletSite.ts). Keys are
// non-extractable WebCrypto keys and credentials live in IndexedDB, so both survive reloads and
// restarts; each relying party sees its own did:peer.
import { createWebCryptoKeyStore } from '@civitas/crypto/webcrypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { createWallet } from '@civitas/wallet'
import { createIndexedDbCredentialStore } from '@civitas/wallet/indexeddb'

const MAIN_KEY = 'main'
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const show = (id: string, text: string) => {
  element(id).textContent = text
}

async function start(): Promise<void> {
  const keyStore = await createWebCryptoKeyStore({ databaseName: 'civitas-wallet-keys' })
  const credentialStore = await createIndexedDbCredentialStore({ databaseName: 'civitas-wallet-credentials' })
  if ((await keyStore.getKey(MAIN_KEY)) === undefined) {
    await keyStore.createKey({ alg: 'ES256', id: MAIN_KEY }).catch(() => undefined)
  }
  const identity = await createDidKey({ keyStore, keyId: MAIN_KEY })
  const wallet = createWallet({ identity, keyStore, credentialStore, resolver: createResolver() })
  show('did', identity.did)

  async function refresh(): Promise<void> {
    const list = element<HTMLUListElement>('credentials')
    list.replaceChildren()
    for (const record of await wallet.list()) {
      const item = document.createElement('li')
      item.dataset.id = record.id
      const type = record.types.filter((name) => name !== 'VerifiableCredential').join(', ')
      item.append(`${type} from ${record.issuer} for ${record.subject ?? 'its bearer'}`)
      const qr = document.createElement('div')
      qr.className = 'qr'
      qr.innerHTML = renderQr(encodeQr(record.token, { errorCorrection: 'L' }), {
        format: 'svg',
        errorCorrection: 'L',
      })
      item.append(qr)
      list.append(item)
    }
  }

  const guarded = (id: string, action: () => Promise<void>) =>
    element(id).addEventListener('click', () => {
      show('error', '')
      action().catch((error: Error & { code?: string }) =>
        show('error', `${error.code ?? error.name}: ${error.message}`),
      )
    })

  guarded('receive', async () => {
    await wallet.receive(element<HTMLTextAreaElement>('token').value.trim())
    element<HTMLTextAreaElement>('token').value = ''
    await refresh()
  })
  guarded('pairwise', async () => {
    show('pairwise-did', (await wallet.identityFor(element<HTMLInputElement>('client-id').value.trim())).did)
  })
  guarded('present', async () => {
    const audience = element<HTMLInputElement>('audience').value.trim()
    const nonce = element<HTMLInputElement>('nonce').value.trim()
    show('presentation', (await wallet.present({ type: 'ResidencyCard', audience, nonce })).token)
  })
  guarded('respond', async () => {
    const started = performance.now()
    const answer = await wallet.respond(element<HTMLTextAreaElement>('request').value.trim(), {
      allowLoopbackHttp: true,
      approve: () => true,
    })
    const elapsed = performance.now() - started
    show('signed-in', `Signed in at ${answer.clientId} as ${answer.holder}`)
    element('signed-in').dataset.ms = elapsed.toFixed(0)
  })
  await refresh()
  document.body.dataset.ready = 'true'
}

start().catch((error: Error & { code?: string }) =>
  show('error', `${error.code ?? error.name}: ${error.message}`),
)
