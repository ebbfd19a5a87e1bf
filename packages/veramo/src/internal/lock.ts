/** Runs the tasks given to it one after another, each after the previous one settled. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>

/** Creates a lock: the read-then-write steps of a key store change never interleave. */
export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
