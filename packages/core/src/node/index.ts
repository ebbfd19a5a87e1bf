/**
 * Node-only helpers of `@civitas/core`: run any web-standard Civitas handler (status lists, did:web,
 * issuers, sign-in) in `node:http`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createStatusListHandler } from '@civitas/status-list'
 * import { createNodeListener } from '@civitas/core/node'
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
