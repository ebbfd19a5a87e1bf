import { readFile } from 'node:fs/promises'
import { decodeQr } from '@civitas/qr'
import { scanQr } from '@civitas/qr/scan'
import type { CliContext } from './context.js'
import { usageError } from './failure.js'

/**
 * The token a command works on: the argument (a token or `CV1:` QR text, rebuilt exactly), `-` for
 * standard input, or the QR code in `--image`.
 */
export async function readToken(
  context: CliContext,
  argument: string | undefined,
  image: string | undefined,
): Promise<string> {
  if ((argument === undefined) === (image === undefined)) {
    throw usageError('give a token (or QR text, or - for standard input), or --image file.png — one of them')
  }
  let text: string
  if (image !== undefined) {
    const bytes = await readFile(image)
    text = await context.progress('Reading the QR code…', () => scanQr(bytes))
  } else if (argument === '-') {
    const chunks: Buffer[] = []
    for await (const chunk of context.stdin) chunks.push(Buffer.from(chunk as Uint8Array))
    text = Buffer.concat(chunks).toString('utf8')
  } else {
    text = argument as string
  }
  return decodeQr(text.trim())
}
