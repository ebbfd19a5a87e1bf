/**
 * A loader that imports a module on its first call and reuses it after, so a format's code that a
 * bundle may never need (SD-JWT, issuance) is split off and costs nothing until used.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load()
    return loaded
  }
}
