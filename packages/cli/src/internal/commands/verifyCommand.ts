import { CivitasError } from '@civitas/core'
import {
  createVerifier,
  explainCode,
  formatReport,
  type HolderBindingPolicy,
  type Report,
} from '@civitas/verifier'
import { Command } from 'commander'
import type { CliContext } from '../context.js'
import { EXIT, usageError } from '../failure.js'
import { FLAG_NAMES, flagNamesOf } from '../flagNames.js'
import { collect, globalsOf, withExamples } from '../program.js'
import { readToken } from '../readInput.js'
import { cliResolver, type EthrFlags, ethrOptions } from '../resolver.js'
import { statusFetch } from '../statusFetch.js'
import { trustPolicy } from '../trustPolicy.js'

interface VerifyFlags extends EthrFlags {
  image?: string
  trust: string[]
  trustAny?: boolean
  audience?: string
  nonce?: string
  type?: string[]
  require?: string[]
  holderBinding?: string
  allowBearer?: boolean
  allowHttpStatus?: boolean
}

/** `civitas verify`: check a credential or presentation and print the verifier's report. */
export function verifyCommand(context: CliContext, setExitCode: (code: number) => void): Command {
  return withExamples(
    ethrOptions(
      new Command('verify')
        .description(
          'check a credential or presentation (token or QR text) and print every check; exit 0 accepted, 1 rejected, 2 usage error',
        )
        .argument('[token]', 'the token or its CV1: QR text, or - for standard input')
        .option('--image <file>', 'read the token from a QR code image (PNG or JPEG)')
        .option('--trust <type=did>', 'trust this issuer for this credential type (repeatable)', collect, [])
        .option('--trust-any', 'trust every issuer (checks signatures, not who signed)')
        .option('--audience <url>', 'the audience a presentation must be for')
        .option('--nonce <nonce>', 'the nonce a presentation must answer')
        .option('--type <type>', 'accept only this credential type (repeatable)', collect)
        .option('--require <claim>', 'a claim that must be present, as a dotted path (repeatable)', collect)
        .option(
          '--holder-binding <policy>',
          'required: accept only a presentation proving the holder has the key; optional: also a credential on its own (default: required with --audience or --nonce)',
        )
        .option(
          '--allow-bearer',
          'in a presentation, accept credentials whose subject is not the presenter (never a credential without a presentation)',
        )
        .option(
          '--allow-http-status',
          'fetch status lists over plain http and from loopback hosts (local servers only)',
        ),
    ),
    [
      'civitas verify eyJhbGciOi… --trust ResidencyCard=did:web:tartu.ee',
      'civitas verify --image pass.png --trust QuarantinePass=did:web:health.example --audience https://gate.example --nonce 42',
      'civitas verify "$(cat card.jwt)" --trust-any --json | jq .ok',
      'civitas verify "$(cat printed-card.jwt)" --trust ResidencyCard=did:web:tartu.ee --audience https://hotel.example --holder-binding optional',
    ],
  ).action(async (token: string | undefined, flags: VerifyFlags, command: Command) => {
    globalsOf(context, command)
    const trust = trustPolicy(flags)
    const binding = holderBindingOf(flags)
    const input = await readToken(context, token, flags.image)
    const verifier = createVerifier({
      resolver: cliResolver(flags),
      trust,
      ...statusFetch(flags),
    })
    const checked = await context.progress('Verifying…', () =>
      verifier.check(input, {
        ...(flags.audience === undefined ? {} : { audience: flags.audience }),
        ...(flags.nonce === undefined ? {} : { nonce: flags.nonce }),
        ...(flags.type === undefined ? {} : { types: flags.type }),
        ...(flags.require === undefined ? {} : { requiredClaims: flags.require }),
        ...binding,
        ...(flags.allowBearer === true ? { allowBearer: true } : {}),
      }),
    )
    const report = withAudienceFlags(checked)
    setExitCode(report.ok ? EXIT.ok : EXIT.failed)
    if (context.json) return context.emit(reportJson(report))
    const [verdict = '', ...rest] = formatReport(report, { optionNames: FLAG_NAMES }).split('\n')
    context.line(report.ok ? context.color.green(verdict) : context.color.red(verdict))
    for (const line of rest) context.line(line)
  })
}

/** The `--holder-binding` policy, read before any work so that a typo is a usage error. */
function holderBindingOf(flags: VerifyFlags): { holderBinding?: HolderBindingPolicy } {
  const policy = flags.holderBinding
  if (policy === undefined) return {}
  if (policy !== 'required' && policy !== 'optional') {
    throw usageError(`--holder-binding ${policy.slice(0, 40)}: expected required or optional`)
  }
  return { holderBinding: policy }
}

/**
 * A presentation addressed to a verifier and checked without `--audience` fails with
 * `ERR_AUDIENCE_REQUIRED`; at a terminal its reason names the flags to check it with.
 */
function withAudienceFlags(report: Report): Report {
  if (report.error?.code !== 'ERR_AUDIENCE_REQUIRED') return report
  const audience = report.error.details.audience
  const addressed = Array.isArray(audience) ? audience.join(', ') : ''
  const error = new CivitasError(
    'ERR_AUDIENCE_REQUIRED',
    `the presentation is addressed to ${addressed || 'a verifier'}: check it with --audience (that verifier) and --nonce (its request's nonce)`,
    { details: { audience: audience ?? [] }, cause: report.error },
  )
  return { ...report, error }
}

/** A report as JSON: the error as its code, message, details and what to do, as the text shows them. */
export function reportJson(report: Report): unknown {
  const { error, credentials, ...rest } = report
  const rename = flagNamesOf()
  return {
    ...rest,
    ...(error === undefined
      ? {}
      : {
          error: {
            code: error.code,
            message: rename(error.message),
            details: error.details,
            hint: rename(explainCode(error.code)),
          },
        }),
    ...(credentials === undefined ? {} : { credentials: credentials.map(reportJson) }),
  }
}
