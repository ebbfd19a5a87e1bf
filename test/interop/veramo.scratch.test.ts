import { issueCredential, createPresentation, verifyPresentation } from '@civitas/credentials'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { createMemoryKeyStore } from '@civitas/crypto'
import { getDidKeyResolver } from '@veramo/did-provider-key'
import { getResolver as keyDidResolver } from 'key-did-resolver'
import { Resolver } from 'did-resolver'
import { it } from 'vitest'
import { residencyCard } from '../../examples/demo/residencyCard.js'
import { createVeramoTestAgent } from '../support/veramoAgent.js'

it('scratch', async () => {
  const resolvers = {
    civitas: createResolver(),
    veramoKey: new Resolver({ ...getDidKeyResolver() }),
    keyDid: new Resolver({ ...keyDidResolver() }),
  }
  for (const [name, r] of Object.entries(resolvers)) {
    const { agent } = createVeramoTestAgent(r as never)
    for (const alg of ['EdDSA', 'ES256', 'ES256K'] as const) {
      const keyStore = createMemoryKeyStore()
      const city = await createDidKey({ keyStore, alg })
      const citizen = await createDidKey({ keyStore, alg })
      for (const format of ['jwt_vc_json', 'vc+jwt'] as const) {
        const { token } = await issueCredential({ issuer: city, credential: residencyCard(citizen.did), format })
        const res = await agent.verifyCredential({ credential: token })
        console.log(name, alg, format, res.verified, res.error?.message)
        if (format === 'jwt_vc_json') {
          const { token: vp } = await createPresentation({ holder: citizen, credentials: [token], audience: 'https://a.example', nonce: 'n-123456789', format })
          const r2 = await agent.verifyPresentation({ presentation: vp, domain: 'https://a.example', challenge: 'n-123456789' })
          console.log(name, alg, 'vp', r2.verified, r2.error?.message)
        }
      }
    }
    const id = await agent.didManagerCreate({ provider: 'did:key', options: { keyType: 'Secp256k1' } })
    const vc = await agent.createVerifiableCredential({ credential: { issuer: id.did, credentialSubject: { id: id.did, name: 'M' } }, proofFormat: 'jwt' })
    const vp = await agent.createVerifiablePresentation({ presentation: { holder: id.did, verifiableCredential: [vc] }, proofFormat: 'jwt', domain: 'https://a.example', challenge: 'n-123456789' })
    console.log(vp.proof.jwt, JSON.stringify(JSON.parse(Buffer.from(vp.proof.jwt.split('.')[1], 'base64url').toString())).slice(0, 300))
    try { const v = await verifyPresentation(vp.proof.jwt, { resolver: resolvers.civitas, audience: 'https://a.example', nonce: 'n-123456789' }); console.log('civitas vp ok', v.holder) } catch (e) { console.log('civitas vp err', (e as {code:string}).code, (e as Error).message) }
  }
})
