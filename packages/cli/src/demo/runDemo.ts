import {
  CivitasError,
  type Clock,
  encodeBase64url,
  encodeUtf8,
  type SignatureAlgorithm,
  systemClock,
} from '@civitas/core'
import { createMemoryKeyStore, signJws, verifyJws } from '@civitas/crypto'
import { createResolver, type Identity, resolveDidDocument, resolveVerificationKey } from '@civitas/did'
import { createDidJwk } from '@civitas/did/jwk'
import { createDidKey } from '@civitas/did/key'
import { shorten } from '../internal/shorten.js'
import { showCredentialFlow } from '../internal/showCredentialFlow.js'
import type { DemoOutput } from './types.js'

const ALGORITHMS: readonly SignatureAlgorithm[] = ['EdDSA', 'ES256', 'ES256K']

/**
 * The end-to-end demo on embedded defaults: a did:key and a did:jwk identity for every algorithm,
 * a signed and a forged message, then a city (did:web, its document and status lists on its own
 * loopback HTTPS server) issuing a residency card that a citizen shows to a hotel desk as a QR code,
 * whose verifier scans it from a PNG and reports every check — and rejects tampered, expired and
 * misaddressed presentations with their codes. Each line goes to `output`; the clock is the
 * system's unless given.
 *
 * @throws nothing of its own: a failure of any step is a bug and propagates.
 * @example
 * ```ts
 * import { runDemo } from '@civitas/cli/demo'
 *
 * const lines: string[] = []
 * await runDemo((line) => lines.push(line))
 * ```
 */
export async function runDemo(output: DemoOutput, clock: Clock = systemClock): Promise<void> {
  const keyStore = createMemoryKeyStore()
  const resolver = createResolver()

  output('1. Keys and identities')
  const identities: Identity[] = []
  for (const alg of ALGORITHMS) {
    for (const create of [createDidKey, createDidJwk]) {
      const identity = await create({ keyStore, alg })
      const document = await resolveDidDocument(resolver, identity.did)
      output(
        `   ${alg.padEnd(6)} ${shorten(identity.did)}  resolves: ${document.verificationMethod?.length ?? 0} key(s)`,
      )
      identities.push(identity)
    }
  }

  output('')
  output('2. A signed message, and a tampered one')
  for (const identity of identities.filter((_, index) => index % 2 === 0)) {
    const token = await signJws({ payload: { message: 'Welcome to Civitas' }, signer: identity.signer })
    const { publicJwk } = await resolveVerificationKey({
      resolver,
      kid: identity.kid,
      relationship: 'authentication',
    })
    await verifyJws(token, { publicJwk })
    const tampered = tamperPayload(token)
    const verdict = await verifyJws(tampered, { publicJwk }).then(
      () => 'ACCEPTED (bug!)',
      (error: unknown) => (error instanceof CivitasError ? `rejected with ${error.code}` : 'crashed'),
    )
    output(`   ${identity.signer.alg.padEnd(6)} genuine: verified   tampered: ${verdict}`)
  }

  output('')
  await showCredentialFlow({ output, keyStore, clock })
}

/** Rewrites the payload and keeps the old signature, as a forger would. */
function tamperPayload(token: string): string {
  const [header, , signature] = token.split('.') as [string, string, string]
  const forged = encodeBase64url(encodeUtf8(JSON.stringify({ message: 'Welcome to Civitas, admin' })))
  return `${header}.${forged}.${signature}`
}
