import { CivitasError, type JsonObject, systemClock } from '@civitas/core'
import { type CredentialFormat, issueCredential } from '@civitas/credentials'
import { healthAccess, membership, quarantinePass, residency } from '@civitas/credentials/templates'
import { createStatusListPublisher } from '@civitas/status-list'
import { Command, Option } from 'commander'
import { readClaims } from '../claims.js'
import type { CliContext } from '../context.js'
import { usageError } from '../failure.js'
import { findIdentity, identityOf } from '../identities.js'
import { withKeyStore } from '../keyStore.js'
import { collect, globalsOf, withExamples } from '../program.js'
import { openStatusRegistry, type RegistryFlags, registryOptions } from '../statusRegistry.js'
import { schemaFaults, templateClaimLines } from '../templateClaims.js'

const TEMPLATES = {
  residency,
  'health-access': healthAccess,
  'quarantine-pass': quarantinePass,
  membership,
} as const

interface IssueFlags extends RegistryFlags {
  template: keyof typeof TEMPLATES
  subject: string
  issuerKey?: string
  claim: string[]
  claims?: string
  format: CredentialFormat
  validDays: string
  statusUrl?: string
  suspendable?: boolean
}

/** `civitas issue`: sign a credential from a template. */
export function issueCommand(context: CliContext): Command {
  const command = new Command('issue')
    .description('issue a credential from a template; prints the token')
    .addOption(
      new Option('--template <name>', 'the credential template')
        .choices(Object.keys(TEMPLATES))
        .makeOptionMandatory(),
    )
    .requiredOption('--subject <did>', "the holder's DID")
    .option('--issuer-key <kid>', "the issuer's DID URL, DID or key id (default: the store's only identity)")
    .option(
      '--claim <name=value>',
      'a claim (repeatable); name:=json for numbers, arrays, objects',
      collect,
      [],
    )
    .option('--claims <file>', 'claims from a JSON file (flags override it)')
    .addOption(
      new Option('--format <format>', 'the encoding')
        .choices(['vc+jwt', 'jwt_vc_json', 'dc+sd-jwt'])
        .default('vc+jwt'),
    )
    .option('--valid-days <days>', 'how long the credential is valid', '365')
    .option('--suspendable', 'with --database-url: a suspension entry too, besides the revocation one')
    .option(
      '--status-url <url>',
      'with --database-url: where the status lists are published (`civitas serve issuer` prints it)',
    )
  registryOptions(command, context.env)
  command.addHelpText('after', templatesHelp())
  return withExamples(command, [
    "civitas issue --template membership --subject did:key:z6Mk… --claim community='Supilinn Society' --claim role=member --claim memberSince=2024-03-01",
    'civitas issue --template residency --subject did:key:zDn… --claims mari.json --format dc+sd-jwt',
    'civitas issue --template residency --subject did:key:zDn… --claims mari.json --database-url postgres://127.0.0.1/city --status-url https://city.example/status',
  ]).action(async (flags: IssueFlags, self: Command) => {
    const { store } = globalsOf(context, self)
    const template = TEMPLATES[flags.template]
    const days = Number(flags.validDays)
    if (!Number.isFinite(days) || days <= 0) throw usageError('--valid-days: expected a positive number')
    const input = { ...(await readClaims(flags.claims, flags.claim)), subject: flags.subject }
    // Checked in the template's W3C form, whatever the format: the claims are the same.
    checkClaims(flags.template, template.build(input as never))
    let credential: JsonObject
    let disclosable: string[] | undefined
    if (flags.format === 'dc+sd-jwt') {
      if (!('buildSdJwt' in template))
        throw usageError(`the ${flags.template} template has no SD-JWT VC form`)
      const built = template.buildSdJwt(input as never, { clock: systemClock })
      credential = built.credential
      disclosable = built.disclosable as string[]
    } else {
      credential = template.build(input as never)
    }
    const record = await findIdentity(store, flags.issuerKey, '--issuer-key')
    if ((flags.databaseUrl === undefined) !== (flags.statusUrl === undefined)) {
      throw usageError(
        '--database-url and --status-url go together: lists are allocated in one and published at the other',
      )
    }
    const issued = await withKeyStore(context, store, async (keyStore) => {
      const issuer = await identityOf(keyStore, record)
      const options = {
        issuer,
        credential,
        format: flags.format,
        validFor: days * 24 * 3600_000,
        ...(disclosable === undefined ? {} : { disclosable }),
      }
      if (flags.databaseUrl === undefined) return issueCredential(options)
      const registry = await openStatusRegistry(flags)
      try {
        const status = createStatusListPublisher({
          registry,
          issuer,
          baseUrl: flags.statusUrl as string,
          purposes: flags.suspendable === true ? ['revocation', 'suspension'] : ['revocation'],
        })
        return await context.progress('Allocating a status entry…', () =>
          issueCredential({ ...options, status }),
        )
      } finally {
        await registry.close()
      }
    })
    if (context.json) return context.emit(issued)
    context.line(issued.token)
  })
}

/** `issue --help`: each template's claims, required or optional, with their types. */
function templatesHelp(): string {
  const sections = Object.entries(TEMPLATES).map(([name, template]) =>
    [`  ${name} (${template.type}, ${template.schemaId}):`, ...templateClaimLines(template.schema)].join(
      '\n',
    ),
  )
  return `\nTemplates and their claims (--claim name=value; dotted names nest; --subject is the holder's DID):\n${sections.join('\n')}\n`
}

/**
 * Checks the claims against the template's schema before anything is signed, naming every fault
 * with its JSON path and the flag that sets it.
 *
 * @throws `ERR_SCHEMA_INVALID` with every fault in `details.faults`.
 */
function checkClaims(name: keyof typeof TEMPLATES, credential: JsonObject): void {
  const template = TEMPLATES[name]
  const faults = schemaFaults(template.schema, credential).map((fault) =>
    fault
      .replace(/^\/credentialSubject\/id:/, '--subject (/credentialSubject/id):')
      .replace(
        /^\/credentialSubject\/([^:]+):/,
        (_all, path: string) => `--claim ${path.replaceAll('/', '.')} (/credentialSubject/${path}):`,
      ),
  )
  if (faults.length === 0) return
  throw new CivitasError(
    'ERR_SCHEMA_INVALID',
    `the claims do not match the ${name} template (schema ${template.schemaId}): ${faults.length} ${faults.length === 1 ? 'fault' : 'faults'}`,
    { details: { faults } },
  )
}
