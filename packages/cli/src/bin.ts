#!/usr/bin/env node
import { runCli } from './runCli.js'

// A reader that stops early (`civitas --help | head`) closes the pipe: that ends the output, not in a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

const { exitCode } = await runCli({ argv: process.argv.slice(2) })
process.exitCode = exitCode
