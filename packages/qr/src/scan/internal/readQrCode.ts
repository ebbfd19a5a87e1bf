import { CivitasError } from '@civitas/core'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

/** Where the QR reader's WebAssembly comes from: its bytes, or a URL to fetch them from. */
export type QrReaderWasm = Uint8Array | ArrayBuffer | URL | string

const WASM_SPECIFIER = 'zxing-wasm/reader/zxing_reader.wasm'
let prepared: QrReaderWasm | undefined

/**
 * Reads the first QR code in RGBA pixels with ZXing-C++ (WebAssembly). The module is prepared once; in
 * Node its WebAssembly is read from the installed package, elsewhere it must be given, so the reader never
 * fetches code from a CDN behind the caller's back.
 */
export async function readQrCode(
  pixels: { data: Uint8ClampedArray; width: number; height: number },
  wasm: QrReaderWasm | undefined,
): Promise<string | undefined> {
  prepare(wasm)
  let results: Awaited<ReturnType<typeof readBarcodes>>
  try {
    const image = { data: pixels.data, width: pixels.width, height: pixels.height, colorSpace: 'srgb' }
    results = await readBarcodes(image as ImageData, {
      formats: ['QRCode'],
      tryHarder: true,
      tryRotate: true,
      tryInvert: true,
      tryDownscale: true,
      maxNumberOfSymbols: 1,
    })
  } catch (cause) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      'scanQr: the QR reader (WebAssembly) could not be loaded',
      {
        cause,
      },
    )
  }
  return results.find((result) => result.isValid)?.text
}

function prepare(wasm: QrReaderWasm | undefined): void {
  const source = wasm ?? prepared ?? nodeWasm()
  if (source === prepared) return
  if (source === undefined) {
    throw new CivitasError(
      'ERR_INVALID_ARGUMENT',
      `scanQr: outside Node, pass options.wasm (the bytes or URL of ${WASM_SPECIFIER})`,
    )
  }
  const overrides =
    source instanceof URL || typeof source === 'string'
      ? { locateFile: () => String(source) }
      : { wasmBinary: source instanceof Uint8Array ? source.slice().buffer : source }
  prepareZXingModule({ overrides, equalityFn: () => false, fireImmediately: false })
  prepared = source
}

/** The package's WebAssembly, read from disk when running in Node (no static `node:` import). */
function nodeWasm(): Uint8Array | undefined {
  const getBuiltinModule = (globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined)
    ?.getBuiltinModule
  if (getBuiltinModule === undefined) return undefined
  const fs = getBuiltinModule('node:fs') as typeof import('node:fs')
  const module = getBuiltinModule('node:module') as typeof import('node:module')
  return fs.readFileSync(module.createRequire(import.meta.url).resolve(WASM_SPECIFIER))
}
