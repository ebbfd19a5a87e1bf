import { runDemo } from './runDemo.js'

await runDemo((line) => process.stdout.write(`${line}\n`))
