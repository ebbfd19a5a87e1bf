import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { type RequestOptions as HttpsRequestOptions, request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { CivitasError } from '@civitas/core'
import type { GuardedFetchAddress } from '../types.js'
import {
  bareHost,
  bufferedResponse,
  checkAddresses,
  checkLength,
  concat,
  type GuardedRequest,
  type GuardSettings,
  isRedirect,
  networkFailed,
  redirectTarget,
} from './guard.js'

/**
 * Node's guarded request: resolve the host, refuse it unless every address is public (or the host
 * is allow-listed), then connect to that checked address only (the request's `lookup` answers
 * with it), so a DNS answer that changes between check and connect cannot redirect the request.
 */
export async function sendGuardedRequest(
  request: GuardedRequest,
  settings: GuardSettings,
): Promise<Response> {
  const address = await raceAbort(checkedAddress(request, settings), request.signal)
  let current = request.url
  for (let hops = 0; ; hops++) {
    const response = await raceAbort(get(current, address, request, settings), request.signal)
    try {
      const status = response.statusCode ?? 0
      if (isRedirect(status) && request.redirect !== 'manual') {
        current = redirectTarget(current, response.headers.location, hops, request, settings)
        continue
      }
      const encoding = response.headers['content-encoding']
      if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
        throw new CivitasError(
          'ERR_FETCH_FAILED',
          `${current.origin}: the host sent a content-encoded body`,
          {
            details: { reason: 'contentEncoding' },
          },
        )
      }
      const declared = response.headers['content-length']
      if (declared !== undefined && request.method !== 'HEAD')
        checkLength(Number(declared), current, settings)
      const body =
        request.method === 'HEAD'
          ? null
          : await raceAbort(readBody(response, current, settings), request.signal)
      return bufferedResponse(
        body,
        { status, statusText: response.statusMessage ?? '', headers: headersOf(response) },
        current,
        hops > 0,
      )
    } finally {
      response.destroy()
    }
  }
}

async function checkedAddress(
  request: GuardedRequest,
  settings: GuardSettings,
): Promise<GuardedFetchAddress> {
  const hostname = bareHost(request.url.hostname)
  const family = isIP(hostname)
  let addresses: readonly GuardedFetchAddress[]
  try {
    addresses =
      family !== 0 ? [{ address: hostname, family }] : await (settings.lookup ?? defaultLookup)(hostname)
  } catch (cause) {
    throw new CivitasError('ERR_FETCH_FAILED', `cannot resolve the host ${hostname.slice(0, 253)}`, {
      cause,
      details: { reason: 'dns' },
    })
  }
  const first = addresses[0]
  if (first === undefined) {
    throw new CivitasError('ERR_FETCH_FAILED', `the host ${hostname.slice(0, 253)} has no address`, {
      details: { reason: 'dns' },
    })
  }
  checkAddresses(
    hostname,
    addresses.map((candidate) => candidate.address),
    request.hostAllowed,
    settings,
  )
  return first
}

function defaultLookup(hostname: string): Promise<readonly GuardedFetchAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true })
}

function get(
  url: URL,
  address: GuardedFetchAddress,
  request: GuardedRequest,
  settings: GuardSettings,
): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const family = address.family === 6 ? 6 : 4
    if (options.all === true) callback(null, [{ address: address.address, family }])
    else callback(null, address.address, family)
  }
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  delete headers.host
  headers['accept-encoding'] = 'identity'
  const options: HttpsRequestOptions = {
    method: request.method,
    hostname: bareHost(url.hostname),
    port: url.port === '' ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers,
    lookup: pinned,
    agent: false,
    signal: request.signal,
  }
  if (settings.ca !== undefined) options.ca = caOf(settings.ca)
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(options, resolve)
    outgoing.on('error', (cause) => reject(networkFailed(url, cause)))
    outgoing.end()
  })
}

async function readBody(response: IncomingMessage, url: URL, settings: GuardSettings): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    for await (const chunk of response as AsyncIterable<Uint8Array>) {
      length += chunk.length
      checkLength(length, url, settings)
      chunks.push(chunk)
    }
  } catch (cause) {
    throw cause instanceof CivitasError ? cause : networkFailed(url, cause)
  }
  return concat(chunks, length)
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers()
  const raw = response.rawHeaders
  for (let index = 0; index + 1 < raw.length; index += 2) {
    try {
      headers.append(raw[index] ?? '', raw[index + 1] ?? '')
    } catch {
      // A header the Fetch standard cannot hold is dropped, as fetch would.
    }
  }
  return headers
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

function caOf(ca: NonNullable<GuardSettings['ca']>): string | Buffer | (string | Buffer)[] {
  const one = (entry: string | Uint8Array) => (typeof entry === 'string' ? entry : Buffer.from(entry))
  return typeof ca === 'string' || ca instanceof Uint8Array ? one(ca) : ca.map(one)
}
