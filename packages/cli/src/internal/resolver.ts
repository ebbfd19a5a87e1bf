import { createResolver } from '@civitas/did'
import { didWebResolver } from '@civitas/did/web'

/** The resolver the commands use: did:key and did:jwk offline, did:web over HTTPS. */
export function cliResolver() {
  return createResolver({ resolvers: [didWebResolver()] })
}
