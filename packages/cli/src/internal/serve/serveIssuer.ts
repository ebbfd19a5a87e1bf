import type { DidDocument } from '@civitas/core'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createDidWebDocument, createDidWebHandler, didWebDocumentUrl } from '@civitas/did/web'
import { createStatusListPublisher, type StatusListPublisher } from '@civitas/status-list'
import { startLoopbackServer } from '../../demo/startLoopbackServer.js'
import type { CliContext } from '../context.js'
import { findIdentity, identityOf } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { openStatusRegistry, type RegistryFlags } from '../statusRegistry.js'
import { untilStopped } from '../untilStopped.js'
import { type ListenFlags, portOf } from './listen.js'
import { logRefusals } from './logRefusals.js'

/** The flags of `civitas serve issuer`. */
export interface ServeIssuerFlags extends ListenFlags, RegistryFlags {
  issuerKey?: string
  publicUrl?: string
}

/**
 * Serves the issuer's did:web document (for a did:web identity) and, with a registry, its status
 * lists, until SIGINT or SIGTERM.
 */
export async function serveIssuer(
  context: CliContext,
  store: string,
  flags: ServeIssuerFlags,
): Promise<void> {
  const record = await findIdentity(store, flags.issuerKey, '--issuer-key')
  const port = portOf(flags)
  // The signing key moves into memory for the server's life, so the key store file stays free
  // for `civitas issue` while the server runs.
  const keyStore = createMemoryKeyStore()
  await withKeyStore(context, store, async (file) => {
    await keyStore.importKey({ privateJwk: await file.exportPrivateKey(record.keyId), id: record.keyId })
  })
  const identity = await identityOf(keyStore, record)
  let document: DidDocument | undefined
  let didPath: string | undefined
  if (record.method === 'web') {
    const key = await keyStore.getKey(record.keyId)
    document = createDidWebDocument({
      did: record.did,
      keys: [{ publicJwk: key?.publicJwk, fragment: record.keyId }],
    })
    didPath = new URL(didWebDocumentUrl(record.did)).pathname
  }
  const didHandler = document === undefined ? undefined : createDidWebHandler(document)
  let status: StatusListPublisher | undefined
  const registry = flags.databaseUrl === undefined ? undefined : await openStatusRegistry(flags)
  const server = await context.progress('Starting the issuer…', () =>
    startLoopbackServer(
      logRefusals(context, async (request) => {
        const { pathname } = new URL(request.url)
        if (status !== undefined && pathname.startsWith('/status/')) return status.handler(request)
        if (didHandler !== undefined && pathname === didPath) return didHandler(request)
        return new Response('nothing is served at this path', { status: 404 })
      }),
      { host: flags.host, port },
    ),
  )
  const base = (flags.publicUrl ?? server.origin).replace(/\/+$/, '')
  if (registry !== undefined) {
    status = createStatusListPublisher({ registry, issuer: identity, baseUrl: `${base}/status` })
  }
  const urls = {
    origin: server.origin,
    ...(didPath === undefined ? {} : { didDocument: `${server.origin}${didPath}` }),
    ...(status === undefined ? {} : { statusLists: `${base}/status` }),
  }
  if (context.json) context.emit({ event: 'listening', did: record.did, ...urls })
  else {
    context.line(`${context.color.green('●')} issuer ${context.color.bold(record.did)} on ${server.origin}`)
    if (urls.didDocument !== undefined) context.line(`  did.json      ${urls.didDocument}`)
    else context.line(context.color.dim(`  (no did.json: did:${record.method} needs none)`))
    if (urls.statusLists !== undefined)
      context.line(
        `  status lists  ${urls.statusLists}/<list id>   (issue with --status-url ${urls.statusLists})`,
      )
    else context.line(context.color.dim('  (no status lists: add --database-url)'))
    context.line(context.color.dim('  Ctrl-C stops'))
  }
  await untilStopped().done
  await server.close()
  await registry?.close()
}
