import { isIP } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPublicAddress, parseIp } from './isPublicAddress.js'

describe('isPublicAddress', () => {
  const refused = [
    '0.0.0.0',
    '10.0.0.1',
    '100.64.0.1',
    '100.127.255.255',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.1',
    '192.168.1.1',
    '198.18.0.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.251',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.1.2.3',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '64:ff9b:1::1',
    '2002:c0a8:0101::1',
    '2001:db8::1',
    '2001:0::1',
    '3fff::1',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    'fe80::1%eth0',
    'fec0::1',
    'ff02::1',
    '100::1',
    'not an address',
    '1.2.3',
    '01.2.3.4',
    '256.1.1.1',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
  ]
  for (const address of refused) {
    it(`behavior: ${address} is not public`, () => {
      expect(isPublicAddress(address)).toBe(false)
    })
  }

  const accepted = [
    '1.1.1.1',
    '8.8.8.8',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
  ]
  for (const address of accepted) {
    it(`behavior: ${address} is public`, () => {
      expect(isPublicAddress(address)).toBe(true)
    })
  }

  it('property: parseIp reads every IPv6 address as the URL parser writes it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const full = Array.from({ length: 8 }, (_, index) =>
          (((bytes[index * 2] ?? 0) << 8) | (bytes[index * 2 + 1] ?? 0)).toString(16),
        ).join(':')
        const compressed = new URL(`http://[${full}]/`).hostname.slice(1, -1)
        expect(isIP(compressed)).toBe(6)
        expect(parseIp(full)).toEqual(bytes)
        expect(parseIp(compressed)).toEqual(bytes)
      }),
    )
  })
})
