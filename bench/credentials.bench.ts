import { residencyCard } from '@civitas/cli/demo'
import type { SignatureAlgorithm } from '@civitas/core'
import {
  createPresentation,
  issueCredential,
  verifyCredential,
  verifyPresentation,
} from '@civitas/credentials'
import { createMemoryKeyStore } from '@civitas/crypto'
import { createResolver } from '@civitas/did'
import { createVerifier } from '@civitas/verifier'
import * as peer from 'did-jwt-vc'
import { importJWK, jwtVerify, SignJWT } from 'jose'
import { signFloor, verifyFloor } from './support/floor.js'
import { type BenchCase, compare, isMain, printTable } from './support/measure.js'
import {
  assertVerified,
  createParty,
  createPeerResolver,
  createVeramoAgent,
  createVeramoIdentifier,
  VERAMO_KEY_TYPES,
} from './support/parties.js'

const YEAR = 365 * 24 * 3600 * 1000
const AUDIENCE = 'https://hotel.example'
const NONCE = 'n-0S6_WzA2Mj'
/** Distinct issuers for the cold-resolver case: each verification meets a DID its resolver has not seen. */
const COLD_ISSUERS = 64
const CURVE = { EdDSA: 'Ed25519', ES256: 'P-256', ES256K: 'secp256k1' } as const

/**
 * The residency card per algorithm: issue, verify (warm and cold resolver) and the gate check,
 * Civitas next to did-jwt-vc, jose (where it fits: a key already in hand) and Veramo.
 */
export async function run(filter: readonly string[] = []): Promise<void> {
  const wants = (section: string) => filter.length === 0 || filter.some((word) => section.includes(word))
  for (const alg of ['EdDSA', 'ES256', 'ES256K'] as SignatureAlgorithm[]) {
    const setup = await prepare(alg)
    if (wants('issue')) printTable(`issue the residency card (${alg})`, await compare(setup.issueCases))
    if (wants('verify')) {
      printTable(`verify the residency card (${alg}, warm resolver)`, await compare(setup.verifyCases))
      printTable(
        `verify the residency card (${alg}, cold resolver: a new did:key issuer each time)`,
        await compare(setup.coldCases),
      )
    }
    if (wants('gate'))
      printTable(`gate check: presentation plus its credential (${alg})`, await compare(setup.gateCases))
  }
}

async function prepare(alg: SignatureAlgorithm) {
  const keyStore = createMemoryKeyStore()
  const city = await createParty(alg, keyStore)
  const citizen = await createParty(alg, keyStore)
  const resolver = createResolver()
  const peerResolver = createPeerResolver(true)
  const card = residencyCard(citizen.identity.did)
  const vcJwt = (await issueCredential({ issuer: city.identity, credential: card, validFor: YEAR })).token
  const jwtVcJson = (
    await issueCredential({ issuer: city.identity, credential: card, format: 'jwt_vc_json', validFor: YEAR })
  ).token
  const { d: _d, ...publicJwk } = city.privateJwk
  const veramo = VERAMO_KEY_TYPES[alg] === undefined ? undefined : createVeramoAgent()
  const veramoIssuer = veramo === undefined ? undefined : await createVeramoIdentifier(veramo, alg)
  const veramoCredential = {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential', 'ResidencyCard'],
    issuer: { id: veramoIssuer?.did ?? '' },
    credentialSubject: card.credentialSubject as { id: string },
  }
  const peerCredential = {
    sub: citizen.identity.did,
    nbf: Math.floor(Date.now() / 1000),
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'ResidencyCard'],
      credentialSubject: card.credentialSubject as never,
    },
  }

  const issueCases: BenchCase[] = [
    {
      label: 'civitas issueCredential (vc+jwt, schema checked)',
      library: 'civitas',
      task: () => issueCredential({ issuer: city.identity, credential: card, validFor: YEAR }),
    },
    {
      label: 'civitas issueCredential (jwt_vc_json, schema checked)',
      library: 'civitas',
      task: () =>
        issueCredential({ issuer: city.identity, credential: card, format: 'jwt_vc_json', validFor: YEAR }),
    },
    {
      label: 'did-jwt-vc createVerifiableCredentialJwt',
      library: 'did-jwt-vc',
      task: () => peer.createVerifiableCredentialJwt(peerCredential, city.peer as never),
    },
  ]
  if (alg !== 'ES256K') {
    const joseKey = await importJWK(city.privateJwk, alg)
    issueCases.push({
      label: 'jose SignJWT (no schema, no DID)',
      library: 'jose',
      task: () =>
        new SignJWT({ ...card })
          .setProtectedHeader({ alg, typ: 'vc+jwt', kid: city.identity.kid })
          .setIssuedAt()
          .setExpirationTime('1y')
          .sign(joseKey),
    })
  }
  issueCases.push(signFloor(`floor: node:crypto ${CURVE[alg]} signature only`, vcJwt, city.privateJwk))
  if (veramo !== undefined)
    issueCases.push({
      label: 'veramo createVerifiableCredential (jwt)',
      library: 'veramo',
      task: () => veramo.createVerifiableCredential({ credential: veramoCredential, proofFormat: 'jwt' }),
    })

  const verifier = createVerifier({ resolver, trust: { ResidencyCard: [city.identity.did] } })
  const verifyCases: BenchCase[] = [
    {
      label: 'civitas verifyCredential (vc+jwt)',
      library: 'civitas',
      task: () => verifyCredential(vcJwt, { resolver }),
    },
    {
      label: 'civitas verifyCredential (jwt_vc_json)',
      library: 'civitas',
      task: () => verifyCredential(jwtVcJson, { resolver }),
    },
    {
      label: 'civitas createVerifier().check (vc+jwt, trust and policy report)',
      library: 'civitas',
      task: async () => {
        if (!(await verifier.check(vcJwt)).ok) throw new Error('civitas verifier refused the card')
      },
    },
    {
      label: 'did-jwt-vc verifyCredential (jwt_vc_json)',
      library: 'did-jwt-vc',
      task: () => peer.verifyCredential(jwtVcJson, peerResolver),
    },
  ]
  if (alg !== 'ES256K') {
    const joseKey = await importJWK(publicJwk, alg)
    verifyCases.push({
      label: 'jose jwtVerify (vc+jwt, key imported once, no DID)',
      library: 'jose',
      task: () => jwtVerify(vcJwt, joseKey, { typ: 'vc+jwt' }),
    })
  }
  if (veramo !== undefined)
    verifyCases.push({
      label: 'veramo verifyCredential (jwt_vc_json)',
      library: 'veramo',
      task: async () => assertVerified(await veramo.verifyCredential({ credential: jwtVcJson }), 'veramo'),
    })
  // The floor: OpenSSL's check of the same token's signature, with nothing else around it.
  verifyCases.push(
    verifyFloor(`floor: node:crypto ${CURVE[alg]} signature check only`, [{ jws: vcJwt, publicJwk }]),
  )

  const coldTokens: { vcJwt: string; jwtVcJson: string }[] = []
  for (let index = 0; index < COLD_ISSUERS; index++) {
    const issuer = (await createParty(alg)).identity
    coldTokens.push({
      vcJwt: (await issueCredential({ issuer, credential: card, validFor: YEAR })).token,
      jwtVcJson: (await issueCredential({ issuer, credential: card, format: 'jwt_vc_json', validFor: YEAR }))
        .token,
    })
  }
  const cycle = () => {
    let next = 0
    return () => coldTokens[next++ % COLD_ISSUERS] as (typeof coldTokens)[number]
  }
  const civitasCold = cycle()
  const peerCold = cycle()
  const coldCases: BenchCase[] = [
    {
      label: 'civitas verifyCredential (vc+jwt, new resolver per call)',
      library: 'civitas',
      task: () => verifyCredential(civitasCold().vcJwt, { resolver: createResolver() }),
    },
    {
      label: 'did-jwt-vc verifyCredential (jwt_vc_json, new resolver per call)',
      library: 'did-jwt-vc',
      task: () => peer.verifyCredential(peerCold().jwtVcJson, createPeerResolver(false)),
    },
  ]
  if (veramo !== undefined) {
    const veramoCold = cycle()
    coldCases.push({
      label: 'veramo verifyCredential (jwt_vc_json, the agent resolves each time)',
      library: 'veramo',
      task: async () =>
        assertVerified(await veramo.verifyCredential({ credential: veramoCold().jwtVcJson }), 'veramo'),
    })
  }

  const ourVp = (
    await createPresentation({
      holder: citizen.identity,
      credentials: [vcJwt],
      audience: AUDIENCE,
      nonce: NONCE,
      validFor: 3600_000,
    })
  ).token
  const peerVp = await peer.createVerifiablePresentationJwt(
    {
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [jwtVcJson],
      },
      nbf: Math.floor(Date.now() / 1000),
    },
    citizen.peer as never,
    { domain: AUDIENCE, challenge: NONCE },
  )
  const gateCases: BenchCase[] = [
    {
      label: 'civitas verifyPresentation (vp+jwt with its vc+jwt)',
      library: 'civitas',
      task: () =>
        verifyPresentation(ourVp, { resolver, audience: AUDIENCE, nonce: NONCE, maxAgeMs: 3600_000 }),
    },
    {
      label: 'civitas createVerifier().check (same, with trust and policy report)',
      library: 'civitas',
      task: async () => {
        const report = await verifier.check(ourVp, { audience: AUDIENCE, nonce: NONCE })
        if (!report.ok) throw new Error('civitas verifier refused the presentation')
      },
    },
    {
      // did-jwt-vc's verifyPresentation only decodes the credential, so a gate verifies it too.
      label: 'did-jwt-vc verifyPresentation + verifyCredential',
      library: 'did-jwt-vc',
      task: async () => {
        await peer.verifyPresentation(peerVp, peerResolver, { domain: AUDIENCE, challenge: NONCE })
        await peer.verifyCredential(jwtVcJson, peerResolver)
      },
    },
  ]
  const { d: _holderD, ...holderJwk } = citizen.privateJwk
  gateCases.push(
    verifyFloor(`floor: node:crypto ${CURVE[alg]} checks of both signatures only`, [
      { jws: ourVp, publicJwk: holderJwk },
      { jws: vcJwt, publicJwk },
    ]),
  )
  if (veramo !== undefined)
    gateCases.push({
      label: 'veramo verifyPresentation + verifyCredential',
      library: 'veramo',
      task: async () => {
        assertVerified(
          await veramo.verifyPresentation({ presentation: peerVp, domain: AUDIENCE, challenge: NONCE }),
          'veramo',
        )
        assertVerified(await veramo.verifyCredential({ credential: jwtVcJson }), 'veramo')
      },
    })
  // Every case must succeed once before it is timed: a failing peer must not look fast.
  for (const { label, task } of [...issueCases, ...verifyCases, ...coldCases, ...gateCases]) {
    try {
      await task()
    } catch (error) {
      throw new Error(`${label} failed before timing: ${(error as Error).message}`)
    }
  }
  return { issueCases, verifyCases, coldCases, gateCases }
}

if (isMain(import.meta.url)) await run(process.argv.slice(2))
