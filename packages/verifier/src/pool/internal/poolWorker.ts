// A verifier pool's worker: builds a verifier from plain options, then checks tokens one message at a time.
import { parentPort } from 'node:worker_threads'
import { CivitasError, isCivitasError } from '@civitas/core'
import { type CreateResolverOptions, createResolver } from '@civitas/did'
import { createVerifier, type Verifier } from '../../createVerifier.js'
import type { CreateVerifierPoolOptions } from '../types.js'
import { type PoolRequest, type PoolResponse, toWireError, toWireReport } from './messages.js'

const port = parentPort
if (port === null) throw new Error('poolWorker runs only as a worker thread')
const post = (message: PoolResponse) => port.postMessage(message)
let verifier: Verifier | undefined

async function build(options: Omit<CreateVerifierPoolOptions, 'size' | 'resourceLimits'>): Promise<Verifier> {
  const resolvers: NonNullable<CreateResolverOptions['resolvers']>[number][] = []
  const { web, ethr, cache = true } = options.resolver ?? {}
  // Methods load only when configured: did:ethr brings an Ethereum client along.
  if (web !== undefined) resolvers.push((await import('@civitas/did/web')).didWebResolver(web))
  if (ethr !== undefined) resolvers.push((await import('@civitas/did/ethr')).didEthrResolver(ethr))
  return createVerifier({
    resolver: createResolver({ resolvers, ...(cache ? {} : { cache: false }) }),
    ...(options.trust === undefined ? {} : { trust: options.trust }),
    ...(options.holderBinding === undefined ? {} : { holderBinding: options.holderBinding }),
    ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
    ...(options.maxPresentationAgeMs === undefined
      ? {}
      : { maxPresentationAgeMs: options.maxPresentationAgeMs }),
    ...(options.schemas === undefined ? {} : { schemas: options.schemas }),
    ...(options.status === undefined ? {} : { status: options.status }),
  })
}

port.on('message', (message: PoolRequest) => {
  if (message.type === 'init') {
    build(message.options).then(
      (built) => {
        verifier = built
        post({ type: 'ready' })
      },
      (error: unknown) => {
        const failure = isCivitasError(error)
          ? error
          : new CivitasError('ERR_POOL_WORKER_FAILED', `the verifier could not be built: ${String(error)}`)
        post({ type: 'failed', error: toWireError(failure) })
      },
    )
    return
  }
  const { id, input, expectations } = message
  // check never throws; the worker only ever sees messages after `ready`.
  void (verifier as Verifier)
    .check(input, expectations)
    .then((report) => post({ type: 'report', id, report: toWireReport(report) }))
})
