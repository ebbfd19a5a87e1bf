import type { Clock } from '@civitas/core'
import { issueCredential } from '@civitas/credentials'
import { quarantinePass } from '@civitas/credentials/templates'
import type { KeyStore } from '@civitas/crypto'
import { createResolver, type Identity } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import type { StatusListPublisher } from '@civitas/status-list'
import { createMemoryCredentialStore, createWallet, type Wallet } from '@civitas/wallet'

/** A tourist with a wallet holding a quarantine pass. */
export interface Tourist {
  name: string
  wallet: Wallet
  /** The pass's credential id, by which the health authority can revoke it. */
  passId: string
}

const DAY = 24 * 3600_000

/** Options for {@link issueTravelPasses}. */
export interface IssueTravelPassesOptions {
  /** One tourist per name, each with a new wallet. */
  names: readonly string[]
  healthAuthority: Identity
  /** Where the passes' revocation entries are allocated. */
  status: StatusListPublisher
  keyStore: KeyStore
  clock: Clock
  /**
   * `dc+sd-jwt` issues SD-JWT VC passes, on which destination, basis and issuing office are the holder's
   * to disclose; `status` must then publish `statuslist+jwt` lists. Default `vc+jwt`.
   */
  format?: 'vc+jwt' | 'dc+sd-jwt'
}

/** The health authority issues each tourist a pass for Jeju, cleared by a negative PCR test, revocable. */
export async function issueTravelPasses(options: IssueTravelPassesOptions): Promise<Tourist[]> {
  const { names, healthAuthority, status, keyStore, clock, format = 'vc+jwt' } = options
  const day = (offset: number) => new Date(clock() + offset * DAY).toISOString().slice(0, 10)
  const tourists: Tourist[] = []
  for (const name of names) {
    const identity = await createDidKey({ keyStore, alg: 'ES256' })
    const wallet = createWallet({
      identity,
      credentialStore: createMemoryCredentialStore(),
      resolver: createResolver(),
      clock,
    })
    const input = {
      subject: identity.did,
      destination: 'Jeju',
      clearance: 'cleared',
      healthAuthority: 'Jeju Special Self-Governing Province',
      basis: { kind: 'test', testType: 'PCR', result: 'negative', date: day(-2) },
      window: { start: day(-1), end: day(13) },
    } as const
    const pass = await issueCredential({
      issuer: healthAuthority,
      ...(format === 'dc+sd-jwt'
        ? { format, ...quarantinePass.buildSdJwt(input, { clock }) }
        : { credential: quarantinePass.build(input) }),
      clock,
      validFor: 14 * DAY,
      status,
    })
    await wallet.receive(pass.token)
    tourists.push({ name, wallet, passId: pass.id ?? '' })
  }
  return tourists
}
