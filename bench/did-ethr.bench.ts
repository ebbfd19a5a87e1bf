import { issueCredential, verifyCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { addDelegate, changeOwner, createDidEthr, didEthrResolver } from '@civitas/did/ethr'
import { startEthereumNode } from '../examples/did-ethr-rotation/startEthereumNode.js'
import { compare, isMain, printTable } from './support/measure.js'

/**
 * did:ethr resolution against a local node (ganache, in process, over loopback JSON-RPC): cold
 * (every resolution reads the registry) and cached, for a DID with no history and one with three
 * changes; then verifying an ES256K credential, whose key is recovered from the signature.
 */
export async function run(): Promise<void> {
  const node = await startEthereumNode()
  try {
    const keyStore = createMemoryKeyStore()
    const network = node.network
    const fresh = await createDidEthr({ keyStore, network })
    const city = await createDidEthr({ keyStore, network })
    await node.fund(city.address)
    const { identity: office } = await addDelegate({ identity: city, keyStore })
    const { identity: owner } = await changeOwner({ identity: city, keyStore })
    await node.fund(owner.address)
    await addDelegate({ identity: owner, keyStore, delegateType: 'sigAuth' })

    const cold = createResolver({ resolvers: [didEthrResolver({ networks: [network] })], cache: false })
    const cached = createResolver({ resolvers: [didEthrResolver({ networks: [network] })] })
    const resolveCases = [
      { label: 'cold: DID without history', task: () => cold.resolve(fresh.did) },
      { label: 'cold: DID with 3 changes', task: () => cold.resolve(city.did) },
      { label: 'cached: DID with 3 changes', task: () => cached.resolve(city.did) },
    ]
    printTable(
      'did:ethr resolution (local node)',
      await compare(resolveCases, { rounds: 5 }),
      resolveCases[0]?.label,
    )

    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:citizen', residentOf: 'Civitas' },
    }
    const byOwner = (await issueCredential({ issuer: owner, credential, validFor: 3_600_000 })).token
    const byDelegate = (await issueCredential({ issuer: office, credential, validFor: 3_600_000 })).token
    const verifyCases = [
      {
        label: 'verifyCredential, cold resolver (#controller)',
        task: () => verifyCredential(byOwner, { resolver: cold }),
      },
      {
        label: 'verifyCredential, cached (#controller)',
        task: () => verifyCredential(byOwner, { resolver: cached }),
      },
      {
        label: 'verifyCredential, cached (#delegate-1)',
        task: () => verifyCredential(byDelegate, { resolver: cached }),
      },
    ]
    printTable(
      'ES256K credential by a did:ethr issuer',
      await compare(verifyCases, { rounds: 5 }),
      verifyCases[0]?.label,
    )
  } finally {
    await node.close()
  }
}

if (isMain(import.meta.url)) await run()
