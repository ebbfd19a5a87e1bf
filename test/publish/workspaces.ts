import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A workspace package's folder and manifest. */
export interface Workspace {
  dir: string
  manifest: {
    name: string
    exports: Record<string, unknown>
    [field: string]: unknown
  }
}

/** Every package under packages/, by folder name. */
export function workspaces(): Workspace[] {
  return readdirSync(`${ROOT}packages`)
    .sort()
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(`${ROOT}packages/${dir}/package.json`, 'utf8')),
    }))
}

/** Every import specifier a package's exports map offers (`@civitas/did`, `@civitas/did/key`, …). */
export function entryPoints(workspace: Workspace): string[] {
  return Object.keys(workspace.manifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) =>
      subpath === '.' ? workspace.manifest.name : `${workspace.manifest.name}${subpath.slice(1)}`,
    )
}
