// Cold start: a fresh process sets up a Veramo agent (did:key resolver, JWT credentials) and verifies one credential.
import { createAgent } from '@veramo/core'
import { CredentialProviderJWT } from '@veramo/credential-jwt'
import { CredentialPlugin } from '@veramo/credential-w3c'
import { getDidKeyResolver } from '@veramo/did-provider-key'
import { DIDResolverPlugin } from '@veramo/did-resolver'

const agent = createAgent({
  plugins: [
    new DIDResolverPlugin({ ...getDidKeyResolver() }),
    new CredentialPlugin([new CredentialProviderJWT()]),
  ],
})
const result = await agent.verifyCredential({ credential: process.env.CIVITAS_COLD_TOKEN ?? '' })
if (!result.verified) throw new Error(String(result.error?.message))
process.stdout.write('verified\n')
