import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { encodeQr } from '@civitas/qr'
import { createWallet, type Wallet } from '@civitas/wallet'
import { createFileCredentialStore } from '@civitas/wallet/file'
import { confirm, isCancel } from '@clack/prompts'
import { Command } from 'commander'
import type { CliContext } from '../context.js'
import { usageError } from '../failure.js'
import { findIdentity, identityOf } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { collect, globalsOf, withExamples } from '../program.js'
import { readTextArgument, readToken } from '../readInput.js'
import { cliResolver, type EthrFlags, ethrOptions } from '../resolver.js'

/** `civitas wallet receive|list|present`. */
export function walletCommand(context: CliContext): Command {
  const wallet = withExamples(
    new Command('wallet').description('hold credentials in a wallet file and present them'),
    [
      'civitas wallet receive eyJhbGciOi…',
      'civitas wallet present --type ResidencyCard --audience https://hotel.example --nonce n-42',
    ],
  )

  /** Opens the key store and the wallet of the holder, runs `use`. */
  const withWallet = async <T>(
    command: Command,
    holder: string | undefined,
    use: (wallet: Wallet) => Promise<T>,
  ) => {
    const { store, wallet: path } = globalsOf(context, command)
    const record = await findIdentity(store, holder, '--holder')
    const credentialStore = await openWalletFile(path)
    try {
      return await withKeyStore(context, store, async (keyStore) =>
        use(
          createWallet({
            identity: await identityOf(keyStore, record),
            credentialStore,
            resolver: cliResolver(command.opts() as EthrFlags),
          }),
        ),
      )
    } finally {
      await credentialStore.close()
    }
  }

  withExamples(
    wallet
      .command('receive')
      .description('verify a credential and keep it in the wallet')
      .argument('[token]', 'the credential, its CV1: QR text, or - for standard input')
      .option('--image <file>', 'read the credential from a QR code image')
      .option('--holder <did>', "the wallet's DID, DID URL or key id (default: the store's only identity)")
      .option('--allow-bearer', 'keep a credential issued to another subject'),
    [
      'civitas wallet receive "$(cat card.jwt)"',
      'civitas wallet receive --image card.png --holder did:key:zDn…',
    ],
  ).action(
    async (
      token: string | undefined,
      flags: { image?: string; holder?: string; allowBearer?: boolean },
      command: Command,
    ) => {
      const input = await readToken(context, token, flags.image)
      const record = await withWallet(command, flags.holder, (held) =>
        context.progress('Verifying the credential…', () =>
          held.receive(input, { allowBearer: flags.allowBearer === true }),
        ),
      )
      const { token: _token, ...summary } = record
      if (context.json) return context.emit(summary)
      context.line(
        `${context.color.green('✓')} stored ${context.color.bold(record.types.at(-1) ?? 'credential')} ${record.id}`,
      )
      context.line(`  issuer  ${record.issuer}`)
    },
  )

  withExamples(wallet.command('list').description('list the credentials in the wallet'), [
    'civitas wallet list',
    'civitas wallet list --json | jq -r ".[].id"',
  ]).action(async (_options: unknown, command: Command) => {
    const { wallet: path } = globalsOf(context, command)
    const credentialStore = await openWalletFile(path)
    const records = await credentialStore.list().finally(() => credentialStore.close())
    if (context.json) return context.emit(records.map(({ token: _token, ...summary }) => summary))
    if (records.length === 0) return context.line('the wallet is empty: civitas wallet receive <token>')
    for (const record of records) {
      const until =
        record.validUntil === undefined
          ? ''
          : `  until ${new Date(record.validUntil).toISOString().slice(0, 10)}`
      context.line(
        `${context.color.bold(record.types.at(-1) ?? 'credential')}  ${record.id}  from ${record.issuer}${until}`,
      )
    }
  })

  withExamples(
    wallet
      .command('present')
      .description(
        'present credentials to a verifier (audience and nonce), or answer a sign-in QR code (--request)',
      )
      .option('--audience <url>', 'the verifier the presentation is for')
      .option('--nonce <nonce>', "the verifier's nonce")
      .option('--type <type>', 'present the newest valid credential of this type')
      .option(
        '--credential <id>',
        'present this credential (repeatable; with --request: share these)',
        collect,
      )
      .option('--disclose <path>', 'SD-JWT VC: a claim to reveal (repeatable), or "all"', collect)
      .option('--qr', 'print the presentation as CV1: QR text')
      .option(
        '--request <qr>',
        'answer this openid4vp:// sign-in request (or a file or QR image holding it) instead',
      )
      .option('--yes', 'share without asking (sign-in requests)')
      .option('--allow-loopback-http', 'accept plain http to 127.0.0.1 (local development)')
      .option('--holder <did>', "the wallet's DID, DID URL or key id"),
    [
      'civitas wallet present --type ResidencyCard --audience https://hotel.example/check-in --nonce 5f2c… --qr',
      'civitas wallet present --request "openid4vp://?client_id=…&request_uri=…" --yes',
    ],
  ).action(async (flags: PresentFlags, command: Command) => {
    if (flags.request !== undefined) return respond(context, command, flags, withWallet)
    if (flags.audience === undefined || flags.nonce === undefined) {
      throw usageError(
        'present needs --audience and --nonce (from the verifier), or --request <openid4vp QR text>',
      )
    }
    const disclose = flags.disclose?.includes('all') ? 'all' : flags.disclose
    const presentation = await withWallet(command, flags.holder, (held) =>
      held.present({
        audience: flags.audience as string,
        nonce: flags.nonce as string,
        ...(flags.type === undefined ? {} : { type: flags.type }),
        ...(flags.credential === undefined ? {} : { credentials: flags.credential }),
        ...(disclose === undefined ? {} : { disclose }),
      }),
    )
    const output = flags.qr === true ? encodeQr(presentation.token) : presentation.token
    if (context.json) return context.emit({ ...presentation, ...(flags.qr === true ? { qr: output } : {}) })
    context.line(output)
  })
  // Receiving verifies the issuer, and answering a sign-in re-verifies: both may meet did:ethr issuers.
  for (const command of wallet.commands) if (command.name() !== 'list') ethrOptions(command)
  return wallet
}

interface PresentFlags {
  audience?: string
  nonce?: string
  type?: string
  credential?: string[]
  disclose?: string[]
  qr?: boolean
  request?: string
  yes?: boolean
  allowLoopbackHttp?: boolean
  holder?: string
}

async function respond(
  context: CliContext,
  command: Command,
  flags: PresentFlags,
  withWallet: <T>(
    command: Command,
    holder: string | undefined,
    use: (wallet: Wallet) => Promise<T>,
  ) => Promise<T>,
): Promise<void> {
  const interactive = context.stdin.isTTY === true && context.stderr.isTTY === true
  if (flags.yes !== true && !interactive) {
    throw usageError(
      'answering a sign-in shares credentials: confirm with --yes (or run in a terminal to be asked)',
    )
  }
  const request = await readTextArgument(context, flags.request as string)
  const result = await withWallet(command, flags.holder, (held) =>
    context.progress('Answering the sign-in request…', () =>
      held.respond(request, {
        allowLoopbackHttp: flags.allowLoopbackHttp === true,
        async approve(request) {
          // Each query is answered with the credentials named by --credential, else its newest match.
          const chosen = Object.fromEntries(
            Object.entries(request.matches).map(([query, matches]) => {
              const ids = matches.map((match) => match.record.id)
              const named = ids.filter((id) => flags.credential?.includes(id))
              return [query, flags.credential === undefined ? ids.slice(-1) : named]
            }),
          )
          if (flags.yes === true) return chosen
          const matched = Object.values(request.matches)
            .flat()
            .filter((match) => Object.values(chosen).flat().includes(match.record.id))
            .map((match) => match.types.at(-1))
          const answer = await confirm({
            message: `Share ${matched.join(', ') || 'nothing'} with ${request.clientDid ?? request.clientId}?`,
            input: context.stdin,
            output: context.stderr,
          })
          return !isCancel(answer) && answer === true ? chosen : false
        },
      }),
    ),
  )
  if (context.json) return context.emit(result)
  if (result.declined) return context.line('declined: nothing was shared')
  const shared = Object.entries(result.shared).map(([query, ids]) => `${query}: ${ids.join(', ')}`)
  context.line(`${context.color.green('✓')} signed in to ${result.clientId}`)
  context.line(`  shared  ${shared.join('; ')}`)
  if (result.redirectUri !== undefined) context.line(`  next    open ${result.redirectUri}`)
}

/** Opens the wallet file, creating its directory as the key store's is (the file itself comes with the first credential). */
async function openWalletFile(path: string) {
  await mkdir(dirname(resolve(path)), { recursive: true })
  return createFileCredentialStore({ path })
}
