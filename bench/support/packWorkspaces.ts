import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A workspace package as packed for the registry. */
export interface PackedPackage {
  /** The package name, `@civitas/<dir>`. */
  name: string
  /** The package's folder under `packages/`. */
  dir: string
  /** Absolute path of its tarball. */
  tarball: string
  /** The manifest in the repository (with the `civitas-source` condition that packing strips). */
  manifest: PackageManifest
}

/** The parts of a package.json these checks read. */
export interface PackageManifest {
  name: string
  version: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  [field: string]: unknown
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Where the tarballs go: one pack serves every check of what is published. */
export const PACK_DIR = join(ROOT, 'bench/.out/pack')
const INDEX = join(PACK_DIR, 'index.json')

function workspaceManifests(): { dir: string; manifest: PackageManifest }[] {
  return readdirSync(join(ROOT, 'packages'))
    .sort()
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')),
    }))
}

/**
 * Packs every workspace with `npm pack` (so each package's prepack and postpack run as they do on
 * publish) into {@link PACK_DIR}, after a build, and records which tarball is which.
 */
export function packWorkspaces(): PackedPackage[] {
  rmSync(PACK_DIR, { recursive: true, force: true })
  mkdirSync(PACK_DIR, { recursive: true })
  const output = execFileSync(
    'npm',
    ['pack', '--workspaces', '--json', '--pack-destination', PACK_DIR, '--loglevel', 'error'],
    // The lifecycle scripts' chatter goes to stderr, shown only when packing fails.
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const reports = JSON.parse(output) as { name: string; filename: string }[]
  const byName = new Map(reports.map((report) => [report.name, join(PACK_DIR, report.filename)]))
  const packed = workspaceManifests().map(({ dir, manifest }) => {
    const tarball = byName.get(manifest.name)
    if (tarball === undefined) throw new Error(`npm pack produced no tarball for ${manifest.name}`)
    return { name: manifest.name, dir, tarball, manifest }
  })
  writeFileSync(INDEX, `${JSON.stringify(packed, null, 2)}\n`)
  return packed
}

/**
 * The tarballs of the last {@link packWorkspaces} when `reuse` is set (the step before in `npm test`
 * packed them), a fresh pack otherwise.
 */
export function packedWorkspaces(reuse: boolean): PackedPackage[] {
  if (!reuse) return packWorkspaces()
  try {
    return JSON.parse(readFileSync(INDEX, 'utf8')) as PackedPackage[]
  } catch {
    return packWorkspaces()
  }
}
