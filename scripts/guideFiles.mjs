// How the docs' code is read, for scripts/check-tsdoc.mjs (type-check) and test/docs/guides.services.test.ts (run).

/** The code of every ```ts (or ```typescript) block of a markdown or TSDoc text, in order. */
export function codeBlocks(text) {
  return [...text.matchAll(/```(?:ts|typescript)\s*\n([\s\S]*?)```/g)].map((match) => match[1])
}

/**
 * A guide's code as files: its ```ts blocks in order form one script, `guide.ts`, except that a block
 * whose first line is `// file: name.ts` starts another file (so that blocks can import each other).
 */
export function guideFiles(markdown) {
  const files = new Map()
  let current = 'guide.ts'
  for (const block of codeBlocks(markdown)) {
    const header = /^\/\/ file: ([\w.-]+\.ts)\n/.exec(block)
    if (header) current = header[1]
    files.set(current, `${files.get(current) ?? ''}${block}\n`)
  }
  return files
}
