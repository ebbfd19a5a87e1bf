/** One address a host name resolves to. */
export interface GuardedFetchAddress {
  /** The textual IPv4 or IPv6 address. */
  readonly address: string
  /** 4 or 6. */
  readonly family: number
}

/** Resolves a host name to all its addresses (Node's `dns.promises.lookup(host, { all: true })`). */
export type GuardedFetchLookup = (hostname: string) => Promise<readonly GuardedFetchAddress[]>

/** One address a did:web host resolves to (the guarded fetch's {@link GuardedFetchAddress}). */
export type DidWebAddress = GuardedFetchAddress

/** The DNS lookup of `didWebResolver` (the guarded fetch's {@link GuardedFetchLookup}). */
export type DidWebLookup = GuardedFetchLookup

/** Options for `createGuardedFetch`. */
export interface CreateGuardedFetchOptions {
  /**
   * Longest a request may take, DNS, redirects and the whole body included, in milliseconds
   * (default 5,000).
   */
  timeoutMs?: number
  /** Largest response body accepted, in bytes; reading stops as soon as it is exceeded (default 1,048,576). */
  maxBytes?: number
  /**
   * Same-origin redirects followed, at most 5 (default 2). A redirect to another origin (host,
   * port or scheme) is always refused: a URL names its host, and no one else may answer for it.
   */
  maxRedirects?: number
  /**
   * Development only: accept `http://` URLs too. Responses then travel in clear text and anyone on
   * the path can change them.
   */
  allowHttp?: boolean
  /**
   * Host names (or IP addresses) exempt from the address checks and from the refusal of
   * `localhost` and dotless names, for development and intranets (`['127.0.0.1']`,
   * `['localhost']`). Compared case-insensitively, without the port.
   */
  allowHosts?: readonly string[]
  /**
   * Accept hosts on private networks (RFC 1918, IPv6 ULA) for intranet deployments. Loopback,
   * link-local and cloud metadata addresses (169.254.169.254) stay refused: those need
   * `allowLoopback`, or the host in `allowHosts`.
   */
  allowPrivateAddresses?: boolean
  /** Accept hosts on loopback (`127.0.0.0/8`, `::1`), for development on one machine. */
  allowLoopback?: boolean
  /** Node only: the DNS lookup (default `dns.promises.lookup` with `all: true`). */
  lookup?: GuardedFetchLookup
  /** Node only: certificate authorities to trust instead of Node's bundled roots (PEM). */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[]
}

/**
 * The fetch-compatible function `createGuardedFetch` returns: GET and HEAD only, the body read in
 * full (within the cap) before the `Response` is handed back.
 */
export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** Options for `didWebResolver`, which resolves through `createGuardedFetch` with them. */
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
  /**
   * Accept hosts on private networks (RFC 1918, IPv6 ULA) for intranet deployments. Loopback,
   * link-local and cloud metadata addresses (169.254.169.254) stay refused: those need
   * `allowLoopback`, or the host in `allowHosts`.
   */
  allowPrivateAddresses?: boolean
  /** Accept hosts on loopback (`127.0.0.0/8`, `::1`), for development on one machine. */
  allowLoopback?: boolean
  /** Node only: the DNS lookup (default `dns.promises.lookup` with `all: true`). */
  lookup?: DidWebLookup
  /** Node only: certificate authorities to trust instead of Node's bundled roots (PEM). */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[]
}
