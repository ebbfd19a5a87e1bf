let loaded: Promise<typeof import('./lazyOperations.js')> | undefined

/**
 * Imports the formats' lazily loaded operations on the first call and reuses them after, so no
 * later call waits on a new `import()`.
 */
export function loadOperations(): Promise<typeof import('./lazyOperations.js')> {
  loaded ??= import('./lazyOperations.js')
  return loaded
}
