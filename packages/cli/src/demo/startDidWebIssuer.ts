import { lookup as dnsLookup } from 'node:dns/promises'
import type { Did, SignatureAlgorithm } from '@civitas/core'
import { createSigner, type KeyStore } from '@civitas/crypto'
import type { Identity } from '@civitas/did'
import { createDidWebDocument, createDidWebHandler, type GuardedFetchLookup } from '@civitas/did/web'
import { startLoopbackServer } from './startLoopbackServer.js'

/** Options of {@link startDidWebIssuer}. */
export interface StartDidWebIssuerOptions {
  /** The institution's host name: a reserved `.test` name that `network.lookup` answers with 127.0.0.1. */
  host: string
  /** The institution's own key store; every key in it is published in its DID document. */
  keyStore: KeyStore
  /** The id of the key it signs with (created in the store when missing); also the method's fragment. */
  keyId: string
  /** The signing key's algorithm when it is created (default `EdDSA`). */
  alg?: SignatureAlgorithm
}

/** What a verifier passes to `didWebResolver` and `createStatusChecker` to reach the host on loopback. */
export interface LoopbackNetwork {
  /** The host, allow-listed past the guard's refusal of loopback addresses. */
  allowHosts: string[]
  /** A hosts-file entry: the host is 127.0.0.1, other names go to DNS. */
  lookup: GuardedFetchLookup
  /** The host's self-signed certificate, trusted in place of the public roots. */
  ca: string
}

/** An institution identified by did:web and serving its own DID document over loopback HTTPS. */
export interface DidWebIssuer {
  /** Its signing identity: the did:web DID and the DID URL of its key. */
  identity: Identity
  /** `https://<host>:<port>`. */
  origin: string
  /** Where its DID document is served. */
  documentUrl: string
  network: LoopbackNetwork
  /** Serves another handler under the same origin, for paths starting with `prefix` (its status lists). */
  serve(prefix: string, handler: (request: Request) => Promise<Response>): void
  close(): Promise<void>
}

/**
 * Starts an HTTPS server on 127.0.0.1 with a certificate made now for `host`, and publishes there
 * the did:web document of `did:web:<host>%3A<port>`, built on every request from the keys in the
 * institution's key store (so a key added or removed shows at once, within the document's cache
 * lifetime)..
 *
 * @see {@link startLoopbackServer}; `didWebResolver` and `createStatusChecker` take `network`.
 * @throws `ERR_INVALID_ARGUMENT` when the server cannot listen; the key store's errors when the key
 * cannot be created.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createResolver } from '@civitas/did'
 * import { didWebResolver } from '@civitas/did/web'
 * import { startDidWebIssuer } from '@civitas/cli/demo'
 *
 * const city = await startDidWebIssuer({
 *   host: 'tartu.civitas.test',
 *   keyStore: createMemoryKeyStore(),
 *   keyId: 'seal',
 * })
 * const resolver = createResolver({ resolvers: [didWebResolver(city.network)] })
 * await city.close()
 * ```
 */
export async function startDidWebIssuer(options: StartDidWebIssuerOptions): Promise<DidWebIssuer> {
  const { host, keyStore, keyId, alg = 'EdDSA' } = options
  if ((await keyStore.getKey(keyId)) === undefined) await keyStore.createKey({ alg, id: keyId })
  const routes = new Map<string, (request: Request) => Promise<Response>>()
  let did = ''
  const document = createDidWebHandler(
    async () =>
      createDidWebDocument({
        did,
        keys: (await keyStore.listKeys()).map((key) => ({ publicJwk: key.publicJwk, fragment: key.id })),
      }),
    { ttlMs: 60_000 },
  )
  const server = await startLoopbackServer(
    async (request) => {
      const { pathname } = new URL(request.url)
      for (const [prefix, handler] of routes) if (pathname.startsWith(prefix)) return handler(request)
      return document(request)
    },
    { httpsHost: host },
  )
  const issuerDid: Did = `did:web:${host}%3A${server.port}`
  did = issuerDid
  const kid = `${issuerDid}#${keyId}` as const
  const lookup: GuardedFetchLookup = async (name) =>
    name === host ? [{ address: '127.0.0.1', family: 4 }] : dnsLookup(name, { all: true, verbatim: true })
  return {
    identity: { did: issuerDid, kid, signer: await createSigner({ keyStore, keyId, kid }) },
    origin: server.origin,
    documentUrl: `${server.origin}/.well-known/did.json`,
    network: { allowHosts: [host], lookup, ca: server.ca ?? '' },
    serve(prefix, handler) {
      routes.set(prefix, handler)
    },
    close: () => server.close(),
  }
}
