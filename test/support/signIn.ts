import { issueCredential } from '@civitas/credentials'
import { type KeyStore, signJws } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { type DcqlQuery, respondToSignIn, type SignInRequest } from '@civitas/sign-in'
import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
import { type createParties, residencyCard, YEAR } from './parties.js'

/** The sign-in tests' query: a residency card with its residency status. */
export const residencyQuery: DcqlQuery = {
  credentials: [
    {
      id: 'residency',
      format: 'vc+jwt',
      meta: { type_values: [['ResidencyCard']] },
      claims: [{ path: ['credentialSubject', 'residencyStatus'] }],
    },
  ],
}

/**
 * The citizen's wallet, holding a residency card from the city; returns the wallet and the card's
 * token. With a `keyStore` the wallet makes pairwise identities.
 */
export async function citizenWallet(
  parties: Awaited<ReturnType<typeof createParties>>,
  options: { keyStore?: KeyStore } = {},
) {
  const wallet = createWallet({
    identity: parties.citizen,
    credentialStore: createMemoryCredentialStore(),
    resolver: parties.resolver,
    ...options,
  })
  const card = await issueCredential({
    issuer: parties.city,
    credential: residencyCard(parties.citizen.did),
    validFor: YEAR,
  })
  await wallet.receive(card.token)
  return { wallet, card: card.token }
}

/** Answers a request the way a wallet would, but returns the form instead of posting it. */
export async function buildAnswer(
  request: SignInRequest,
  holder: Identity,
  credentials: Record<string, string[]>,
  idTokenSigner: Identity = holder,
): Promise<URLSearchParams> {
  let captured: URLSearchParams | undefined
  await respondToSignIn({
    request,
    holder,
    credentials,
    fetch: async (_url, init) => {
      captured = new URLSearchParams(String(init.body))
      return new Response('{}')
    },
  })
  if (captured === undefined) throw new Error('nothing was posted')
  if (idTokenSigner !== holder) {
    const now = Math.floor(Date.now() / 1000)
    captured.set(
      'id_token',
      await signJws({
        header: { typ: 'JWT', kid: idTokenSigner.kid },
        payload: {
          iss: idTokenSigner.did,
          sub: idTokenSigner.did,
          aud: request.clientId,
          nonce: request.nonce,
          iat: now,
          exp: now + 300,
        },
        signer: idTokenSigner.signer,
      }),
    )
  }
  return captured
}

/** Posts a wallet's answer the way `direct_post` does. */
export function post(responseUri: string, form: URLSearchParams) {
  return fetch(responseUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  })
}
