// Cold start: a fresh process verifies one credential with did-jwt-vc and key-did-resolver.
import { verifyCredential } from 'did-jwt-vc'
import { Resolver } from 'did-resolver'
import { getResolver } from 'key-did-resolver'

const { issuer } = await verifyCredential(process.env.CIVITAS_COLD_TOKEN ?? '', new Resolver(getResolver()))
process.stdout.write(`verified ${issuer.id ?? issuer}\n`)
