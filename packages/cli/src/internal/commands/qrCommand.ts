import { readFile, writeFile } from 'node:fs/promises'
import { encodeQr } from '@civitas/qr'
import { renderQr } from '@civitas/qr/render'
import { scanQr } from '@civitas/qr/scan'
import { Command } from 'commander'
import type { CliContext } from '../context.js'
import { globalsOf, withExamples } from '../program.js'
import { readTextArgument } from '../readInput.js'

/** QR text for a token: `CV1:` for tokens; text that is already QR text (CV1:, openid4vp://, a URL) as it is. */
function qrTextOf(input: string): string {
  return /^(CV\d+:|openid4vp:|https?:)/i.test(input) ? input : encodeQr(input)
}

/** `civitas qr show|png|scan`. */
export function qrCommand(context: CliContext): Command {
  const qr = withExamples(new Command('qr').description('show, render and scan QR codes of tokens'), [
    'civitas qr show "$(cat card.jwt)"',
    'civitas qr png "$(cat card.jwt)" --out card.png && civitas qr scan card.png',
  ])

  withExamples(
    qr
      .command('show')
      .description('print a QR code in the terminal (tokens are compacted to CV1: text first)')
      .argument('<text>', 'a token, or QR text as it is, or a file holding one')
      .option('--invert', 'dark modules as blocks, for light terminal backgrounds'),
    ['civitas qr show eyJhbGciOi…', 'civitas qr show "openid4vp://?client_id=…" --invert'],
  ).action(async (text: string, flags: { invert?: boolean }, command: Command) => {
    globalsOf(context, command)
    const payload = qrTextOf(await readTextArgument(context, text))
    const art = renderQr(payload, { format: 'terminal', invert: flags.invert === true })
    if (context.json) return context.emit({ text: payload, terminal: art })
    context.stdout.write(art.endsWith('\n') ? art : `${art}\n`)
  })

  withExamples(
    qr
      .command('png')
      .description('render a QR code as a PNG image')
      .argument('<text>', 'a token, or QR text as it is, or a file holding one')
      .requiredOption('--out <file>', 'the PNG file to write')
      .option('--scale <pixels>', 'pixels per module', '8'),
    ['civitas qr png eyJhbGciOi… --out pass.png'],
  ).action(async (text: string, flags: { out: string; scale: string }, command: Command) => {
    globalsOf(context, command)
    const payload = qrTextOf(await readTextArgument(context, text))
    const png = renderQr(payload, { format: 'png', scale: Number(flags.scale) })
    await writeFile(flags.out, png)
    if (context.json) return context.emit({ out: flags.out, bytes: png.length, text: payload })
    context.line(
      `${context.color.green('✓')} wrote ${flags.out} (${png.length} bytes, ${payload.length} characters of QR text)`,
    )
  })

  withExamples(
    qr
      .command('scan')
      .description('read the QR code in an image and print its text')
      .argument('<file>', 'a PNG or JPEG image'),
    ['civitas qr scan pass.png', 'civitas verify "$(civitas qr scan pass.png)" --trust-any'],
  ).action(async (file: string, _flags: unknown, command: Command) => {
    globalsOf(context, command)
    const bytes = await readFile(file)
    const text = await context.progress('Reading the QR code…', () => scanQr(bytes))
    if (context.json) return context.emit({ text })
    context.line(text)
  })
  return qr
}
