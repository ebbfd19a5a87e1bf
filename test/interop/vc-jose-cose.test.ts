import { readFileSync } from 'node:fs'
import type { JsonObject, PublicJwk } from '@civitas/core'
import { issueCredential, verifyCredential, verifyPresentation } from '@civitas/credentials'
import { createMemoryKeyStore, decodeJws, verifyJws } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createDidJwk } from '@civitas/did/jwk'
import { compactVerify, importJWK } from 'jose'
import { describe, expect, it } from 'vitest'
import { readVector, vectorPath } from '../support/vectors.js'

// The W3C VC-JOSE-COSE test suite inputs (test/vectors/vc/w3c-vc-jose-cose-test-suite, see SOURCE.md).
// The suite's issuers are https URLs with thumbprint kids, not DIDs, so signatures are checked with
// the mapped key through the JWS layer, and the media-type and claim rules through verifyCredential /
// verifyPresentation, which apply them before resolving anyone.

interface MappedCase {
  number: number
  name: string
  input_file: string
  key_file: string
  fn: 'issue' | 'verify'
  feature: string
  expected_result: 'success' | 'failure'
}

const SUITE = 'vc/w3c-vc-jose-cose-test-suite'
const { cases } = readVector<{ cases: MappedCase[] }>(`${SUITE}/test-mapping.json`)
const input = (file: string) => readFileSync(vectorPath(`${SUITE}/input/${file}`), 'utf8').trim()
const keyOf = (file: string) =>
  readVector<{ publicKeyJwk: PublicJwk; secretKeyJwk: JsonObject }>(`${SUITE}/input/${file}`)
const resolver = createResolver()
const jose = cases.filter((vector) => vector.feature.endsWith('_jose'))

// Why each JOSE verify case fails in Civitas (the code of the first rule it breaks).
const EXPECTED_CODE: Record<number, string> = {
  7: 'ERR_ALGORITHM_UNSUPPORTED', // ES384 is outside EdDSA/ES256/ES256K
  9: 'ERR_ALGORITHM_UNSUPPORTED', // ES512
  10: 'ERR_JWS_MALFORMED', // unsecured JSON
  11: 'ERR_JWS_MALFORMED',
  12: 'ERR_SIGNATURE_INVALID',
  13: 'ERR_TOKEN_TYPE_INVALID', // typ bad+typ
  14: 'ERR_TOKEN_TYPE_INVALID',
  15: 'ERR_TOKEN_TYPE_INVALID', // vc / vp claims in a vc+jwt
}

describe('VC-JOSE-COSE test suite, JOSE verification cases', () => {
  for (const vector of jose.filter((entry) => entry.fn === 'verify')) {
    const token = input(vector.input_file)
    const { publicKeyJwk } = keyOf(vector.key_file)
    const presentation = vector.feature.startsWith('presentation')

    if (vector.expected_result === 'success' && !EXPECTED_CODE[vector.number]) {
      it(`behavior: #${vector.number} ${vector.name}: the signature verifies in Civitas and in jose`, async () => {
        const { kid: _kid, alg: _alg, ...key } = publicKeyJwk as PublicJwk & { alg?: string }
        await expect(verifyJws(decodeJws(token), { publicJwk: key as PublicJwk })).resolves.toBeDefined()
        await expect(compactVerify(token, await importJWK(publicKeyJwk))).resolves.toBeDefined()
      })
      continue
    }

    const code = EXPECTED_CODE[vector.number] ?? 'ERR_PRESENTATION_INVALID'
    it(`error: #${vector.number} ${vector.name} is refused with ${code}`, async () => {
      if (code === 'ERR_SIGNATURE_INVALID' || code === 'ERR_ALGORITHM_UNSUPPORTED') {
        const { kid: _kid, alg: _alg, ...key } = publicKeyJwk as PublicJwk & { alg?: string }
        const candidates = ['vm-p256.json', 'vm-ed25519.json'].map((file) => {
          const { kid: _k, alg: _a, ...jwk } = keyOf(file).publicKeyJwk as PublicJwk & { alg?: string }
          return jwk as PublicJwk
        })
        for (const candidate of [key as PublicJwk, ...candidates].filter(
          (jwk) => jwk.crv === 'Ed25519' || jwk.crv === 'P-256',
        )) {
          await expect(
            verifyJws(decodeJws(token, { payload: 'bytes' }), { publicJwk: candidate }),
          ).rejects.toMatchObject({
            code: expect.stringMatching(new RegExp(`${code}|ERR_ALGORITHM_MISMATCH`)),
          })
        }
        return
      }
      const verify = presentation ? verifyPresentation : verifyCredential
      await expect(verify(token, { resolver })).rejects.toMatchObject({ code, details: { check: 'parse' } })
    })
  }
})

describe('VC-JOSE-COSE test suite, JOSE issuing cases', () => {
  for (const vector of jose.filter((entry) => entry.fn === 'issue' && entry.feature === 'credential_jose')) {
    const { secretKeyJwk } = keyOf(vector.key_file)
    const supported = secretKeyJwk.crv === 'P-256' || secretKeyJwk.crv === 'Ed25519'
    it(`behavior: #${vector.number} ${vector.name} ${supported ? 'issues and verifies' : `is refused: ${String(secretKeyJwk.crv)} keys are not supported`}`, async () => {
      const keyStore = createMemoryKeyStore()
      const { kid: _kid, alg: _alg, ...privateJwk } = secretKeyJwk
      if (!supported) {
        await expect(keyStore.importKey({ privateJwk: privateJwk as never })).rejects.toMatchObject({
          code: 'ERR_ALGORITHM_UNSUPPORTED',
        })
        return
      }
      const { id } = await keyStore.importKey({ privateJwk: privateJwk as never })
      const issuer = await createDidJwk({ keyStore, keyId: id })
      const credential = JSON.parse(input(vector.input_file)) as JsonObject
      const { token } = await issueCredential({ issuer, credential: { ...credential, issuer: issuer.did } })
      const verified = await verifyCredential(token, { resolver })
      expect(verified).toMatchObject({ issuer: issuer.did, schema: 'unknown', id: credential.id })
      expect(decodeJws(token).header).toMatchObject({ typ: 'vc+jwt' })
    })
  }
})
