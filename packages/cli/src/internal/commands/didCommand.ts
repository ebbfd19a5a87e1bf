import { writeFile } from 'node:fs/promises'
import { CivitasError, type SignatureAlgorithm } from '@civitas/core'
import type { KeyStore } from '@civitas/crypto'
import { createDidEthr, didEthrFromPublicJwk } from '@civitas/did/ethr'
import { createDidJwk } from '@civitas/did/jwk'
import { createDidKey } from '@civitas/did/key'
import { createDidWebDocument } from '@civitas/did/web'
import { Command } from 'commander'
import type { CliContext } from '../context.js'
import { usageError } from '../failure.js'
import { type IdentityRecord, loadIdentities, saveIdentity } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { globalsOf, withExamples } from '../program.js'
import { algOption } from './keysCommand.js'

interface EthrFlags {
  chainId: string
  network?: string
  rpcUrl?: string
  registry?: string
  key?: string
}

interface CreateFlags {
  alg: SignatureAlgorithm
  key?: string
}

/** `civitas did create key|jwk|web|ethr` and `civitas did list`. */
export function didCommand(context: CliContext): Command {
  const did = withExamples(new Command('did').description('create DIDs over the keys of the store'), [
    'civitas did create key --alg ES256',
    'civitas did create web --domain city.example --out did.json',
    'civitas did list',
  ])
  const create = withExamples(
    did.command('create').description('create a DID (did:key, did:jwk, did:web, did:ethr)'),
    ['civitas did create key', 'civitas did create jwk --key city-seal'],
  )

  /** Makes the identity with the store open, records it, prints it. */
  const run = async (
    command: Command,
    make: (keyStore: KeyStore) => Promise<{ record: IdentityRecord; document?: unknown }>,
    after?: (document: unknown) => Promise<void>,
  ) => {
    const { store } = globalsOf(context, command)
    const { record, document } = await withKeyStore(context, store, make)
    await saveIdentity(store, record)
    if (after !== undefined) await after(document)
    if (context.json) return context.emit({ ...record, ...(document === undefined ? {} : { document }) })
    context.line(`${context.color.green('✓')} ${context.color.bold(record.did)}`)
    context.line(`  kid  ${record.kid}`)
    context.line(`  key  ${record.keyId}`)
  }

  for (const method of ['key', 'jwk'] as const) {
    withExamples(
      create
        .command(method)
        .description(`a did:${method} (self-contained: resolvable offline)`)
        .addOption(algOption())
        .option('--key <id>', 'use this existing key instead of creating one'),
      [`civitas did create ${method} --alg ES256`, `civitas did create ${method} --key city-seal`],
    ).action(async (flags: CreateFlags, command: Command) => {
      await run(command, async (keyStore) => {
        const create = method === 'key' ? createDidKey : createDidJwk
        const keyId = flags.key ?? (await keyStore.createKey({ alg: flags.alg })).id
        const identity = await create({ keyStore, keyId })
        return { record: { did: identity.did, kid: identity.kid, keyId, method } }
      })
    })
  }

  withExamples(
    create
      .command('web')
      .description("a did:web for an institution's domain: prints (or writes) the did.json to publish")
      .requiredOption('--domain <host>', 'the domain, with a port as host%3Aport')
      .option('--path <segments>', 'a path under the domain, as a/b (did:web:host:a:b)')
      .addOption(algOption())
      .option('--key <id>', 'use this existing key instead of creating one')
      .option('--out <file>', 'write the DID document to this file'),
    [
      'civitas did create web --domain city.example --out .well-known/did.json',
      'civitas did create web --domain city.example --path offices:tartu --alg ES256',
    ],
  ).action(async (flags: CreateFlags & { domain: string; path?: string; out?: string }, command: Command) => {
    const id = `did:web:${flags.domain}${flags.path === undefined ? '' : `:${flags.path.split('/').join(':')}`}`
    await run(
      command,
      async (keyStore) => {
        const key =
          flags.key === undefined
            ? await keyStore.createKey({ alg: flags.alg })
            : await keyStore.getKey(flags.key)
        if (key === undefined) {
          throw new CivitasError('ERR_KEY_NOT_FOUND', `no key ${flags.key} in the store`)
        }
        // The key id is the method's fragment, so the key store and the document name the key alike.
        const document = createDidWebDocument({
          did: id,
          keys: [{ publicJwk: key.publicJwk, fragment: key.id }],
        })
        return { record: { did: id, kid: `${id}#${key.id}`, keyId: key.id, method: 'web' }, document }
      },
      async (document) => {
        const text = `${JSON.stringify(document, null, 2)}\n`
        if (flags.out !== undefined) await writeFile(flags.out, text)
        else if (!context.json) context.stdout.write(text)
      },
    )
  })

  withExamples(
    create
      .command('ethr')
      .description(
        'a did:ethr (ERC-1056); named offline from the key, no transaction: give --rpc-url and --registry to record where it resolves',
      )
      .requiredOption('--chain-id <id>', 'the chain id (1 mainnet, 11155111 sepolia)')
      .option('--network <name>', 'the network name used in the DID (default: the chain id in hex)')
      .option('--rpc-url <url>', 'the JSON-RPC endpoint the DID resolves through (with --registry)')
      .option('--registry <address>', 'the ERC-1056 registry contract address (with --rpc-url)')
      .option('--key <id>', 'use this existing ES256K key instead of creating one'),
    [
      'civitas did create ethr --chain-id 11155111 --network sepolia',
      'civitas did create ethr --chain-id 11155111 --network sepolia --rpc-url https://rpc.sepolia.example --registry 0x03d5003bf0e79c5f5223588f347eba39afbc3818',
    ],
  ).action(async (flags: EthrFlags, command: Command) => {
    if ((flags.rpcUrl === undefined) !== (flags.registry === undefined)) {
      throw usageError('--rpc-url and --registry go together (or leave both out to name the DID offline)')
    }
    const chainId = /^\d{1,20}$/.test(flags.chainId) ? BigInt(flags.chainId) : 0n
    const name = flags.network === undefined ? {} : { name: flags.network }
    await run(command, async (keyStore) => {
      if (flags.rpcUrl !== undefined && flags.registry !== undefined) {
        const network = { chainId, rpcUrl: flags.rpcUrl, registry: flags.registry, ...name }
        const identity = await createDidEthr({
          keyStore,
          network,
          ...(flags.key === undefined ? {} : { keyId: flags.key }),
        })
        const recorded = { ...network, chainId: flags.chainId }
        return {
          record: {
            did: identity.did,
            kid: identity.kid,
            keyId: identity.keyId,
            method: 'ethr',
            network: recorded,
          },
        }
      }
      const key =
        flags.key === undefined
          ? await keyStore.createKey({ alg: 'ES256K' })
          : await keyStore.getKey(flags.key)
      if (key === undefined) throw new CivitasError('ERR_KEY_NOT_FOUND', `no key ${flags.key} in the store`)
      const id = didEthrFromPublicJwk({ publicJwk: key.publicJwk, network: { chainId, ...name } })
      // The owner's key signs as #controller, as createDidEthr names it.
      return {
        record: {
          did: id,
          kid: `${id}#controller`,
          keyId: key.id,
          method: 'ethr',
          network: { chainId: flags.chainId, ...name },
        },
      }
    })
  })

  withExamples(did.command('list').description('list the DIDs made with this key store'), [
    'civitas did list --json',
  ]).action(async (_options: unknown, command: Command) => {
    const { store } = globalsOf(context, command)
    const identities = await loadIdentities(store)
    if (context.json) return context.emit(identities)
    if (identities.length === 0) return context.line('no DIDs yet: civitas did create key')
    for (const identity of identities)
      context.line(`${context.color.bold(identity.kid)}  (key ${identity.keyId})`)
  })
  return did
}
