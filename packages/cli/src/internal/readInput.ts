import { readFile, stat } from 'node:fs/promises'
import { decodeQr } from '@civitas/qr'
import { scanQr } from '@civitas/qr/scan'
import type { CliContext } from './context.js'
import { usageError } from './failure.js'

// What a token or QR text starts with; anything else may be the path of a file holding one.
const INLINE = /^(eyJ|CV\d+:|openid4vp:|https?:)/i
const PNG = [0x89, 0x50, 0x4e, 0x47]
const JPEG = [0xff, 0xd8, 0xff]

/**
 * The text an argument stands for: the argument itself, or, when it names a file, what the file
 * holds (a QR code image is scanned). Tokens and QR texts are never taken for paths.
 */
export async function readTextArgument(context: CliContext, argument: string): Promise<string> {
  if (INLINE.test(argument.trim())) return argument
  const isFile = await stat(argument).then(
    (found) => found.isFile(),
    () => false,
  )
  if (!isFile) return argument
  const bytes = await readFile(argument)
  const starts = (magic: number[]) => magic.every((byte, index) => bytes[index] === byte)
  if (starts(PNG) || starts(JPEG)) return context.progress('Reading the QR code…', () => scanQr(bytes))
  return bytes.toString('utf8').trim()
}

/**
 * The token a command works on: the argument (a token or `CV1:` QR text, rebuilt exactly, or a file
 * holding either, or a QR code image), `-` for standard input, or the QR code in `--image`.
 */
export async function readToken(
  context: CliContext,
  argument: string | undefined,
  image: string | undefined,
): Promise<string> {
  if ((argument === undefined) === (image === undefined)) {
    throw usageError(
      'give a token (or QR text, a file holding one, or - for standard input), or --image file.png — one of them',
    )
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
    text = await readTextArgument(context, argument as string)
  }
  return decodeQr(text.trim())
}
