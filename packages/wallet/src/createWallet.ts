import { CivitasError, type Clock, type SignatureAlgorithm, systemClock } from '@civitas/core'
import {
  type ClaimPath,
  type CredentialFormat,
  createPresentation,
  type VerifiedCredential,
  verifyCredential,
} from '@civitas/credentials'
import { jwkThumbprint, type KeyStore } from '@civitas/crypto'
import { type Identity, type Resolvable, resolveVerificationKey } from '@civitas/did'
import type { QrErrorCorrection } from '@civitas/qr'
import { answerSignIn } from './internal/answerSignIn.js'
import type { PairwiseIdentities } from './internal/pairwiseIdentities.js'
import { recordOf } from './internal/recordOf.js'
import type { RespondOptions, RespondResult } from './internal/respondTypes.js'
import type { CredentialFilter, CredentialRecord, CredentialStore } from './types.js'

let qrCodec: Promise<typeof import('@civitas/qr')> | undefined
/** Loaded on first use, so wallets that never show a QR code do not carry the codec. */
function loadQrCodec() {
  qrCodec ??= import('@civitas/qr')
  return qrCodec
}

/** Options for {@link createWallet}. */
export interface CreateWalletOptions {
  /** The holder: the DID credentials are issued to, and the key presentations are signed with. */
  identity: Identity
  credentialStore: CredentialStore
  /** Resolves issuers' DIDs when credentials arrive. */
  resolver: Resolvable
  clock?: Clock
  /** Holds the keys of the pairwise identities (one did:peer per relying party); needed for `pairwise`. */
  keyStore?: KeyStore
  /**
   * `'sign-in'` (the default when a `keyStore` is given): a sign-in answers each relying party with
   * its own DID whenever credentials issued to that DID answer the request, so two relying parties
   * never see the same DID or key. `false`: always the main `identity`.
   */
  pairwise?: 'sign-in' | false
  /** The algorithm of pairwise identities' keys (default ES256, which every browser's WebCrypto has). */
  pairwiseAlg?: SignatureAlgorithm
}

/** Options for {@link Wallet.receive}. */
export interface ReceiveOptions {
  /** Keep a credential whose subject is not this wallet's DID (a bearer credential). Off by default. */
  allowBearer?: boolean
}

/** Options for {@link Wallet.present}. */
export interface PresentOptions {
  /** Ids of the credentials to present. */
  credentials?: readonly string[]
  /** Or: present the valid credentials of this type (the newest one). */
  type?: string
  /** The verifier the presentation is for. */
  audience: string
  /** The verifier's nonce. */
  nonce: string
  format?: CredentialFormat
  /**
   * For an SD-JWT VC: the claims to reveal (`['age_equal_or_over.18']`), or `'all'`. The wallet
   * keeps every disclosure; nothing selectively disclosable is revealed unless named here.
   */
  disclose?: readonly ClaimPath[] | 'all'
  /**
   * `'qr'` also returns the presentation as compact QR text (`CV1:…`, see `@civitas/qr`) to show on
   * screen, e.g. with `renderQr(qr, { format: 'png' })` from `@civitas/qr/render`.
   */
  as?: 'token' | 'qr'
  /** The error-correction level the QR code will be printed at, which bounds its capacity (default `M`). */
  errorCorrection?: QrErrorCorrection
}

/** What {@link Wallet.present} returns. */
export interface PresentResult {
  token: string
  format: CredentialFormat
  /** The presentation as QR text (`CV1:…`), when asked for with `as: 'qr'`; decodes to exactly `token`. */
  qr?: string
}

/** The holder role: receive (verify, then store), query, present. */
export interface Wallet {
  readonly did: string
  /** Verifies a credential and stores it. Throws the verification error and stores nothing on failure. */
  receive(token: string, options?: ReceiveOptions): Promise<CredentialRecord>
  list(): Promise<CredentialRecord[]>
  query(filter: CredentialFilter): Promise<CredentialRecord[]>
  /** Signs a presentation of the chosen credentials for one verifier and nonce; `as: 'qr'` adds its QR text. */
  present(options: PresentOptions & { as: 'qr' }): Promise<PresentResult & { qr: string }>
  present(options: PresentOptions): Promise<PresentResult>
  /**
   * Answers a "sign in with your wallet" QR code (OpenID4VP cross-device): checks the request,
   * offers the matching credentials to `approve`, then sends presentations and a SIOPv2 ID token.
   */
  respond(qrText: string, options: RespondOptions): Promise<RespondResult>
  remove(id: string): Promise<boolean>
  /**
   * The identity this wallet uses with one relying party (by its full client id): with `pairwise`,
   * a did:peer made for it on first use and the same one after; otherwise the main identity. Give
   * its DID to an issuer to have credentials issued for that relying party alone.
   */
  identityFor(clientId: string): Promise<Identity>
}

/**
 * Creates a wallet for one identity. `receive` verifies every credential (signature, issuer key,
 * validity, schema) before it is stored, and refuses credentials issued to someone else.
 *
 * @throws from `receive`: the codes of `verifyCredential`, and `ERR_HOLDER_MISMATCH`; from `present`:
 *   `ERR_CREDENTIAL_NOT_FOUND` when no stored credential matches (`ERR_CREDENTIAL_STORE` when the store fails), and with `as: 'qr'` `ERR_QR_TOO_LARGE` when
 *   the presentation does not fit a QR code at the error-correction level.
 * @example
 * ```ts
 * import { createMemoryKeyStore } from '@civitas/crypto'
 * import { createResolver } from '@civitas/did'
 * import { createDidKey } from '@civitas/did/key'
 * import { createMemoryCredentialStore, createWallet } from '@civitas/wallet'
 *
 * const identity = await createDidKey({ keyStore: createMemoryKeyStore(), alg: 'ES256' })
 * const wallet = createWallet({ identity, credentialStore: createMemoryCredentialStore(), resolver: createResolver() })
 * declare const residencyCard: string
 * await wallet.receive(residencyCard)
 * const { token } = await wallet.present({ type: 'ResidencyCard', audience: 'https://hotel.example', nonce: 'n-0S6_WzA2Mj' })
 * // or as a QR code on screen: const { qr } = await wallet.present({ ..., as: 'qr' }); renderQr(qr, { format: 'terminal' })
 * ```
 */
export function createWallet(options: CreateWalletOptions): Wallet {
  const { identity, credentialStore, resolver, clock = systemClock, keyStore } = options
  const pairwiseMode = options.pairwise ?? (keyStore === undefined ? false : 'sign-in')
  if (pairwiseMode !== false && keyStore === undefined) {
    throw new CivitasError('ERR_INVALID_ARGUMENT', 'pairwise: pairwise identities need a keyStore')
  }
  const pairwise =
    pairwiseMode === false || keyStore === undefined
      ? undefined
      : lazyPairwiseIdentities(keyStore, options.pairwiseAlg ?? 'ES256')

  async function choose(present: PresentOptions): Promise<CredentialRecord[]> {
    if (present.credentials !== undefined) {
      const records = await Promise.all(present.credentials.map((id) => credentialStore.get(id)))
      const missing = present.credentials.filter((_, index) => records[index] === undefined)
      if (missing.length > 0) {
        throw new CivitasError('ERR_CREDENTIAL_NOT_FOUND', 'the wallet holds no credential with these ids', {
          details: { missing: missing.map((id) => id.slice(0, 200)) },
        })
      }
      return records as CredentialRecord[]
    }
    const filter = { validAt: clock(), ...(present.type === undefined ? {} : { type: present.type }) }
    const newest = (await credentialStore.list(filter)).sort((a, b) => b.receivedAt - a.receivedAt)[0]
    if (newest === undefined) {
      throw new CivitasError(
        'ERR_CREDENTIAL_NOT_FOUND',
        `the wallet holds no valid ${present.type ?? 'credential'}`,
        {
          details: { type: present.type ?? null },
        },
      )
    }
    return [newest]
  }

  /**
   * A credential is this wallet's when issued to its DID (or one of its pairwise DIDs) and, for
   * SD-JWT VC, bound to that identity's key.
   */
  async function isBoundToMe(credential: VerifiedCredential): Promise<boolean> {
    const pairwiseKey =
      credential.subject === undefined ? undefined : await pairwise?.keyOf(credential.subject)
    if (credential.format !== 'dc+sd-jwt')
      return credential.subject === identity.did || pairwiseKey !== undefined
    if (credential.holderKey === undefined) return false
    if (pairwiseKey !== undefined) {
      return (await jwkThumbprint(pairwiseKey.publicJwk)) === (await jwkThumbprint(credential.holderKey))
    }
    if (credential.subject !== undefined && credential.subject !== identity.did) return false
    const { publicJwk } = await resolveVerificationKey({
      resolver,
      kid: identity.kid,
      relationship: 'authentication',
    })
    return (await jwkThumbprint(publicJwk)) === (await jwkThumbprint(credential.holderKey))
  }

  async function present(options: PresentOptions & { as: 'qr' }): Promise<PresentResult & { qr: string }>
  async function present(options: PresentOptions): Promise<PresentResult>
  async function present(options: PresentOptions): Promise<PresentResult> {
    const records = await choose(options)
    const presentation = await createPresentation({
      holder: identity,
      credentials: records.map((record) => record.token),
      audience: options.audience,
      nonce: options.nonce,
      clock,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.disclose === undefined ? {} : { disclose: options.disclose }),
    })
    if (options.as !== 'qr') return presentation
    const { encodeQr } = await loadQrCodec()
    return {
      ...presentation,
      qr: encodeQr(presentation.token, { errorCorrection: options.errorCorrection ?? 'M' }),
    }
  }

  return {
    did: identity.did,
    async receive(token, receiveOptions = {}) {
      const credential = await verifyCredential(token, { resolver, clock })
      if (receiveOptions.allowBearer !== true && !(await isBoundToMe(credential))) {
        throw new CivitasError(
          'ERR_HOLDER_MISMATCH',
          'the credential was issued to another subject than this wallet',
        )
      }
      const record = recordOf(credential, clock())
      await credentialStore.put(record)
      return record
    },
    list: () => credentialStore.list(),
    query: (filter) => credentialStore.list(filter),
    present,
    respond: (qrText, respondOptions) =>
      answerSignIn(qrText, respondOptions, {
        identity,
        credentialStore,
        resolver,
        clock,
        ...(pairwise === undefined ? {} : { identityFor: pairwise.identityFor }),
      }),
    remove: (id) => credentialStore.delete(id),
    identityFor: async (clientId) => (pairwise === undefined ? identity : pairwise.identityFor(clientId)),
  }
}

/** Pairwise identities whose code (and did:peer's) loads with their first use. */
function lazyPairwiseIdentities(keyStore: KeyStore, alg: SignatureAlgorithm): PairwiseIdentities {
  let loaded: Promise<PairwiseIdentities> | undefined
  const load = () => {
    loaded ??= import('./internal/pairwiseIdentities.js').then((module) =>
      module.createPairwiseIdentities(keyStore, alg),
    )
    return loaded
  }
  return {
    identityFor: async (clientId) => (await load()).identityFor(clientId),
    keyOf: async (did) => (await load()).keyOf(did),
  }
}
