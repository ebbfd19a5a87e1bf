import type { DemoOutput } from '@civitas/cli/demo'
import { isCivitasError } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import {
  addDelegate,
  changeOwner,
  createDidEthr,
  didEthrResolver,
  type EthrIdentity,
  revokeDelegate,
} from '@civitas/did/ethr'
import { createVerifier, explainCode } from '@civitas/verifier'
import { startEthereumNode } from './startEthereumNode.js'

const DAY = 86_400

/** A berth permit: which vessel may moor where, issued to the shipping agent's DID. */
function berthPermit(agent: string, vessel: string, berth: string) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'BerthPermit'],
    credentialSubject: { id: agent, vessel, berth },
  }
}

/**
 * A port authority anchored on an Ethereum ERC-1056 registry (a local ganache node on loopback)
 * rotates its keys: its permits office signs with a delegate key the owner appointed on the chain;
 * the owner appoints a new office key, retires the old one, then moves the owner key itself. At
 * each step a harbour gate's verifier, reading the registry, shows which permits still verify.
 */
export async function runDidEthrRotationExample(output: DemoOutput): Promise<void> {
  const node = await startEthereumNode()
  try {
    const keyStore = createMemoryKeyStore()
    // No cache: every check reads the registry as it is now. A real gate caches for minutes.
    const resolver = createResolver({
      resolvers: [didEthrResolver({ networks: [node.network] })],
      cache: false,
    })
    const agent = await createDidEthr({ keyStore, network: node.network })
    const block = async () => node.provider.getBlockNumber()

    output(`1. A local Ethereum node at ${node.network.rpcUrl}, with the ERC-1056 DID registry`)
    output(
      `   deployed at ${node.network.registry}: nothing here is a Civitas ledger, only the public contract`,
    )

    output('')
    output('2. The Port Authority takes a did:ethr identity; its owner key stays offline')
    const port = await createDidEthr({ keyStore, network: node.network })
    await node.fund(port.address) // on a public network the authority pays gas from its own account
    output(`   ${port.did}`)
    output(`   owner key ${port.address} is ${port.kid.slice(port.did.length)}`)
    const { identity: office2025, transaction: appointed } = await addDelegate({
      identity: port,
      keyStore,
      validitySeconds: 90 * DAY,
    })
    output(
      `   the owner appoints the permits office key ${office2025.kid.slice(port.did.length)} (signs credentials, valid 90 days), block ${appointed.blockNumber}`,
    )

    const gate = createVerifier({ resolver, trust: { BerthPermit: [port.did] } })
    const show = async (label: string, token: string) => {
      const report = await gate.check(token, { types: ['BerthPermit'] })
      const verdict = report.ok
        ? 'ACCEPTED'
        : `REJECTED ${report.error?.code} — ${report.error ? `${explainCode(report.error.code)} (${report.error.message})` : ''}`
      output(`   ${label.padEnd(44)} ${verdict}`)
      return report
    }
    const issue = async (issuer: EthrIdentity, vessel: string, berth: string) =>
      (
        await issueCredential({
          issuer,
          credential: berthPermit(agent.did, vessel, berth),
          validFor: 30 * DAY * 1000,
        })
      ).token

    output('')
    output('3. The office issues a berth permit; the harbour gate checks it against the registry')
    const permitA = await issue(office2025, 'MV Nordic Star', 'B-12')
    await show(`permit A (MV Nordic Star, ${office2025.kid.slice(port.did.length)})`, permitA)

    output('')
    output('4. Planned rotation: the owner appoints a new office key before retiring the old one')
    const { identity: office2026, transaction: added } = await addDelegate({
      identity: port,
      keyStore,
      validitySeconds: 365 * DAY,
    })
    output(
      `   ${office2026.kid.slice(port.did.length)} appointed in block ${added.blockNumber}; new permits are signed with it`,
    )
    const permitB = await issue(office2026, 'MS Baltic Queen', 'C-3')
    await show(`permit A (old key, still appointed)`, permitA)
    await show(`permit B (MS Baltic Queen, ${office2026.kid.slice(port.did.length)})`, permitB)

    output('')
    output('5. The old office key is retired on the chain (say its laptop was lost)')
    const before = await block()
    const retired = await revokeDelegate({ identity: port, keyStore, delegate: office2025 })
    output(`   revokeDelegate in block ${retired.blockNumber}`)
    await show('permit A (signed by the retired key)', permitA)
    const forged = await issue(office2025, 'MV Ghost', 'B-1')
    await show('a permit the lost key signs today', forged)
    await show('permit B (new key)', permitB)
    const past = await resolver.resolve(`${port.did}?versionId=${before}`)
    const listed = past.didDocument?.assertionMethod?.some((entry) => String(entry) === office2025.kid)
    output(
      `   the history stays auditable: at block ${before} the registry listed ${office2025.kid.slice(port.did.length)}: ${listed ? 'yes' : 'no'}`,
    )

    output('')
    output('6. The owner key itself moves to new hardware (changeOwner)')
    const { identity: owner2026, transaction: moved } = await changeOwner({ identity: port, keyStore })
    await node.fund(owner2026.address)
    output(
      `   block ${moved.blockNumber}: ${port.kid.slice(port.did.length)} is now ${owner2026.address}; the DID is unchanged`,
    )
    await show('permit B (office key appointed by the DID)', permitB)
    const oldOwnerSigned = await issue(port, 'MV Old Owner', 'A-1')
    await show('a permit the old owner key signs', oldOwnerSigned)
    const refusal = await addDelegate({ identity: port, keyStore }).then(
      () => 'ACCEPTED (this would be a bug)',
      (error: unknown) => `refused with ${isCivitasError(error) ? error.code : 'an unexpected error'}`,
    )
    output(`   ${'the old owner key appointing a delegate'.padEnd(44)} ${refusal}`)

    output('')
    output('Why the gate can trust this: the registry is the only source of keys, and only the')
    output("DID's current owner can change it. A retired or superseded key stops verifying the moment the")
    output('change is mined, for old and new signatures alike, so rotate before retiring (step 4) and')
    output('re-issue what the old key signed if it has to go at once (step 5). Every change stays on the')
    output('chain, so an auditor can see which keys could sign for the port at any block.')
  } finally {
    await node.close()
  }
}
