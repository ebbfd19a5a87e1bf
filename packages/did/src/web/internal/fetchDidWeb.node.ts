import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { type RequestOptions as HttpsRequestOptions, request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { CivitasError, decodeUtf8 } from '@civitas/core'
import type { DidWebAddress } from '../types.js'
import { isPublicAddress } from './isPublicAddress.js'
import {
  ACCEPT,
  checkHeaders,
  checkLength,
  checkStatus,
  type FetchedDocument,
  type FetchSettings,
  isRedirect,
  maxAgeMsOf,
  redirectTarget,
  timedOut,
} from './response.js'

/**
 * Node's did:web fetch: resolve the host, refuse it unless every address is public (or the host
 * is allow-listed), then connect to that checked address only (the request's `lookup` answers
 * with it), so a DNS answer that changes between check and connect cannot redirect the request.
 */
export async function fetchDidWebDocument(
  url: URL,
  settings: FetchSettings,
  hostAllowed: boolean,
): Promise<FetchedDocument> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(timedOut(settings)), settings.timeoutMs)
  try {
    const address = await raceAbort(checkedAddress(url.hostname, settings, hostAllowed), controller.signal)
    let current = url
    for (let hops = 0; ; hops++) {
      const response = await raceAbort(get(current, address, settings, controller.signal), controller.signal)
      if (isRedirect(response.statusCode ?? 0)) {
        response.destroy()
        current = redirectTarget(current, response.headers.location, hops, settings.maxRedirects)
        continue
      }
      try {
        checkStatus(response.statusCode ?? 0)
        checkHeaders(response.headers['content-type'], response.headers['content-encoding'])
        const declared = response.headers['content-length']
        if (declared !== undefined) checkLength(Number(declared), settings)
        const body = await raceAbort(readBody(response, settings), controller.signal)
        return {
          body: decodeUtf8(body, { name: 'did:web document' }),
          maxAgeMs: maxAgeMsOf(response.headers['cache-control'], single(response.headers.age)),
        }
      } finally {
        response.destroy()
      }
    }
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

async function checkedAddress(
  hostname: string,
  settings: FetchSettings,
  hostAllowed: boolean,
): Promise<DidWebAddress> {
  let addresses: readonly DidWebAddress[]
  try {
    addresses = await (settings.lookup ?? defaultLookup)(hostname)
  } catch (cause) {
    throw new CivitasError('ERR_FETCH_FAILED', `did:web: cannot resolve the host ${hostname}`, {
      cause,
      details: { reason: 'dns' },
    })
  }
  const first = addresses[0]
  if (first === undefined) {
    throw new CivitasError('ERR_FETCH_FAILED', `did:web: the host ${hostname} has no address`, {
      details: { reason: 'dns' },
    })
  }
  if (!hostAllowed && !settings.allowPrivateAddresses) {
    // Every address must be public: an attacker's name may list a public one and a private one.
    const refused = addresses.find((candidate) => !isPublicAddress(candidate.address))
    if (refused !== undefined) {
      throw new CivitasError(
        'ERR_ADDRESS_FORBIDDEN',
        `did:web: ${hostname} resolves to a non-public address; allow-list the host to resolve it`,
        { details: { host: hostname.slice(0, 253), address: refused.address.slice(0, 64) } },
      )
    }
  }
  return first
}

function defaultLookup(hostname: string): Promise<readonly DidWebAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true })
}

function get(
  url: URL,
  address: DidWebAddress,
  settings: FetchSettings,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const family = address.family === 6 ? 6 : 4
    if (options.all === true) callback(null, [{ address: address.address, family }])
    else callback(null, address.address, family)
  }
  const options: HttpsRequestOptions = {
    method: 'GET',
    hostname: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers: { accept: ACCEPT, 'accept-encoding': 'identity' },
    lookup: pinned,
    agent: false,
    signal,
  }
  if (settings.ca !== undefined) options.ca = caOf(settings.ca)
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(options, resolve)
    request.on('error', (cause) =>
      reject(
        new CivitasError('ERR_FETCH_FAILED', `did:web: the request to ${url.host} failed`, {
          cause,
          details: { reason: 'network' },
        }),
      ),
    )
    request.end()
  })
}

async function readBody(response: IncomingMessage, settings: FetchSettings): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of response as AsyncIterable<Uint8Array>) {
    length += chunk.length
    checkLength(length, settings)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, length)
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function caOf(ca: NonNullable<FetchSettings['ca']>): string | Buffer | (string | Buffer)[] {
  const one = (entry: string | Uint8Array) => (typeof entry === 'string' ? entry : Buffer.from(entry))
  return typeof ca === 'string' || ca instanceof Uint8Array ? one(ca) : ca.map(one)
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
