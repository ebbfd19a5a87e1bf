import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { guideFiles } from '../../scripts/guideFiles.mjs'

// Every guide's code runs as written (npm run docs:check type-checks it): its files are written to
// test/.out/guides/<guide>/ and each script among them is imported, in a scratch working directory.
// Files that other files of the guide import are modules; *.test.ts files are suites for the reader's
// own vitest and are not written here (test/.out would otherwise hold tests of its own).
const root = fileURLToPath(new URL('../..', import.meta.url))
const guides = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'))

afterAll(async () => {
  // write-a-key-store-plugin.md keeps its keys in this table of the test database.
  const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' })
  await pool.query('DROP TABLE IF EXISTS city_keys')
  await pool.end()
})

describe('guides in docs/', () => {
  for (const name of guides) {
    const files = guideFiles(readFileSync(join(root, 'docs', name), 'utf8'))
    if (files.size === 0) continue
    it(`behavior: the code of docs/${name} runs`, { timeout: 180_000 }, async () => {
      const dir = join(root, 'test/.out/guides', name.replace(/\.md$/, ''))
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      const sources = [...files].filter(([file]) => !file.endsWith('.test.ts'))
      for (const [file, code] of sources) writeFileSync(join(dir, file), code)
      const imported = (file: string) =>
        sources.some(([, code]) => code.includes(`'./${file.replace(/\.ts$/, '.js')}'`))
      const scripts = sources.map(([file]) => file).filter((file) => !imported(file))
      expect(scripts.length).toBeGreaterThan(0)

      const cwd = process.cwd()
      const scratch = mkdtempSync(join(tmpdir(), 'civitas-guide-'))
      const log = vi.spyOn(console, 'log').mockImplementation(() => {})
      try {
        process.chdir(scratch)
        for (const script of scripts) await import(pathToFileURL(join(dir, script)).href)
      } finally {
        process.chdir(cwd)
        log.mockRestore()
        rmSync(scratch, { recursive: true, force: true })
      }
    })
  }
})
