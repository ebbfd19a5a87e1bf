import type { Readable, Writable } from 'node:stream'
import { createSpinner } from 'nanospinner'
import pc from 'picocolors'

/** Colour functions, or plain ones when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>

/** What every command gets: where to write, how, and the environment. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdin: Readable & { isTTY?: boolean }
  readonly stdout: Writable & { isTTY?: boolean }
  readonly stderr: Writable & { isTTY?: boolean }
  /** Colours for stdout. */
  color: Colors
  /** Whether `--json` was given. */
  json: boolean
  /** Writes one line to stdout. */
  line(text?: string): void
  /** Writes a JSON document (one line) to stdout. */
  emit(value: unknown): void
  /** Runs `task` with a spinner on stderr (when stderr is a terminal and output is not JSON). */
  progress<T>(text: string, task: () => Promise<T>): Promise<T>
}

/** Options of {@link createContext}. */
export interface CreateContextOptions {
  env: Readonly<Record<string, string | undefined>>
  stdin: Readable & { isTTY?: boolean }
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable & { isTTY?: boolean }
}

/** Colour when the stream is a terminal, `NO_COLOR` is unset and `FORCE_COLOR` does not say otherwise. */
export function colorsFor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  wanted = true,
): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
  const enabled =
    wanted && (env.NO_COLOR === undefined || env.NO_COLOR === '') && (forced || stream.isTTY === true)
  return pc.createColors(enabled)
}

/** The context of one run of the command. */
export function createContext(options: CreateContextOptions): CliContext {
  const { env, stdin, stdout, stderr } = options
  const context: CliContext = {
    env,
    stdin,
    stdout,
    stderr,
    color: colorsFor(stdout, env),
    json: false,
    line: (text = '') => {
      stdout.write(`${text}\n`)
    },
    emit: (value) => {
      stdout.write(`${JSON.stringify(value)}\n`)
    },
    async progress(text, task) {
      // A terminal of unknown width (some pseudo-terminals) cannot redraw a spinner line.
      const width = (stderr as { columns?: number }).columns ?? 0
      if (context.json || stderr.isTTY !== true || width <= 0) return task()
      const spinner = createSpinner(text, { stream: stderr as NodeJS.WriteStream }).start()
      // stop() without options erases the line, ends the timer and drops the spinner's signal handlers.
      try {
        return await task()
      } finally {
        spinner.stop()
      }
    },
  }
  return context
}
