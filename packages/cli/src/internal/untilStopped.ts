/** Resolves on SIGINT or SIGTERM (or when `stop` is called), whichever comes first. */
export function untilStopped(): { done: Promise<void>; stop(): void } {
  let stop: () => void = () => {}
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      process.off('SIGINT', finish)
      process.off('SIGTERM', finish)
      resolve()
    }
    stop = finish
    process.once('SIGINT', finish)
    process.once('SIGTERM', finish)
  })
  return { done, stop: () => stop() }
}
