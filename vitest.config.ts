import { configDefaults, defineConfig } from 'vitest/config'

// `civitas-source` makes every @civitas/* import resolve to its TypeScript
// source, so tests never run against a stale build.
const conditions = ['civitas-source', 'node', 'import', 'default']

const include = ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts']
// Tests that need PostgreSQL, Redis, Chromium or an Ethereum node are named `*.services.test.ts`
// (test/serviceTests.test.ts keeps the name honest): `npm run test:unit` leaves them out, `npm test` runs all.
const services = include.map((glob) => glob.replace('*.test.ts', '*.services.test.ts'))

export default defineConfig({
  resolve: { conditions },
  // Vitest passes ssr.resolve.conditions to its worker processes as --conditions flags, so they must not
  // include 'import': with it, CommonJS packages' own require() calls load ES module builds (pg's
  // require('pg-pool') returns a namespace, not a class). Vite adds import/require by itself.
  ssr: { resolve: { conditions: ['civitas-source', 'node'], externalConditions: conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summaryReporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: [...configDefaults.exclude, ...services] } },
      { extends: true, test: { name: 'services', include: services } },
    ],
  },
})
