import { residencyCard } from '@civitas/cli/demo'
import { isCivitasError } from '@civitas/core'
import { createPresentation, issueCredential } from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidKey } from '@civitas/did/key'
import { afterEach, describe, expect, it } from 'vitest'
import { createVerifier } from '../createVerifier.js'
import type { Report } from '../types.js'
import { createVerifierPool } from './createVerifierPool.js'
import type { CreateVerifierPoolOptions, VerifierPool } from './types.js'

const YEAR = 365 * 24 * 3600 * 1000
const audience = 'https://hotel.example'
const nonce = 'n-0S6_WzA2Mj'

async function scene() {
  const keyStore = createMemoryKeyStore()
  const city = await createDidKey({ keyStore, alg: 'EdDSA' })
  const citizen = await createDidKey({ keyStore, alg: 'ES256' })
  const { token } = await issueCredential({
    issuer: city,
    credential: residencyCard(citizen.did),
    validFor: YEAR,
  })
  const presentation = (await createPresentation({ holder: citizen, credentials: [token], audience, nonce }))
    .token
  const trust = { ResidencyCard: [city.did] }
  return { token, presentation, trust, single: createVerifier({ resolver: createResolver(), trust }) }
}

/** A report with its errors as plain data, to compare reports made on different threads. */
function plain(report: Report): unknown {
  return JSON.parse(JSON.stringify(report))
}

const pools: VerifierPool[] = []
function pool(options: Parameters<typeof createVerifierPool>[0]): VerifierPool {
  const created = createVerifierPool(options)
  pools.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()))
})

describe('createVerifierPool', () => {
  for (const size of [1, 2]) {
    it(`behavior: with ${size} worker(s), reports equal the single-thread verifier's`, async () => {
      const { token, presentation, trust, single } = await scene()
      const verifiers = pool({ size, trust })
      const inputs: [string, Parameters<VerifierPool['check']>[1]][] = [
        [token, {}],
        [presentation, { audience, nonce }],
        [presentation, { audience: 'https://elsewhere.example', nonce }],
        [token, { types: ['HealthAccessPass'] }],
      ]
      const reports = await Promise.all(inputs.map(([input, expected]) => verifiers.check(input, expected)))
      for (const [index, [input, expected]] of inputs.entries())
        expect(plain(reports[index] as Report)).toEqual(plain(await single.check(input, expected)))
      expect(reports.map((report) => report.ok)).toEqual([true, true, false, false])
    })
  }

  it('error: a pool requiring holder binding refuses a bare credential in every worker with ERR_PRESENTATION_REQUIRED', async () => {
    const { token, presentation, trust } = await scene()
    const gate = pool({ size: 1, trust, holderBinding: 'required' })
    expect((await gate.check(token)).error?.code).toBe('ERR_PRESENTATION_REQUIRED')
    expect((await gate.check(presentation, { audience, nonce })).ok).toBe(true)
  })

  it('error: a tampered token gives a failed report with ERR_SIGNATURE_INVALID, as a CivitasError', async () => {
    const { token, trust, single } = await scene()
    const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`
    const report = await pool({ size: 1, trust }).check(tampered)
    expect(report).toMatchObject({ ok: false, kind: 'credential' })
    expect(report.error?.code).toBe('ERR_SIGNATURE_INVALID')
    expect(isCivitasError(report.error)).toBe(true)
    expect(plain(report)).toEqual(plain(await single.check(tampered)))
  })

  it('error: options a pool cannot pass to its workers are refused at creation with ERR_INVALID_ARGUMENT', () => {
    const refused: Record<string, unknown>[] = [
      { bundle: 'eyJ.eyJ.sig' },
      { bundleAuthority: 'did:key:z6Mk', trust: 'any' },
      { bundleMaxAgeMs: 1000 },
      { clock: () => 0 },
      { replay: {} },
      { resolver: { resolve: async () => ({}) } },
      { status: { check: async () => 0 } },
    ]
    for (const options of refused) {
      expect(() => createVerifierPool(options as CreateVerifierPoolOptions)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('error: garbage input is a failed report, not a rejection', async () => {
    const report = await pool({ size: 1, trust: 'any' }).check('not a token')
    expect(report.ok).toBe(false)
    expect(report.error?.code).toBe('ERR_JWS_MALFORMED')
  })

  it('error: close rejects checks still waiting with ERR_POOL_CLOSED, and any check after it', async () => {
    const { token, trust } = await scene()
    const verifiers = createVerifierPool({ size: 1, trust })
    const waiting = Promise.allSettled(Array.from({ length: 20 }, () => verifiers.check(token)))
    await verifiers.close()
    const settled = await waiting
    for (const outcome of settled) {
      expect(outcome.status).toBe('rejected')
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_POOL_CLOSED' })
    }
    await expect(verifiers.check(token)).rejects.toMatchObject({ code: 'ERR_POOL_CLOSED' })
  })

  it('error: a worker that cannot build its verifier rejects its checks with ERR_POOL_WORKER_FAILED', async () => {
    const { token } = await scene()
    const verifiers = pool({
      size: 1,
      resolver: { ethr: { networks: [{ chainId: 1337, rpcUrl: 'ftp://127.0.0.1:1', registry: 'nowhere' }] } },
    })
    const rejection = await verifiers.check(token).catch((error: unknown) => error)
    expect(rejection).toMatchObject({ code: 'ERR_POOL_WORKER_FAILED' })
    expect((rejection as Error).cause).toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })

  it('error: a worker that crashes (out of memory) rejects with ERR_POOL_WORKER_FAILED, and the pool recovers', async () => {
    const { token } = await scene()
    const starved = pool({
      size: 1,
      trust: 'any',
      resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    })
    await expect(starved.check(token)).rejects.toMatchObject({ code: 'ERR_POOL_WORKER_FAILED' })
    const healthy = pool({ size: 1, trust: 'any' })
    expect((await healthy.check(token)).ok).toBe(true)
  })

  it('error: size must be a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => createVerifierPool({ size })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
  })
})
