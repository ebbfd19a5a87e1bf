#!/usr/bin/env node
import { runCli } from './runCli.js'

const { exitCode } = await runCli({ argv: process.argv.slice(2) })
process.exitCode = exitCode
