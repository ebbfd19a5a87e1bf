// Serves the browser wallet and two services that offer "sign in with your wallet" on loopback.
// Open the printed address in a browser; ask a service for a request and paste it into the wallet.

import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { startBrowserWalletSite } from './startBrowserWalletSite.js'

const keyStore = createMemoryKeyStore()
const resolver = createResolver()
const city = await createDidKey({ keyStore, alg: 'EdDSA' })
const identities = {
  clinic: await createDidKey({ keyStore, alg: 'EdDSA' }),
  library: await createDidKey({ keyStore, alg: 'EdDSA' }),
}
const site = await startBrowserWalletSite({
  resolver,
  cityDid: city.did,
  services: ['clinic', 'library'],
  identities,
})
console.log(`The wallet: ${site.origin}/`)
console.log(`A sign-in request: curl -X POST ${site.origin}/clinic/start (or /library/start)`)
const did = process.argv[2]
if (did !== undefined) {
  const { token } = await issueCredential({
    issuer: city,
    credential: residencyCard(did),
    validFor: 3600_000,
  })
  console.log(`A residency card for ${did}, to paste into the wallet:\n${token}`)
}
