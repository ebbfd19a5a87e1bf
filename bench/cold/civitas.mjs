// Cold start: a fresh process verifies one credential with Civitas's built output (dist), as users run it.
import { verifyCredential } from '@civitas/credentials'
import { createResolver } from '@civitas/did'

const { issuer } = await verifyCredential(process.env.CIVITAS_COLD_TOKEN ?? '', {
  resolver: createResolver(),
})
process.stdout.write(`verified ${issuer}\n`)
