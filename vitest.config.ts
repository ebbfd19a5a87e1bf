import { defineConfig } from 'vitest/config'

// `civitas-source` makes every @civitas/* import resolve to its TypeScript
// source, so tests never run against a stale build.
const conditions = ['civitas-source', 'node', 'import', 'default']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
})
