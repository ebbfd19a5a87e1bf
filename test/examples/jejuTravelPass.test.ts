import { fixedClock } from '@civitas/core'
import { describe, expect, it } from 'vitest'
import { runJejuTravelPassExample } from '../../examples/jeju-travel-pass/runJejuTravelPassExample.js'
import { disableNetwork } from '../support/offlineNetwork.js'

const fetched = disableNetwork('the whole example runs offline')

describe('the Jeju travel pass example (no network)', () => {
  it('behavior: the offline gate admits a valid pass from a PNG and refuses revoked, untrusted and outdated ones by code', async () => {
    const lines: string[] = []
    await runJejuTravelPassExample((line) => lines.push(line), fixedClock('2026-11-23T07:00:00Z'))
    expect(lines).toContainEqual(expect.stringMatching(/Hana: ADMITTED — cleared, pass valid to 2026-12-06/))
    expect(lines).toContainEqual(expect.stringMatching(/Lucas: REFUSED ERR_CREDENTIAL_REVOKED/))
    expect(lines).toContainEqual(
      expect.stringMatching(
        /Mina: ADMITTED — cleared, pass valid to 2026-12-06; the gate saw clearance and window only/,
      ),
    )
    expect(lines).toContainEqual(expect.stringMatching(/Mallory .*: REFUSED ERR_UNTRUSTED_ISSUER/))
    expect(lines).toContainEqual(
      expect.stringMatching(/photographed off her screen .*: REFUSED ERR_PRESENTATION_REQUIRED/),
    )
    expect(lines).toContainEqual(expect.stringMatching(/a week later.*: REFUSED ERR_TRUST_BUNDLE_EXPIRED/))
    expect(lines).toContainEqual(expect.stringMatching(/valid until 2026-11-24T07:00Z/))
    expect(fetched).toEqual([])
  }, 60_000)
})
