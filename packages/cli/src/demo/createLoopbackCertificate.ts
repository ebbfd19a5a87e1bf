import { generate } from 'selfsigned'

/** A certificate and its private key, both PEM. */
export interface LoopbackCertificate {
  cert: string
  key: string
}

/**
 * A self-signed P-256 certificate for `hosts` (the first is also its common name), made on the spot
 * for a loopback HTTPS server; clients trust it by passing `cert` as their `ca`.
 *
 * @see {@link startLoopbackServer} with `httpsHost`, which makes one for its host.
 * @throws nothing of its own.
 * @example
 * ```ts
 * import { createServer } from 'node:https'
 * import { createLoopbackCertificate } from '@civitas/cli/demo'
 *
 * const { cert, key } = await createLoopbackCertificate(['tartu.civitas.test'])
 * const server = createServer({ cert, key }, (_request, response) => response.end('hello'))
 * ```
 */
export async function createLoopbackCertificate(hosts: readonly string[]): Promise<LoopbackCertificate> {
  const { cert, private: key } = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) }],
  })
  return { cert, key }
}
