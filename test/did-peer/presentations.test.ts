import { residencyCard } from '@civitas/cli/demo'
import { createPresentation, issueCredential, verifyPresentation } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createDidPeer } from '@civitas/did/peer'
import { describe, expect, it } from 'vitest'
import { tamperJwt } from '../support/tamperJwt.js'

// A holder with a did:peer (one per relationship) presents a city's credential issued to that DID.
describe('did:peer holders', () => {
  for (const numalgo of [0, 2] as const) {
    it(`behavior: a did:peer:${numalgo} holder's presentation verifies through the default createResolver; a tampered one fails`, async () => {
      const keyStore = createMemoryKeyStore()
      const resolver = createResolver() // did:peer is one of its built-in methods
      const city = await createDidKey({ keyStore, alg: 'EdDSA' })
      const holder = await createDidPeer({ keyStore, alg: 'ES256', numalgo })
      const { token } = await issueCredential({ issuer: city, credential: residencyCard(holder.did) })
      const audience = 'https://clinic.example'
      const nonce = 'n-0S6_WzA2Mj-peer'
      const { token: presentation } = await createPresentation({
        holder,
        credentials: [token],
        audience,
        nonce,
      })
      const verified = await verifyPresentation(presentation, { resolver, audience, nonce })
      expect(verified.holder).toBe(holder.did)
      await expect(
        verifyPresentation(tamperJwt(presentation), { resolver, audience, nonce }),
      ).rejects.toMatchObject({
        code: 'ERR_SIGNATURE_INVALID',
      })
    })
  }
})
