import { Command } from 'commander'
import { runDemo } from '../../demo/runDemo.js'
import type { CliContext } from '../context.js'
import { globalsOf, withExamples } from '../program.js'

/** `civitas demo`: the end-to-end demo, in memory and on loopback. */
export function demoCommand(context: CliContext): Command {
  return withExamples(
    new Command('demo').description(
      'run the end-to-end demo: identities, a residency card issued, presented, checked, refused when wrong, revoked',
    ),
    ['civitas demo', 'civitas demo --json | jq -r .line'],
  ).action(async (_options: unknown, command: Command) => {
    globalsOf(context, command)
    await runDemo((line) => (context.json ? context.emit({ line }) : context.line(line)))
  })
}
