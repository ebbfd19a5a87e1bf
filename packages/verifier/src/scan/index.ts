/**
 * Checks QR codes in pictures: `checkQrImage(verifier, png)` scans the image and checks what it holds.
 * A separate entry point, so that the QR reader's WebAssembly stays out of verifiers that receive text:
 * install `zxing-wasm` and `jpeg-js` beside `@civitas/verifier` to use it (optional peer dependencies).
 *
 * @module
 */
export { type CheckQrImageOptions, checkQrImage } from './checkQrImage.js'
