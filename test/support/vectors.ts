import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Absolute path of a file under the spec vectors copied into `test/vectors`. */
export function vectorPath(relative: string): string {
  return fileURLToPath(new URL(`../vectors/${relative}`, import.meta.url))
}

/** Reads and parses a JSON vector file. */
export function readVector<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(vectorPath(relative), 'utf8')) as T
}
