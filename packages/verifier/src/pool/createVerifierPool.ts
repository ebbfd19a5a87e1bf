import { availableParallelism } from 'node:os'
import { type ResourceLimits, Worker } from 'node:worker_threads'
import { CivitasError } from '@civitas/core'
import type { CheckExpectations, Report } from '../types.js'
import { fromWireError, fromWireReport, type PoolRequest, type PoolResponse } from './internal/messages.js'
import { refuseUnsupportedOptions } from './internal/refuseUnsupportedOptions.js'
import type { CreateVerifierPoolOptions, VerifierPool } from './types.js'

interface Pending {
  resolve(report: Report): void
  reject(error: CivitasError): void
}

interface PoolWorker {
  worker: Worker
  ready: boolean
  /** Checks sent to this worker (or waiting for it to start), by id. */
  pending: Map<number, Pending>
  /** Checks waiting for the worker to be ready. */
  queued: PoolRequest[]
}

/**
 * Creates a pool of verifiers on Node worker threads, so a busy gate or sign-in service checks
 * tokens on every core. Each worker builds its own verifier (resolver, cache, status checker) from
 * plain options, and `check` returns the same report `createVerifier(...).check` would. Checks go to
 * the worker with the fewest in flight. A worker that fails rejects the checks it held with
 * `ERR_POOL_WORKER_FAILED` and is replaced on the next check.
 *
 * @see https://nodejs.org/api/worker_threads.html
 * @throws `ERR_INVALID_ARGUMENT` for a `size` that is not a positive integer, or for an option a pool
 *   cannot pass to its workers (`bundle`, `bundleAuthority`, `bundleMaxAgeMs`, `clock`, a resolver or status
 *   checker object, or any other name it does not know), rather than checking without it; `check` rejects with
 *   `ERR_POOL_CLOSED` after `close`, and with `ERR_POOL_WORKER_FAILED` when its worker fails.
 * @example
 * ```ts
 * import { createVerifierPool } from '@civitas/verifier/pool'
 *
 * const pool = createVerifierPool({
 *   size: 2,
 *   trust: { ResidencyCard: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'] },
 * })
 * declare const token: string
 * const report = await pool.check(token)
 * console.log(report.ok)
 * await pool.close()
 * ```
 */
export function createVerifierPool(options: CreateVerifierPoolOptions = {}): VerifierPool {
  refuseUnsupportedOptions(options)
  const { size = Math.max(1, availableParallelism()), resourceLimits, ...verifierOptions } = options
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `createVerifierPool: size must be a positive integer, got ${size}`,
    )
  }
  const slots: (PoolWorker | undefined)[] = Array.from({ length: size }, () => undefined)
  let nextId = 0
  let closed = false

  const fail = (slot: number, error: CivitasError) => {
    const entry = slots[slot]
    if (entry === undefined) return
    slots[slot] = undefined
    for (const pending of entry.pending.values()) pending.reject(error)
    entry.pending.clear()
    void entry.worker.terminate()
  }

  const start = (slot: number): PoolWorker => {
    const worker = spawnWorker(resourceLimits)
    const entry: PoolWorker = { worker, ready: false, pending: new Map(), queued: [] }
    slots[slot] = entry
    worker.on('message', (message: PoolResponse) => {
      if (message.type === 'ready') {
        entry.ready = true
        for (const request of entry.queued.splice(0)) worker.postMessage(request)
      } else if (message.type === 'failed') {
        fail(slot, workerFailed(fromWireError(message.error)))
      } else {
        const pending = entry.pending.get(message.id)
        entry.pending.delete(message.id)
        // An idle worker does not keep the process alive; a busy one does.
        if (entry.pending.size === 0) worker.unref()
        pending?.resolve(fromWireReport(message.report))
      }
    })
    worker.on('error', (error) => fail(slot, workerFailed(error)))
    worker.on('exit', (exitCode) => {
      if (slots[slot] === entry)
        fail(slot, workerFailed(new Error(`the worker exited with code ${exitCode}`)))
    })
    worker.postMessage({ type: 'init', options: verifierOptions } satisfies PoolRequest)
    return entry
  }

  return {
    check(input: string, expectations: CheckExpectations = {}): Promise<Report> {
      if (closed) return Promise.reject(new CivitasError('ERR_POOL_CLOSED', 'the verifier pool is closed'))
      let slot = 0
      let least = Number.POSITIVE_INFINITY
      for (const [index, entry] of slots.entries()) {
        const load = entry?.pending.size ?? 0
        if (load < least) [slot, least] = [index, load]
      }
      const entry = slots[slot] ?? start(slot)
      const id = nextId++
      return new Promise<Report>((resolve, reject) => {
        entry.pending.set(id, { resolve, reject })
        entry.worker.ref()
        const request: PoolRequest = { type: 'check', id, input, expectations }
        if (entry.ready) entry.worker.postMessage(request)
        else entry.queued.push(request)
      })
    },
    async close(): Promise<void> {
      closed = true
      const stopping: Promise<number>[] = []
      for (const [slot, entry] of slots.entries()) {
        if (entry === undefined) continue
        slots[slot] = undefined
        for (const pending of entry.pending.values())
          pending.reject(
            new CivitasError('ERR_POOL_CLOSED', 'the verifier pool closed before this check finished'),
          )
        entry.pending.clear()
        stopping.push(entry.worker.terminate())
      }
      await Promise.all(stopping)
    },
  }
}

function workerFailed(cause: unknown): CivitasError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new CivitasError('ERR_POOL_WORKER_FAILED', `a verifier pool worker failed: ${reason}`, { cause })
}

/**
 * Starts the worker script beside this module: the built JavaScript, or, when Civitas runs from its
 * TypeScript sources (tests, benchmarks), the source through tsx.
 */
function spawnWorker(resourceLimits: ResourceLimits | undefined): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits }
  const fromSource = import.meta.url.endsWith('.ts')
  const script = new URL(`./internal/poolWorker.${fromSource ? 'ts' : 'js'}`, import.meta.url)
  if (!fromSource) return new Worker(script, limits)
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}) })`
  return new Worker(bootstrap, { eval: true, execArgv: ['--conditions=civitas-source'], ...limits })
}
