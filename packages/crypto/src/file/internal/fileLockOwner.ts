import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

/** Who holds a lock file: the process (and its start time, against pid reuse) on a host. */
export interface FileLockOwner {
  pid: number
  host: string
  /** The process's start time in clock ticks since boot (Linux), or `undefined` where it cannot be read. */
  start: string | undefined
  token: string
}

/** A new owner identity for this process: the same pid, host and start, a fresh token. */
export function currentOwner(): FileLockOwner {
  return { pid: process.pid, host: hostname(), start: processStart(process.pid), token: randomUUID() }
}

/** The owner written in a lock file, or `undefined` when the text is not one (empty, partial, foreign). */
export function parseOwner(text: string): FileLockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Record<keyof FileLockOwner, unknown>> | null
    if (typeof value?.pid !== 'number' || !Number.isSafeInteger(value.pid) || value.pid <= 0) return undefined
    if (typeof value.host !== 'string' || typeof value.token !== 'string') return undefined
    const start = typeof value.start === 'string' ? value.start : undefined
    return { pid: value.pid, host: value.host, start, token: value.token }
  } catch {
    return undefined
  }
}

/**
 * Whether the owner is known to be gone: it ran on this host and its pid no longer runs, or now
 * belongs to a process started at another time. An owner on another host is never assumed gone.
 */
export function isOwnerGone(owner: FileLockOwner): boolean {
  if (owner.host !== hostname()) return false
  if (!isPidAlive(owner.pid)) return true
  if (owner.start === undefined) return false
  const start = processStart(owner.pid)
  return start !== undefined && start !== owner.start
}

/** Whether a process with this pid exists (EPERM means it does, under another user). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/** Field 22 of `/proc/<pid>/stat` (start time in ticks since boot); `undefined` off Linux or if gone. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}
