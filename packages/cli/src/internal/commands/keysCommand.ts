import { CivitasError, type SignatureAlgorithm } from '@civitas/core'
import { jwkThumbprint } from '@civitas/crypto'
import { Command, Option } from 'commander'
import type { CliContext } from '../context.js'
import { loadIdentities } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { globalsOf, withExamples } from '../program.js'

const ALGORITHMS = ['EdDSA', 'ES256', 'ES256K'] as const

/** The `--alg` option every key-making command has. */
export function algOption(): Option {
  return new Option('--alg <alg>', 'signature algorithm of a new key').choices(ALGORITHMS).default('EdDSA')
}

/** `civitas keys create|list|export`. */
export function keysCommand(context: CliContext): Command {
  const keys = withExamples(new Command('keys').description('manage the keys in the encrypted key store'), [
    'CIVITAS_PASSPHRASE=… civitas keys create --alg ES256',
    'civitas keys list --json',
  ])

  withExamples(
    keys
      .command('create')
      .description('create a key (the store file is created, encrypted, on first use)')
      .addOption(algOption())
      .option('--id <id>', 'the key id (default: its JWK thumbprint)'),
    ['civitas keys create', 'civitas keys create --alg ES256K --id city-seal --store ./city/keys'],
  ).action(async (options: { alg: SignatureAlgorithm; id?: string }, command: Command) => {
    const { store } = globalsOf(context, command)
    const key = await withKeyStore(context, store, (keyStore) =>
      keyStore.createKey({ alg: options.alg, ...(options.id === undefined ? {} : { id: options.id }) }),
    )
    if (context.json) return context.emit({ id: key.id, alg: key.alg, publicJwk: key.publicJwk })
    context.line(`${context.color.green('✓')} created ${key.alg} key ${context.color.bold(key.id)}`)
    context.line(context.color.dim(`  next: civitas did create key --key ${key.id}`))
  })

  withExamples(keys.command('list').description('list the keys and the DIDs made from them'), [
    'civitas keys list',
    'civitas keys list --json | jq -r ".[].id"',
  ]).action(async (_options: unknown, command: Command) => {
    const { store } = globalsOf(context, command)
    const list = await withKeyStore(context, store, (keyStore) => keyStore.listKeys())
    const identities = await loadIdentities(store)
    const rows = list.map((key) => ({
      id: key.id,
      alg: key.alg,
      publicJwk: key.publicJwk,
      dids: identities.filter((identity) => identity.keyId === key.id).map((identity) => identity.did),
    }))
    if (context.json) return context.emit(rows)
    if (rows.length === 0) return context.line('no keys yet: civitas keys create')
    for (const row of rows) {
      context.line(`${context.color.bold(row.id)}  ${row.alg.padEnd(6)}  ${row.dids.join(', ') || '-'}`)
    }
  })

  withExamples(
    keys
      .command('export')
      .description('print the public JWK of a key (private keys never leave the store here)')
      .argument('<id>', 'the key id'),
    ['civitas keys export city-seal > city-seal.jwk.json'],
  ).action(async (id: string, _options: unknown, command: Command) => {
    const { store } = globalsOf(context, command)
    const key = await withKeyStore(context, store, (keyStore) => keyStore.getKey(id))
    if (key === undefined) throw new CivitasError('ERR_KEY_NOT_FOUND', `no key ${id} in the store`)
    if (context.json) {
      return context.emit({
        id: key.id,
        alg: key.alg,
        publicJwk: key.publicJwk,
        thumbprint: await jwkThumbprint(key.publicJwk),
      })
    }
    context.line(JSON.stringify(key.publicJwk, null, 2))
  })
  return keys
}
