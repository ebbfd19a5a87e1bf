import { CivitasError, decodeBase64url, encodeBase64url } from '@civitas/core'
import { ByteReader, ByteWriter } from './bytes.js'

// The structure a token is packed into before compression (version 1). A token is a sequence of items:
//   0x00 end of token
//   0x01 JSON    a base64url segment decoding to JSON text: the text's bytes, then 0x00. Inside them
//                0x01 starts a nested token (a JWS or SD-JWT embedded in the JSON, e.g. a credential
//                in a presentation), packed the same way; bytes 0x02-0x08 never occur in JSON text.
//   0x02 RAW     a base64url segment of other bytes (a signature): a varint length; the bytes themselves
//                go to a separate raw section, which is not compressed (random bytes do not compress)
//   0x03 TEXT    a segment kept verbatim (not canonical base64url): a varint length, then ASCII
//   0x04 '.'     0x05 '~'
// Canonical base64url has one encoding per byte string, so re-encoding the bytes rebuilds the exact text.
const END = 0x00
const JSON_SEGMENT = 0x01
const RAW_SEGMENT = 0x02
const TEXT_SEGMENT = 0x03
const DOT = 0x04
const TILDE = 0x05
const NESTED = 0x01
const FIRST_TEXT_BYTE = 0x09

/** How deep tokens may nest inside JSON (a presentation holding credentials is depth 1). */
export const MAX_NESTING = 4

/** Characters a token is made of: base64url, and `.` and `~` between segments. */
export const TOKEN_TEXT = /^[A-Za-z0-9_.~-]+$/
const SEGMENT_TEXT = /^[A-Za-z0-9_-]*$/
const PIECES = /[.~]|[^.~]+/g
// Runs of token characters inside JSON text, and the runs that have a token's shape. Two steps, each linear:
// one unanchored pattern with the segment's shape would backtrack quadratically on long runs.
const TOKEN_RUNS = /[A-Za-z0-9_.~-]+/g
const EMBEDDED_TOKEN = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:~[A-Za-z0-9_.-]*)*$/

/** A packed token: the structure to compress and the raw (incompressible) bytes. */
export interface PackedToken {
  structure: Uint8Array
  raw: Uint8Array
}

/** Packs a token (characters of {@link TOKEN_TEXT}) into a structure and a raw section. */
export function packToken(token: string): PackedToken {
  const structure = new ByteWriter()
  const raw = new ByteWriter()
  writeToken(token, structure, raw, 0)
  return { structure: structure.finish(), raw: raw.finish() }
}

/** Rebuilds the exact token from its packed form. */
export function unpackToken(structure: Uint8Array, raw: Uint8Array): string {
  const reader = new ByteReader(structure, 'structure')
  const rawReader = new ByteReader(raw, 'raw section')
  const token = readToken(reader, rawReader, 0)
  if (reader.remaining !== 0 || rawReader.remaining !== 0) {
    throw new CivitasError('ERR_QR_INVALID', 'QR payload: bytes left over after the token', {
      details: { structure: reader.remaining, raw: rawReader.remaining },
    })
  }
  if (token.length === 0) throw new CivitasError('ERR_QR_INVALID', 'QR payload: the token is empty')
  return token
}

function writeToken(token: string, out: ByteWriter, raw: ByteWriter, depth: number): void {
  for (const piece of token.match(PIECES) ?? []) {
    if (piece === '.') out.byte(DOT)
    else if (piece === '~') out.byte(TILDE)
    else writeSegment(piece, out, raw, depth)
  }
  out.byte(END)
}

function writeSegment(segment: string, out: ByteWriter, raw: ByteWriter, depth: number): void {
  const bytes = canonicalBytes(segment)
  if (bytes !== undefined && isJsonText(bytes)) {
    out.byte(JSON_SEGMENT)
    writeJson(bytes, out, raw, depth)
  } else if (bytes !== undefined) {
    out.byte(RAW_SEGMENT)
    out.varint(bytes.length)
    raw.bytes(bytes)
  } else {
    out.byte(TEXT_SEGMENT)
    out.varint(segment.length)
    for (let index = 0; index < segment.length; index++) out.byte(segment.charCodeAt(index))
  }
}

function writeJson(bytes: Uint8Array, out: ByteWriter, raw: ByteWriter, depth: number): void {
  let from = 0
  if (depth < MAX_NESTING) {
    // Latin-1 view: one character per byte, so match offsets are byte offsets.
    const text = latin1(bytes)
    for (const match of text.matchAll(TOKEN_RUNS)) {
      if (!EMBEDDED_TOKEN.test(match[0])) continue
      const header = canonicalBytes(match[0].slice(0, match[0].indexOf('.')))
      if (header === undefined || !isJsonText(header)) continue
      out.bytes(bytes.subarray(from, match.index))
      out.byte(NESTED)
      writeToken(match[0], out, raw, depth + 1)
      from = match.index + match[0].length
    }
  }
  out.bytes(bytes.subarray(from))
  out.byte(END)
}

function readToken(reader: ByteReader, raw: ByteReader, depth: number): string {
  let token = ''
  for (;;) {
    const tag = reader.byte()
    switch (tag) {
      case END:
        return token
      case DOT:
        token += '.'
        break
      case TILDE:
        token += '~'
        break
      case JSON_SEGMENT:
        token += encodeBase64url(readJson(reader, raw, depth))
        break
      case RAW_SEGMENT: {
        const length = reader.varint()
        if (length === 0) throw new CivitasError('ERR_QR_INVALID', 'QR payload: an empty raw segment')
        token += encodeBase64url(raw.take(length))
        break
      }
      case TEXT_SEGMENT: {
        const text = latin1(reader.take(reader.varint()))
        if (text.length === 0 || !SEGMENT_TEXT.test(text)) {
          throw new CivitasError('ERR_QR_INVALID', 'QR payload: a verbatim segment is not base64url text')
        }
        token += text
        break
      }
      default:
        throw new CivitasError('ERR_QR_INVALID', `QR payload: unknown item tag 0x${tag.toString(16)}`)
    }
  }
}

function readJson(reader: ByteReader, raw: ByteReader, depth: number): Uint8Array {
  const out = new ByteWriter()
  for (;;) {
    const byte = reader.byte()
    if (byte === END) break
    if (byte === NESTED) {
      if (depth >= MAX_NESTING) {
        throw new CivitasError('ERR_QR_INVALID', `QR payload: tokens nest deeper than ${MAX_NESTING}`)
      }
      const nested = readToken(reader, raw, depth + 1)
      for (let index = 0; index < nested.length; index++) out.byte(nested.charCodeAt(index))
    } else if (byte < FIRST_TEXT_BYTE) {
      throw new CivitasError('ERR_QR_INVALID', `QR payload: byte 0x${byte.toString(16)} inside JSON text`)
    } else out.byte(byte)
  }
  const bytes = out.finish()
  if (!isJsonText(bytes))
    throw new CivitasError('ERR_QR_INVALID', 'QR payload: a JSON segment is not JSON text')
  return bytes
}

/** The bytes of a canonical base64url segment, or `undefined` for anything else. */
function canonicalBytes(segment: string): Uint8Array | undefined {
  if (segment.length === 0 || !SEGMENT_TEXT.test(segment)) return undefined
  try {
    return decodeBase64url(segment)
  } catch {
    return undefined
  }
}

/** JSON object or array text, free of the control bytes the structure uses as markers. */
function isJsonText(bytes: Uint8Array): boolean {
  const first = bytes[0]
  if (first !== 0x7b && first !== 0x5b) return false
  for (const byte of bytes) if (byte < FIRST_TEXT_BYTE) return false
  return true
}

function latin1(bytes: Uint8Array): string {
  let text = ''
  for (let index = 0; index < bytes.length; index += 4096) {
    text += String.fromCharCode(...bytes.subarray(index, index + 4096))
  }
  return text
}
