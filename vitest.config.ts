import { defineConfig } from 'vitest/config'

// `civitas-source` makes every @civitas/* import resolve to its TypeScript
// source, so tests never run against a stale build.
const conditions = ['civitas-source', 'node', 'import', 'default']

export default defineConfig({
  resolve: { conditions },
  // Vitest passes ssr.resolve.conditions to its worker processes as --conditions flags, so they must not
  // include 'import': with it, CommonJS packages' own require() calls load ES module builds (pg's
  // require('pg-pool') returns a namespace, not a class). Vite adds import/require by itself.
  ssr: { resolve: { conditions: ['civitas-source', 'node'], externalConditions: conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
})
