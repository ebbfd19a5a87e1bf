import type { Command } from 'commander'
import { usageError } from '../failure.js'

/** Where a server listens. */
export interface ListenFlags {
  host: string
  port: string
}

/** Adds `--host` (loopback by default) and `--port` to a command. */
export function listenOptions(command: Command): Command {
  return command
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port (0: any free port)', '0')
}

/** The port of the flags, checked. */
export function portOf(flags: ListenFlags): number {
  const port = Number(flags.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageError('--port: expected 0 to 65535')
  return port
}
