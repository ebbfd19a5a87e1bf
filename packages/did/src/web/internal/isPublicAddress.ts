/**
 * IPv4 blocks that are not public unicast: this network, private (RFC 1918), CGNAT (RFC 6598),
 * loopback, link-local (cloud metadata services live here), IETF protocol assignments, the
 * documentation and benchmarking nets, the deprecated 6to4 relay, multicast and reserved
 * (IANA IPv4 Special-Purpose Address Registry).
 */
const IPV4_BLOCKS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 0, 0, 8],
  [10, 0, 0, 0, 8],
  [100, 64, 0, 0, 10],
  [127, 0, 0, 0, 8],
  [169, 254, 0, 0, 16],
  [172, 16, 0, 0, 12],
  [192, 0, 0, 0, 24],
  [192, 0, 2, 0, 24],
  [192, 88, 99, 0, 24],
  [192, 168, 0, 0, 16],
  [198, 18, 0, 0, 15],
  [198, 51, 100, 0, 24],
  [203, 0, 113, 0, 24],
  [224, 0, 0, 0, 4],
  [240, 0, 0, 0, 4],
]

/** IPv6 blocks inside global unicast 2000::/3 that are still not public (IANA IPv6 registry). */
const IPV6_BLOCKS: readonly (readonly [number[], number])[] = [
  [[0x20, 0x01, 0x00, 0x00], 23], // IETF protocol assignments, Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x3f, 0xff], 20], // documentation (RFC 9637)
]

/** Private networks an intranet may use (RFC 1918). */
const IPV4_PRIVATE: readonly (readonly [number, number, number, number, number])[] = [
  [10, 0, 0, 0, 8],
  [172, 16, 0, 0, 12],
  [192, 168, 0, 0, 16],
]

/**
 * Where an address leads, for the guard's separate decisions: `public` unicast; `private`
 * (RFC 1918, IPv6 ULA `fc00::/7`), opened by `allowPrivateAddresses`; `loopback` (`127.0.0.0/8`,
 * `::1`), opened by `allowLoopback`; `forbidden` for everything else that is not public (link-local
 * with the cloud metadata services at 169.254.169.254 and `fe80::/10`, CGNAT, unspecified,
 * multicast, reserved, anything unparsable), which only an allow-listed host reaches.
 * IPv4-mapped addresses lead where their IPv4 address does.
 */
export type AddressScope = 'public' | 'private' | 'loopback' | 'forbidden'

/** The {@link AddressScope} of an IP address as `node:dns` returns it. */
export function addressScope(address: string): AddressScope {
  const bytes = parseIp(address)
  if (bytes === undefined) return 'forbidden'
  const mapped = startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96)
  const v4 = bytes.length === 4 ? bytes : mapped ? bytes.slice(12) : undefined
  if (v4 !== undefined) {
    if (v4[0] === 127) return 'loopback'
    if (IPV4_PRIVATE.some(([a, b, c, d, bits]) => startsWith(v4, [a, b, c, d], bits))) return 'private'
  } else {
    if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128)) return 'loopback'
    if (startsWith(bytes, [0xfc], 7)) return 'private'
  }
  return isPublicAddress(address) ? 'public' : 'forbidden'
}

/**
 * Whether an IP address (as `node:dns` returns it) is public unicast, the only kind a did:web
 * host may resolve to. Everything outside global unicast is refused, as are IPv4-mapped, NAT64
 * and 6to4 addresses whose embedded IPv4 address is not public; anything unparsable is refused.
 */
export function isPublicAddress(address: string): boolean {
  const bytes = parseIp(address)
  if (bytes === undefined) return false
  if (bytes.length === 4) return isPublicIpv4(bytes)
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96)) return isPublicIpv4(bytes.slice(12))
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) {
    return isPublicIpv4(bytes.slice(12)) // NAT64 of the well-known prefix
  }
  if (startsWith(bytes, [0x20, 0x02], 16)) return isPublicIpv4(bytes.slice(2, 6)) // 6to4
  if (((bytes[0] ?? 0) & 0xe0) !== 0x20) return false // not global unicast 2000::/3
  return !IPV6_BLOCKS.some(([prefix, bits]) => startsWith(bytes, prefix, bits))
}

function isPublicIpv4(bytes: Uint8Array): boolean {
  return !IPV4_BLOCKS.some(([a, b, c, d, bits]) => startsWith(bytes, [a, b, c, d], bits))
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const index = bit / 8
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false
  }
  return true
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** The 4 or 16 bytes of a textual IPv4 or IPv6 address (zone ids dropped), or `undefined`. */
export function parseIp(address: string): Uint8Array | undefined {
  if (typeof address !== 'string' || address.length > 64) return undefined
  return parseIpv4(address) ?? parseIpv6(address.split('%', 1)[0] ?? '')
}

function parseIpv4(text: string): Uint8Array | undefined {
  const match = IPV4.exec(text)
  if (match === null) return undefined
  const octets = match.slice(1).map(Number)
  if (octets.some((octet, index) => octet > 255 || String(octet) !== match[index + 1])) return undefined
  return Uint8Array.from(octets)
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const groups = (half: string | undefined) => (half === undefined || half === '' ? [] : half.split(':'))
  const head = groups(halves[0])
  const tail = groups(halves[1])
  const last = tail.length > 0 || halves.length === 2 ? tail : head
  const embedded = last[last.length - 1]?.includes('.') ? last.pop() : undefined
  const v4 = embedded === undefined ? undefined : parseIpv4(embedded)
  if (embedded !== undefined && v4 === undefined) return undefined
  if (![...head, ...tail].every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return undefined
  const words: number[] = []
  const given = head.length + tail.length + (v4 === undefined ? 0 : 2)
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined
  for (const group of head) words.push(Number.parseInt(group, 16))
  for (let index = given; index < 8; index++) words.push(0)
  for (const group of tail) words.push(Number.parseInt(group, 16))
  const bytes = new Uint8Array(16)
  words.forEach((word, index) => {
    bytes[index * 2] = word >> 8
    bytes[index * 2 + 1] = word & 0xff
  })
  if (v4 !== undefined) bytes.set(v4, 12)
  return bytes
}
