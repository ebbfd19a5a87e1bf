import { runDemo } from '@civitas/cli/demo'

await runDemo((line) => process.stdout.write(`${line}\n`))
