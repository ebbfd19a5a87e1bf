/** Keeps long DIDs readable in a terminal. */
export function shorten(did: string): string {
  return did.length > 48 ? `${did.slice(0, 30)}…${did.slice(-12)}` : did
}
