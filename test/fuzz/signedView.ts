/** What the signatures of a token cover, compared between an original token and a mutant. */
export type SignedChange =
  /** The mutant is the original. */
  | 'none'
  /** Every signed byte is the same; only a signature's text differs, decoding to the same bytes. */
  | 'signature-text'
  /** An SD-JWT without key binding lost or reordered disclosures the issuer signed: still signed content. */
  | 'disclosures-withheld'
  /** Some signed byte changed, or something unsigned was added: the verifier must refuse. */
  | 'signed-bytes'

interface Jws {
  signed: string
  signature: string
}

function readJws(text: string): Jws | undefined {
  const parts = text.split('.')
  if (parts.length !== 3) return undefined
  const [header, payload, signature] = parts as [string, string, string]
  return { signed: `${header}.${payload}`, signature }
}

/** Signature bytes as a lenient decoder sees them: equal text-level variants decode equal. */
function signatureBytes(text: string): string {
  return Buffer.from(text, 'base64url').toString('hex')
}

function compareJws(original: Jws, mutant: Jws | undefined): SignedChange {
  if (mutant === undefined || mutant.signed !== original.signed) return 'signed-bytes'
  if (mutant.signature === original.signature) return 'none'
  return signatureBytes(mutant.signature) === signatureBytes(original.signature)
    ? 'signature-text'
    : 'signed-bytes'
}

const ORDER: SignedChange[] = ['none', 'signature-text', 'disclosures-withheld', 'signed-bytes']
const worst = (...changes: SignedChange[]) =>
  changes.reduce((a, b) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b), 'none')

/**
 * How a mutant differs from the original in what was signed. A compact JWS signs `header.payload`
 * (a presentation's embedded credentials included); an SD-JWT's issuer signs its JWT and, through the
 * digests, exactly the original disclosures; a key-binding JWT signs `sd_hash` over the whole
 * `<JWT>~<D1>~…~`, so with key binding any change to the disclosures is a change of signed bytes.
 */
export function signedChange(original: string, mutant: string): SignedChange {
  if (mutant === original) return 'none'
  if (!original.includes('~'))
    return mutant.includes('~') ? 'signed-bytes' : compareJws(readJws(original) as Jws, readJws(mutant))
  if (!mutant.includes('~')) return 'signed-bytes'
  const [jwt = '', ...rest] = original.split('~')
  const keyBinding = rest.pop() as string
  const [mutantJwt = '', ...mutantRest] = mutant.split('~')
  const mutantKeyBinding = mutantRest.pop() as string
  const issuer = compareJws(readJws(jwt) as Jws, readJws(mutantJwt))
  if (keyBinding !== '') {
    if (mutantKeyBinding === '') return 'signed-bytes'
    const sameDisclosures = mutantRest.join('~') === rest.join('~')
    return sameDisclosures
      ? worst(issuer, compareJws(readJws(keyBinding) as Jws, readJws(mutantKeyBinding)))
      : 'signed-bytes'
  }
  if (mutantKeyBinding !== '') return 'signed-bytes'
  const available = new Map<string, number>()
  for (const disclosure of rest) available.set(disclosure, (available.get(disclosure) ?? 0) + 1)
  for (const disclosure of mutantRest) {
    const left = available.get(disclosure) ?? 0
    if (left === 0) return 'signed-bytes'
    available.set(disclosure, left - 1)
  }
  return worst(issuer, mutantRest.join('~') === rest.join('~') ? 'none' : 'disclosures-withheld')
}
