#!/usr/bin/env node
// Checks the TSDoc of every public export of every package in packages/*:
//   - typedoc.json documents exactly the entry points of the packages' exports maps;
//   - each export has a one-line summary;
//   - each exported function, class and constant has an `@example`;
//   - each `@example` code block type-checks against the real API (imports included);
//   - the ```ts blocks of each guide in docs/*.md, read in order as one script (or a few files, each
//     begun by a `// file: name.ts` line), type-check too.
// Re-exports of other libraries are left to those libraries' docs.
// Entry points come from the packages' own exports maps (the `civitas-source` condition), so a new
// package is checked as soon as it exists. Exits 1 listing every finding; `--no-examples` skips the
// type-check of the examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { codeBlocks, guideFiles } from './guideFiles.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const typecheckExamples = !process.argv.includes('--no-examples')

/** Entry points of every package: `{ name: '@civitas/x/sub', file: '/abs/src/sub/index.ts' }`. */
function packageEntryPoints() {
  const entries = []
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    let manifest
    try {
      manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
    } catch {
      continue
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target !== null ? target['civitas-source'] : undefined
      if (typeof source !== 'string' || !source.endsWith('.ts')) continue
      const name = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`
      entries.push({ name, file: join(root, 'packages', dir, source) })
    }
  }
  return entries
}

function compilerOptions() {
  const configPath = join(root, 'tsconfig.docs.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  return { ...parsed.options, noEmit: true, allowImportingTsExtensions: true }
}

const tagText = (tag) =>
  typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '')

/** The JSDoc nodes of a declaration (a variable's sit on its statement). */
function jsDocsOf(declaration) {
  const host = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration
  return ts.getJSDocCommentsAndTags(host).filter(ts.isJSDoc)
}

function describe(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  const declarations = target.declarations ?? []
  const docs = declarations.flatMap(jsDocsOf)
  const summary = docs.some((doc) => (ts.getTextOfJSDocComment(doc.comment) ?? '').trim() !== '')
  const examples = docs.flatMap((doc) => (doc.tags ?? []).filter((tag) => tag.tagName.text === 'example'))
  const needsExample = declarations.some(
    (d) =>
      ts.isFunctionDeclaration(d) ||
      ts.isClassDeclaration(d) ||
      ts.isVariableDeclaration(d) ||
      ts.isEnumDeclaration(d),
  )
  return { summary, examples: examples.map(tagText), needsExample, declaration: declarations[0] }
}

const started = Date.now()
const entries = packageEntryPoints()
const findings = []

// typedoc.json documents every package (entryPointStrategy `packages`), and in each src/index.ts and
// every src/<subpath>/index.ts: exactly the entry points that the exports maps name.
const DOCUMENTED = 'src/{index.ts,*/index.ts}'
const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'))
if (typedoc.entryPointStrategy !== 'packages' || typedoc.packageOptions?.entryPoints?.join() !== DOCUMENTED) {
  findings.push(
    `typedoc.json: expected entryPointStrategy "packages" with packageOptions.entryPoints ["${DOCUMENTED}"]`,
  )
}
const documented = new Set()
for (const dir of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', dir, 'src')
  if (!existsSync(src)) continue
  for (const sub of ['', ...readdirSync(src)]) {
    const file = join(src, sub, 'index.ts')
    if (existsSync(file)) documented.add(file)
  }
}
const exported = new Set(entries.map((entry) => entry.file))
for (const entry of entries) {
  if (!documented.has(entry.file)) {
    findings.push(
      `${entry.name}: entry point ${relative(root, entry.file)} is not documented by typedoc.json`,
    )
  }
}
for (const file of documented) {
  if (!exported.has(file))
    findings.push(`${relative(root, file)} is documented by typedoc.json but exported by no package`)
}

// Every entry point resolves to its source, whatever node_modules and tsconfig.docs.json hold.
const options = compilerOptions()
options.paths = { ...options.paths, ...Object.fromEntries(entries.map((e) => [e.name, [e.file]])) }
let program = ts.createProgram({ rootNames: entries.map((e) => e.file), options })
let checker = program.getTypeChecker()

const examples = new Map() // virtual file name -> { text, origin }
const seen = new Set()
for (const entry of entries) {
  const source = program.getSourceFile(entry.file)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) {
    findings.push(`${entry.name}: cannot read ${relative(root, entry.file)}`)
    continue
  }
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const name = `${entry.name} ${symbol.name}`
    const info = describe(symbol, checker)
    // A re-export of another library (did-resolver's `Resolver`) is documented by that library.
    if (
      info.declaration === undefined ||
      info.declaration.getSourceFile().fileName.includes('/node_modules/')
    )
      continue
    const where = `${relative(root, info.declaration.getSourceFile().fileName)}`
    const key = `${where}#${symbol.name}`
    if (seen.has(key)) continue
    seen.add(key)
    if (!info.summary) findings.push(`${name}: no summary (${where})`)
    if (info.needsExample && info.examples.length === 0) findings.push(`${name}: no @example (${where})`)
    info.examples.forEach((text, i) => {
      const blocks = codeBlocks(text)
      if (blocks.length === 0) findings.push(`${name}: @example has no \`\`\`ts code block (${where})`)
      blocks.forEach((code, j) => {
        const file = join(
          root,
          '.tsdoc-examples',
          `${entry.name.replace(/[@/]/g, '_')}__${symbol.name}_${i}_${j}.ts`,
        )
        // `export {}` keeps a block without imports a module of its own.
        examples.set(file, { text: `${code}\nexport {}\n`, origin: `${name} (${where})` })
      })
    })
  }
}

// A guide's blocks form one script, or a few files (see guideFiles).
for (const name of readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md'))) {
  const files = guideFiles(readFileSync(join(root, 'docs', name), 'utf8'))
  for (const [file, code] of files) {
    examples.set(join(root, '.tsdoc-examples', `guide__${name.replace(/\.md$/, '')}`, file), {
      text: `${code}export {}\n`,
      origin: `docs/${name}${files.size > 1 ? ` (${file})` : ''}`,
    })
  }
}

if (typecheckExamples && examples.size > 0) {
  const host = ts.createCompilerHost(options)
  const { fileExists, readFile, getSourceFile } = host
  const virtualDirs = new Set([...examples.keys()].map((file) => dirname(file)))
  const { directoryExists } = host
  host.fileExists = (file) => examples.has(file) || fileExists.call(host, file)
  host.directoryExists = (dir) => virtualDirs.has(dir) || (directoryExists?.call(host, dir) ?? true)
  host.readFile = (file) => examples.get(file)?.text ?? readFile.call(host, file)
  host.getSourceFile = (file, language, ...rest) => {
    const example = examples.get(file)
    if (example) return ts.createSourceFile(file, example.text, language, true)
    return getSourceFile.call(host, file, language, ...rest)
  }
  program = ts.createProgram({
    rootNames: [...examples.keys()],
    options: { ...options, noUnusedLocals: false },
    host,
    oldProgram: program,
  })
  checker = program.getTypeChecker()
  for (const [file, example] of examples) {
    const diagnostics = [
      ...program.getSyntacticDiagnostics(program.getSourceFile(file)),
      ...program.getSemanticDiagnostics(program.getSourceFile(file)),
    ]
    for (const d of diagnostics) {
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 }
      const lineText = example.text.split('\n')[line]?.trim() ?? ''
      findings.push(
        `${example.origin}: code does not type-check: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} — \`${lineText}\``,
      )
    }
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (findings.length > 0) {
  console.error(findings.join('\n'))
  console.error(
    `\ncheck-tsdoc: ${findings.length} finding(s) in ${entries.length} entry points (${seconds} s)`,
  )
  process.exit(1)
}
console.log(
  `check-tsdoc: ${seen.size} exports in ${entries.length} entry points documented, ${examples.size} examples and guides type-check (${seconds} s)`,
)
