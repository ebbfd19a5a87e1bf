/** One address a host name resolves to. */
export interface DidWebAddress {
  /** The textual IPv4 or IPv6 address. */
  readonly address: string
  /** 4 or 6. */
  readonly family: number
}

/** Resolves a host name to all its addresses (Node's `dns.promises.lookup(host, { all: true })`). */
export type DidWebLookup = (hostname: string) => Promise<readonly DidWebAddress[]>

/** Options for `didWebResolver`. */
export interface DidWebResolverOptions {
  /**
   * Longest the whole resolution may take, DNS and redirects included, in milliseconds (default
   * 5,000).
   */
  timeoutMs?: number
  /** Largest DID document accepted, in bytes; reading stops as soon as it is exceeded (default 102,400). */
  maxBodyBytes?: number
  /**
   * Same-origin redirects followed, at most 5 (default 2). A redirect to another origin (host,
   * port or scheme) is always refused: a DID names its host, and no one else may answer for it.
   */
  maxRedirects?: number
  /**
   * Development only: fetch `http://` instead of `https://`. The document then travels in clear
   * text and anyone on the path can substitute keys.
   */
  allowHttp?: boolean
  /**
   * Host names exempt from the address checks and from the refusal of `localhost` and dotless
   * names, for development and intranets (`['localhost']`). Compared case-insensitively, without
   * the port.
   */
  allowHosts?: readonly string[]
  /** Accept every address a host resolves to, private ones included (intranet deployments). */
  allowPrivateAddresses?: boolean
  /** Node only: the DNS lookup (default `dns.promises.lookup` with `all: true`). */
  lookup?: DidWebLookup
  /** Node only: certificate authorities to trust instead of Node's bundled roots (PEM). */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[]
}
