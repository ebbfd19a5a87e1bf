import type { SignatureAlgorithm } from '@civitas/core'
import {
  decodeJws,
  generateKeyPair,
  signJws,
  signWithJwk,
  verifyJws,
  verifySignatureNative,
  verifySignaturePortable,
} from '@civitas/crypto'
import { compactVerify, importJWK } from 'jose'
import { verifyFloor } from './support/floor.js'
import { type BenchCase, compare, isMain, printTable } from './support/measure.js'

const PORTABLE = 'civitas raw verify, portable (@noble/curves)'

/** Signature verification per algorithm: Civitas's native and portable paths side by side, and jose. */
export async function run(): Promise<void> {
  for (const alg of ['EdDSA', 'ES256', 'ES256K'] as SignatureAlgorithm[]) {
    const { publicJwk, privateJwk } = await generateKeyPair({ alg })
    const signer = { alg, sign: (data: Uint8Array) => signWithJwk({ privateJwk, data }) }
    const token = await signJws({
      payload: { sub: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
      signer,
    })
    const { signingInput: data, signature } = decodeJws(token)
    const options = { publicJwk, alg, data, signature }
    const cases: BenchCase[] = [
      {
        label: 'civitas raw verify, native',
        library: 'civitas',
        task: () => verifySignatureNative(options),
      },
      {
        label: 'civitas verifyJws (whole JWS)',
        library: 'civitas',
        task: () => verifyJws(token, { publicJwk }),
      },
      { label: PORTABLE, library: 'civitas', task: () => verifySignaturePortable(options) },
      verifyFloor('floor: node:crypto verify with a KeyObject', [{ jws: token, publicJwk }]),
    ]
    if (alg !== 'ES256K') {
      const key = await importJWK(publicJwk, alg)
      cases.push({
        label: 'jose compactVerify (whole JWS)',
        library: 'jose',
        task: () => compactVerify(token, key),
      })
    }
    printTable(`signature check only, ${alg}`, await compare(cases))
  }
}

if (isMain(import.meta.url)) await run()
