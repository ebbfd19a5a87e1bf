import { CivitasError, isCivitasError } from '@civitas/core'
import type { StatusPurpose, StatusRegistry } from '@civitas/status-list'
import { Command } from 'commander'
import type { CliContext } from '../context.js'
import { usageError } from '../failure.js'
import { globalsOf, withExamples } from '../program.js'
import { openStatusRegistry, type RegistryFlags, registryOptions } from '../statusRegistry.js'

// What each change sets, as the status list publisher does it.
const CHANGES: Record<string, { purpose: StatusPurpose; value: number; done: string }> = {
  revoke: { purpose: 'revocation', value: 1, done: 'revoked' },
  suspend: { purpose: 'suspension', value: 1, done: 'suspended' },
  reinstate: { purpose: 'suspension', value: 0, done: 'reinstated' },
}

interface StatusFlags extends RegistryFlags {
  credentialId: string
  actor: string
  reason?: string
}

/** `civitas status revoke|suspend|reinstate`. */
export function statusCommand(context: CliContext): Command {
  const status = withExamples(
    new Command('status').description("change a credential's status in the PostgreSQL status registry"),
    [
      'civitas status revoke --credential-id urn:uuid:… --database-url postgres://127.0.0.1/city --reason "moved away"',
    ],
  )
  for (const [name, change] of Object.entries(CHANGES)) {
    const command = status
      .command(name)
      .description(
        `${name} a credential (${change.purpose} list, value ${change.value}); recorded in the audit trail`,
      )
      .requiredOption(
        '--credential-id <id>',
        "the credential's id (what `civitas issue --json` prints as id)",
      )
      .option('--actor <who>', 'who makes the change (audit trail)', 'civitas-cli')
      .option('--reason <why>', 'why (audit trail)')
    registryOptions(command, context.env)
    withExamples(command, [
      `civitas status ${name} --credential-id urn:uuid:0d6c… --database-url postgres://issuer@127.0.0.1:5432/city --actor clerk@city.example`,
    ]).action(async (flags: StatusFlags, self: Command) => {
      globalsOf(context, self)
      if (flags.databaseUrl === undefined)
        throw usageError('--database-url (or CIVITAS_DATABASE_URL) is required')
      const registry = await openStatusRegistry(flags)
      try {
        if (name === 'reinstate') await refuseRevoked(registry, flags.credentialId)
        const entry = await context.progress('Updating the status registry…', () =>
          registry.setStatus(
            { credentialId: flags.credentialId, purpose: change.purpose },
            {
              value: change.value,
              actor: flags.actor,
              ...(flags.reason === undefined ? {} : { reason: flags.reason }),
            },
          ),
        )
        if (context.json) return context.emit(entry)
        const unchanged =
          entry.previous === entry.value
            ? ` (it was not ${change.done.replace('reinstated', 'suspended')})`
            : ''
        context.line(
          `${context.color.green('✓')} ${change.done} ${flags.credentialId}: list ${entry.listId} entry ${entry.index} ${entry.previous} → ${entry.value}${unchanged}`,
        )
      } finally {
        await registry.close()
      }
    })
  }
  return status
}

/**
 * Reinstating lifts a suspension; a revoked credential stays revoked, so saying "reinstated" of one
 * would mislead.
 *
 * @throws `ERR_CREDENTIAL_REVOKED` when the credential's revocation entry is set.
 */
async function refuseRevoked(registry: StatusRegistry, credentialId: string): Promise<void> {
  const revoked = await registry.getStatus({ credentialId, purpose: 'revocation' }).then(
    (value) => value !== 0,
    (error: unknown) => {
      if (isCivitasError(error) && error.code === 'ERR_STATUS_ENTRY_NOT_FOUND') return false
      throw error
    },
  )
  if (revoked) {
    throw new CivitasError(
      'ERR_CREDENTIAL_REVOKED',
      `${credentialId} is revoked, and revocation is final: reinstate lifts a suspension only`,
      { details: { credentialId } },
    )
  }
}
