import type { DemoOutput } from '@civitas/cli/demo'
import { residencyCard } from '@civitas/cli/demo'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { renderQr } from '@civitas/qr/render'
import { scanQr } from '@civitas/qr/scan'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { startSignInSite } from './startSignInSite.js'

const YEAR = 365 * 24 * 3600 * 1000

/**
 * Sign in with a wallet: the city portal shows a QR code, the citizen's wallet reads it from the
 * image, checks who asks and what for, shares the residency card, and the portal signs the citizen
 * in as their DID.
 */
export async function runSignInExample(output: DemoOutput): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const portal = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const wallet = createWallet({ identity: citizen, credentialStore: createMemoryCredentialStore(), resolver })
  const card = await issueCredential({ issuer: city, credential: residencyCard(citizen.did), validFor: YEAR })
  await wallet.receive(card.token)
  output('1. The city of Tartu has issued Mari a residency card; her wallet holds it')

  const site = await startSignInSite({ resolver, portal, cityDid: city.did })
  try {
    output('')
    output(`2. The city portal at ${site.origin} asks her to sign in with her wallet`)
    const started = (await (await fetch(`${site.origin}/api/sign-in`, { method: 'POST' })).json()) as {
      id: string
      qr: string
    }
    // The phone's camera sees pixels: render the code as an image and read it back from them.
    const qrText = await scanQr(renderQr(started.qr, { format: 'png', errorCorrection: 'L' }))
    output(`   the QR code holds ${qrText.length} characters: client_id and request_uri, nothing else`)

    output('')
    output('3. Her wallet reads the code from the image, fetches the signed request and checks it')
    const answer = await wallet.respond(qrText, {
      allowLoopbackHttp: true,
      approve: ({ clientDid, matches }) => {
        const offered = matches.residency?.map((match) => match.record.types.at(-1)).join(', ')
        output(`   ${clientDid?.slice(0, 32)}… asks for: ${offered}; Mari approves`)
        return true
      },
    })
    output(
      `   shared ${answer.shared.residency?.length ?? 0} credential, bound to this portal and this request`,
    )
    output(
      `   the portal sends her browser back to ${answer.redirectUri?.split('#')[0]} (with a one-time response code)`,
    )

    output('')
    output('4. The portal verified the ID token and the presentation')
    const status = await site.relyingParty.status(started.id)
    if (status.status !== 'complete') throw new Error(`sign-in did not complete: ${status.status}`)
    const { did, claims } = status.result
    const address = claims.address as { locality?: string } | undefined
    output(
      `   Welcome, ${claims.givenName} ${claims.familyName}: resident of ${address?.locality} (${claims.residencyStatus}), signed in as ${did.slice(0, 40)}…`,
    )
  } finally {
    await site.close()
  }
}
