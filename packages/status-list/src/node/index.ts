/**
 * Node-only helpers of `@civitas/status-list`: run the web-standard status list handler in `node:http`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createStatusListHandler } from '@civitas/status-list'
 * import { createNodeListener } from '@civitas/status-list/node'
 *
 * createServer(createNodeListener(createStatusListHandler({ getList: async () => undefined }))).listen(0, '127.0.0.1')
 * ```
 *
 * @module
 */
export {
  type CreateNodeListenerOptions,
  type CreateNodeListenerResult,
  createNodeListener,
} from './createNodeListener.js'
