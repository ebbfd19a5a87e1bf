/**
 * The end-to-end demo the `civitas demo` command and `npm run demo` run, and the pieces it is made
 * of: the demo citizen's residency card and a loopback HTTP server for web-standard handlers.
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
export { residencyCard } from './residencyCard.js'
export { type DemoOutput, runDemo } from './runDemo.js'
export {
  type StartLoopbackServerOptions,
  type StartLoopbackServerResult,
  startLoopbackServer,
} from './startLoopbackServer.js'
