import { CivitasError } from '@civitas/core'

/** Longest did:web Civitas reads: a 253-character host, a port and a few path segments. */
const MAX_DID_WEB_LENGTH = 1024
const SEGMENT = /^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * The HTTPS URL of a did:web DID's document (did:web spec §3.2 Read): the method-specific
 * identifier's `:` become `/`, a percent-encoded port colon (`%3A`) is decoded, and the document
 * is `/.well-known/did.json` for a bare host or `<path>/did.json` for a path.
 *
 * Beyond the spec's syntax, Civitas refuses what would let a DID point anywhere but a public web
 * host: IP addresses (the spec forbids them) and names a URL parser reads as one (`0x7f.1`), host
 * names that are not DNS names, a port of 0 or above 65,535, and `.`/`..` path segments.
 *
 * @throws `ERR_DID_INVALID` (with `details.error: 'invalidDid'`) for anything else.
 * @see https://w3c-ccg.github.io/did-method-web/#read-resolve
 * @example
 * ```ts
 * import { didWebDocumentUrl } from '@civitas/did/web'
 *
 * didWebDocumentUrl('did:web:example.com%3A3000:user:alice').href
 * // 'https://example.com:3000/user/alice/did.json'
 * ```
 */
export function didWebDocumentUrl(did: string): URL {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) invalid('expected a did:web DID')
  if (did.length > MAX_DID_WEB_LENGTH) invalid(`longer than ${MAX_DID_WEB_LENGTH} characters`)
  const segments = did.slice('did:web:'.length).split(':')
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) invalid('empty segment or a character outside the DID syntax')
  }
  const [authority = '', ...path] = segments
  const { host, port } = hostAndPort(authority)
  for (const segment of path) {
    const decoded = safeDecode(segment)
    if (decoded === '.' || decoded === '..' || /[/?#\\]/.test(decoded))
      invalid('a path segment is not a name')
  }
  const pathname = path.length === 0 ? '/.well-known/did.json' : `/${path.join('/')}/did.json`
  return new URL(`https://${host}${port === undefined ? '' : `:${port}`}${pathname}`)
}

function hostAndPort(authority: string): { host: string; port: string | undefined } {
  const [host = '', port, extra] = safeDecode(authority).toLowerCase().split(':')
  if (extra !== undefined) invalid('more than one port')
  if (port !== undefined && !(/^[1-9]\d{0,4}$/.test(port) && Number(port) <= 65_535)) invalid('bad port')
  const labels = host.split('.')
  if (host.length > 253 || !labels.every((label) => LABEL.test(label))) invalid('the host is not a DNS name')
  // A name whose last label is a number is an IPv4 address to URL parsers (WHATWG "ends in a number").
  if (/^(?:\d+|0x[0-9a-f]*)$/.test(labels[labels.length - 1] ?? '')) invalid('IP addresses are not allowed')
  return { host, port }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return invalid('malformed percent-encoding')
  }
}

function invalid(reason: string): never {
  throw new CivitasError('ERR_DID_INVALID', `did:web: ${reason}`, { details: { error: 'invalidDid' } })
}
