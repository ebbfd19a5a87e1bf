#!/usr/bin/env node
// The `civitas` command. This file is committed (dist/ is built), so that installing the
// repository links the command before `npm run build` runs; it loads the built program.
try {
  await import('../dist/bin.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js')) throw error
  process.stderr.write('civitas is not built yet: run `npm run build` in the repository first\n')
  process.exitCode = 2
}
