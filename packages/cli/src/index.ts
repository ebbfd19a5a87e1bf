/**
 * The `civitas` command line as a function: {@link runCli} parses arguments, runs the command and
 * returns its exit code, so the CLI can be embedded or tested in-process. The demo it runs is at
 * `@civitas/cli/demo`.
 *
 * @example
 * ```ts
 * import { runCli } from '@civitas/cli'
 *
 * const { exitCode } = await runCli({ argv: ['--help'] })
 * ```
 *
 * @module
 */
export { type RunCliOptions, type RunCliResult, runCli } from './runCli.js'
