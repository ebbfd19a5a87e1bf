import type { Clock } from './types.js'

/**
 * The default {@link Clock}: the runtime's wall clock, in milliseconds.
 *
 * @example
 * ```ts
 * import { systemClock } from '@civitas/core'
 *
 * const nowSeconds = Math.floor(systemClock() / 1000)
 * ```
 */
export const systemClock: Clock = () => Date.now()
