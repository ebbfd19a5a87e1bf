import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EthereumNode, startEthereumNode } from '../../examples/did-ethr-rotation/startEthereumNode.js'
import { createWorkspace, jsonOf } from './civitas.js'

const workspace = await createWorkspace()
let node: EthereumNode

beforeAll(async () => {
  node = await startEthereumNode()
})
afterAll(async () => {
  await node?.close()
  await workspace.cleanup()
})

describe('civitas with did:ethr (child processes, a local Ethereum node on loopback)', {
  timeout: 120_000,
}, () => {
  it('behavior: a did:ethr issuer signs; verify and wallet receive resolve it through --ethr-rpc-url and --ethr-registry', async () => {
    const { rpcUrl, registry } = node.network
    const city = await workspace.run([
      'did',
      'create',
      'ethr',
      '--chain-id',
      '1337',
      '--rpc-url',
      rpcUrl,
      '--registry',
      registry,
      '--json',
    ])
    expect(city.code).toBe(0)
    const issuer = jsonOf<{ did: string }>(city).did
    expect(issuer).toMatch(/^did:ethr:0x539:0x[0-9a-f]{40}$/)
    const member = await workspace.createDid('key')
    const issued = await workspace.run([
      'issue',
      '--template',
      'membership',
      '--subject',
      member,
      '--issuer-key',
      issuer,
      '--claim',
      'community=Supilinn Neighbourhood Society',
      '--claim',
      'role=board',
      '--claim',
      'memberSince=2021-05-01',
    ])
    expect(issued.code).toBe(0)
    const token = issued.stdout.trim()

    const ethr = ['--ethr-rpc-url', rpcUrl, '--ethr-registry', registry, '--ethr-chain-id', '1337']
    const accepted = await workspace.run([
      'verify',
      token,
      '--trust',
      `MembershipCard=${issuer}`,
      ...ethr,
      '--json',
    ])
    expect(accepted.code).toBe(0)
    expect(jsonOf(accepted)).toMatchObject({ ok: true, issuer })

    const received = await workspace.run(['wallet', 'receive', token, '--holder', member, ...ethr, '--json'])
    expect(received.code).toBe(0)
    expect(jsonOf(received)).toMatchObject({ issuer, types: ['VerifiableCredential', 'MembershipCard'] })

    const unresolvable = await workspace.run([
      'verify',
      token,
      '--trust',
      `MembershipCard=${issuer}`,
      '--json',
    ])
    expect(unresolvable.code).toBe(1)
    expect(jsonOf(unresolvable)).toMatchObject({ ok: false, error: { code: 'ERR_DID_METHOD_NOT_SUPPORTED' } })
  })
})
