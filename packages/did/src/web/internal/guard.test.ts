import { describe, expect, it } from 'vitest'
import type { CreateGuardedFetchOptions } from '../types.js'
import { checkAddresses, guardSettings } from './guard.js'
import { addressScope } from './isPublicAddress.js'

const PRIVATE = ['10.0.0.1', '172.16.5.4', '192.168.1.10', 'fd00:ec2::254', '::ffff:10.0.0.1']
const LOOPBACK = ['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1']
// Never opened by a switch: link-local (cloud metadata lives there), CGNAT, unspecified, multicast.
const FORBIDDEN = [
  '169.254.169.254',
  'fe80::1',
  '::ffff:169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '::',
  '224.0.0.1',
]

/** The guard's verdict on `address` for a host that is not allow-listed (or is, with `allowed`). */
function verdict(address: string, options: CreateGuardedFetchOptions, allowed = false): string {
  try {
    checkAddresses('issuer.civitas.test', [address], allowed, guardSettings(options))
    return 'reached'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('the address guard decides private, loopback and link-local apart', () => {
  it('behavior: each address has its scope', () => {
    for (const address of PRIVATE) expect(addressScope(address), address).toBe('private')
    for (const address of LOOPBACK) expect(addressScope(address), address).toBe('loopback')
    for (const address of FORBIDDEN) expect(addressScope(address), address).toBe('forbidden')
    expect(addressScope('93.184.215.14')).toBe('public')
  })

  it('error: allowPrivateAddresses opens private networks only, never loopback or 169.254.169.254', () => {
    const options = { allowPrivateAddresses: true }
    for (const address of PRIVATE) expect(verdict(address, options), address).toBe('reached')
    for (const address of [...LOOPBACK, ...FORBIDDEN]) {
      expect(verdict(address, options), address).toBe('ERR_ADDRESS_FORBIDDEN')
    }
  })

  it('error: allowLoopback opens loopback only, never private networks or 169.254.169.254', () => {
    const options = { allowLoopback: true }
    for (const address of LOOPBACK) expect(verdict(address, options), address).toBe('reached')
    for (const address of [...PRIVATE, ...FORBIDDEN]) {
      expect(verdict(address, options), address).toBe('ERR_ADDRESS_FORBIDDEN')
    }
  })

  it('error: both switches together still refuse link-local and metadata; only an allow-listed host reaches them', () => {
    const both = { allowPrivateAddresses: true, allowLoopback: true }
    for (const address of FORBIDDEN) {
      expect(verdict(address, both), address).toBe('ERR_ADDRESS_FORBIDDEN')
      expect(verdict(address, {}, true), address).toBe('reached')
    }
    expect(() => checkAddresses('h.example', ['169.254.169.254'], false, guardSettings(both))).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ scope: 'forbidden', reason: 'address' }),
      }),
    )
  })

  it('error: a host with one public and one loopback address is refused unless loopback is open', () => {
    const addresses = ['93.184.215.14', '127.0.0.1']
    expect(() => checkAddresses('h.example', addresses, false, guardSettings({}))).toThrow(
      expect.objectContaining({
        code: 'ERR_ADDRESS_FORBIDDEN',
        details: expect.objectContaining({ scope: 'loopback' }),
      }),
    )
    expect(() =>
      checkAddresses('h.example', addresses, false, guardSettings({ allowLoopback: true })),
    ).not.toThrow()
  })
})
