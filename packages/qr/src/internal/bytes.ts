import { CivitasError } from '@civitas/core'

/** A growable byte buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(256)
  length = 0

  byte(value: number): void {
    this.reserve(1)
    this.buffer[this.length++] = value
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length)
    this.buffer.set(values, this.length)
    this.length += values.length
  }

  /** An unsigned LEB128 varint. */
  varint(value: number): void {
    let rest = value
    while (rest >= 0x80) {
      this.byte((rest & 0x7f) | 0x80)
      rest = Math.floor(rest / 0x80)
    }
    this.byte(rest)
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra))
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
  }
}

/** A cursor over bytes that refuses to read past the end with `ERR_QR_INVALID`. */
export class ByteReader {
  offset = 0

  constructor(
    private readonly data: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.data.length - this.offset
  }

  byte(): number {
    if (this.offset >= this.data.length) throw truncated(this.what)
    return this.data[this.offset++] as number
  }

  take(length: number): Uint8Array {
    if (length > this.remaining) throw truncated(this.what)
    const out = this.data.subarray(this.offset, this.offset + length)
    this.offset += length
    return out
  }

  /** An unsigned LEB128 varint of at most three bytes (values below 2^21), in its shortest form. */
  varint(): number {
    let value = 0
    for (let shift = 0; shift < 21; shift += 7) {
      const byte = this.byte()
      value += (byte & 0x7f) * 2 ** shift
      if ((byte & 0x80) === 0) {
        if (byte === 0 && shift > 0) break
        return value
      }
    }
    throw new CivitasError('ERR_QR_INVALID', `QR payload: ${this.what} holds an invalid length`)
  }
}

function truncated(what: string): CivitasError {
  return new CivitasError('ERR_QR_INVALID', `QR payload: ${what} is truncated`)
}

/** Joins byte arrays, in order, into one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
