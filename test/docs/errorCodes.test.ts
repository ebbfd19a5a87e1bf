import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES_DOC, readErrorCodes, renderErrorCodesDoc } from '../../scripts/errorCodes.js'

const doc = readFileSync(new URL(`../../${ERROR_CODES_DOC}`, import.meta.url), 'utf8')

describe('docs/error-codes.md', () => {
  it('behavior: every code of the CivitasErrorCode union has a section', () => {
    const sections = new Set([...doc.matchAll(/^### (ERR_[A-Z0-9_]+)$/gm)].map((match) => match[1]))
    const missing = readErrorCodes()
      .map((entry) => entry.code)
      .filter((code) => !sections.has(code))
    expect(missing, 'run `npm run docs:errors`').toEqual([])
  })

  it('behavior: the file is what `npm run docs:errors` generates from errors.ts and explainCode', () => {
    expect(doc, 'run `npm run docs:errors`').toBe(renderErrorCodesDoc())
  })
})
