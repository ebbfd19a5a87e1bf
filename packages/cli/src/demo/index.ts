/**
 * The end-to-end demo the `civitas demo` command and `npm run demo` run, and the pieces it is made
 * of, which the examples reuse: the demo citizen's residency card, a loopback HTTP or HTTPS server
 * for web-standard handlers, a self-signed certificate for it, and a did:web institution serving its
 * own DID document over loopback HTTPS.
 *
 * @example
 * ```ts
 * import { runDemo } from '@civitas/cli/demo'
 *
 * await runDemo((line) => console.log(line))
 * ```
 *
 * @module
 */
export { createLoopbackCertificate, type LoopbackCertificate } from './createLoopbackCertificate.js'
export { residencyCard, residencyInput } from './residencyCard.js'
export { runDemo } from './runDemo.js'
export {
  type DidWebIssuer,
  type LoopbackNetwork,
  type StartDidWebIssuerOptions,
  startDidWebIssuer,
} from './startDidWebIssuer.js'
export {
  type StartLoopbackServerOptions,
  type StartLoopbackServerResult,
  startLoopbackServer,
} from './startLoopbackServer.js'
export type { DemoOutput } from './types.js'
