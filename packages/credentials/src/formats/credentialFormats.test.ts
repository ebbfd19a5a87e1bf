import { createResolver } from '@civitas/did'
import { describe, expect, it } from 'vitest'
import {
  formatSamples,
  SAMPLE_AUDIENCE,
  SAMPLE_NONCE,
  sampleClock,
} from '../../../../test/support/formatSamples.js'
import { createPresentation } from '../createPresentation.js'
import { issueCredential } from '../issueCredential.js'
import type { CheckName, CredentialFormat } from '../types.js'
import { verifyCredential } from '../verifyCredential.js'
import { verifyPresentation } from '../verifyPresentation.js'
import { credentialFormatNamed } from './credentialFormatNamed.js'
import { credentialFormats, defaultCredentialFormat } from './credentialFormats.js'
import { detectCredentialFormat } from './detectCredentialFormat.js'
import { readCredentialToken } from './readCredentialToken.js'

// Every name of the CredentialFormat union; the compiler refuses this list when the union grows.
const NAMES = Object.keys({
  'vc+jwt': true,
  jwt_vc_json: true,
  'dc+sd-jwt': true,
} satisfies Record<CredentialFormat, true>)

describe('credentialFormats', () => {
  it('behavior: every CredentialFormat has exactly one entry, and the default is one of them', () => {
    expect(credentialFormats.map((module) => module.format).sort()).toEqual([...NAMES].sort())
    expect(credentialFormats).toContain(defaultCredentialFormat)
    for (const name of NAMES) expect(credentialFormatNamed(name)?.format).toBe(name)
    expect(credentialFormatNamed('eu-dcc')).toBeUndefined()
    expect(credentialFormatNamed(undefined)).toBeUndefined()
  })

  it.each(credentialFormats.map((module) => [module.format, module] as const))(
    'behavior: %s declares detection, its checks in order starting with parse, its operations and DCQL',
    (_, module) => {
      for (const operation of [
        module.detect,
        module.verifyCredential,
        module.verifyPresentation,
        module.issue,
        module.present,
        module.subjectClaims,
      ]) {
        expect(typeof operation).toBe('function')
      }
      for (const kind of ['credential', 'presentation'] as const) {
        const checks = module.checks[kind]
        expect(checks[0]).toBe('parse')
        expect(new Set(checks).size).toBe(checks.length)
      }
      expect(['type_values', 'vct_values']).toContain(module.dcql.typesMeta)
      expect(['subject', 'key']).toContain(module.holderBinding)
    },
  )

  for (const module of credentialFormats) {
    it(`behavior: ${module.format} tokens are detected as that format and verified through exactly its checks`, async () => {
      const { credential, presentation, resolver } = await formatSamples(module.format)
      expect(detectCredentialFormat(readCredentialToken(credential))).toEqual({ module, kind: 'credential' })
      expect(detectCredentialFormat(readCredentialToken(presentation))).toEqual({
        module,
        kind: 'presentation',
      })
      const ran: CheckName[] = []
      const verified = await verifyCredential(credential, {
        resolver,
        clock: sampleClock,
        onCheck: (name, ok) => ok && ran.push(name),
      })
      expect(verified.format).toBe(module.format)
      expect(ran).toEqual(module.checks.credential)
      ran.length = 0
      await verifyPresentation(presentation, {
        resolver,
        clock: sampleClock,
        audience: SAMPLE_AUDIENCE,
        nonce: SAMPLE_NONCE,
        onCheck: (name, ok) => ok && ran.push(name),
      })
      expect(ran).toEqual(module.checks.presentation)
    })
  }

  it.each([
    ['an EU DCC', 'ERR_JWS_MALFORMED', 'HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N'],
    [
      'a SMART Health Card',
      'ERR_JWS_MALFORMED',
      'shc:/56762909524320603460292437404460312229595326546034602925',
    ],
    ['free text', 'ERR_JWS_MALFORMED', 'hello gate'],
    ['an empty string', 'ERR_JWS_MALFORMED', ''],
    [
      'a JWS of another type',
      'ERR_TOKEN_TYPE_INVALID',
      'eyJhbGciOiJFZERTQSIsInR5cCI6ImZvbyJ9.eyJ2YyI6e319.c2ln',
    ],
  ])('error: %s is recognised by no format and refused at parse with %s', async (_, code, input) => {
    expect(detectCredentialFormat(readCredentialToken(input))).toBeUndefined()
    await expect(verifyCredential(input, { resolver: createResolver() })).rejects.toMatchObject({
      code,
      details: { check: 'parse' },
    })
  })

  it('error: a non-string input is refused with ERR_JWS_MALFORMED, as before the table', async () => {
    const token = readCredentialToken(42 as unknown as string)
    expect(detectCredentialFormat(token)).toBeUndefined()
    expect(() => token.jws(1_000)).toThrow(expect.objectContaining({ code: 'ERR_JWS_MALFORMED' }))
  })

  it('error: naming a format the token is not in fails its parse check with ERR_TOKEN_TYPE_INVALID', async () => {
    const { credential, resolver } = await formatSamples('vc+jwt')
    await expect(verifyCredential(credential, { resolver, format: 'jwt_vc_json' })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
      details: { check: 'parse' },
    })
    await expect(verifyCredential(credential, { resolver, format: 'dc+sd-jwt' })).rejects.toMatchObject({
      code: 'ERR_TOKEN_TYPE_INVALID',
    })
  })

  it('error: issuing or presenting in a format the table lacks is ERR_INVALID_ARGUMENT', async () => {
    const { city, citizen, credential } = await formatSamples('vc+jwt')
    const format = 'eu-dcc' as CredentialFormat
    await expect(issueCredential({ issuer: city, credential: {}, format })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
    await expect(
      createPresentation({ holder: citizen, credentials: [credential], format }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
  })
})

describe('readCredentialToken', () => {
  it('behavior: a token is decoded once, and the decoding reused for detection and verification', async () => {
    const { credential } = await formatSamples('vc+jwt')
    const token = readCredentialToken(credential)
    expect(token.jws(1_048_576)).toBe(token.jws(262_144))
  })

  it('error: a kept decoding does not lift a lower limit: ERR_INPUT_TOO_LARGE', async () => {
    const { credential } = await formatSamples('vc+jwt')
    const token = readCredentialToken(credential)
    token.jws(credential.length)
    expect(() => token.jws(credential.length - 1)).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    )
  })

  it('behavior: a text refused by size under one limit is decoded under a limit it fits', async () => {
    const { credential } = await formatSamples('vc+jwt')
    const token = readCredentialToken(credential)
    expect(() => token.jws(credential.length - 1)).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_TOO_LARGE' }),
    )
    expect(token.jws(credential.length).header.typ).toBe('vc+jwt')
  })

  it('error: a failed decoding is kept and thrown again, with its code', () => {
    const token = readCredentialToken('not.a.jws!')
    let first: unknown
    try {
      token.jws(100)
    } catch (error) {
      first = error
    }
    expect(first).toMatchObject({ code: 'ERR_BASE64URL_INVALID' })
    expect(() => token.jws(100)).toThrow(first as Error)
  })
})
