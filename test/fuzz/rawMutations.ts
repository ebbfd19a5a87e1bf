import type { Prng } from './prng.js'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Characters that mean something to some parser: separators, padding, the other base64 alphabet, controls. */
const SPECIAL = [
  '.',
  '~',
  '=',
  '+',
  '/',
  ' ',
  '\n',
  '\u0000',
  '%',
  '"',
  '\\',
  '\uFEFF',
  '\uD800',
  'é',
  '😀',
  ':',
]

/** One raw mutation: a name for the tally and reproducers, and the edit. */
export interface RawMutation {
  name: string
  apply(text: string, prng: Prng, donors: readonly string[]): string
}

const at = (text: string, prng: Prng) => prng.int(text.length + 1)
const splice = (text: string, index: number, remove: number, insert = '') =>
  text.slice(0, index) + insert + text.slice(index + remove)
const separatorOf = (text: string) => (text.includes('~') ? '~' : '.')

/**
 * Byte-level edits a damaged or hostile token can undergo: bit flips, inserted and deleted bytes,
 * truncation, swapped and borrowed parts, `~` games on SD-JWTs, and abuse of the base64url alphabet.
 */
export const RAW_MUTATIONS: readonly RawMutation[] = [
  {
    name: 'bit-flip',
    apply: (text, prng) => {
      const index = prng.int(text.length)
      return splice(text, index, 1, String.fromCharCode(text.charCodeAt(index) ^ (1 << prng.int(8))))
    },
  },
  {
    name: 'insert-base64url',
    apply: (text, prng) => splice(text, at(text, prng), 0, prng.pick([...BASE64URL])),
  },
  { name: 'insert-special', apply: (text, prng) => splice(text, at(text, prng), 0, prng.pick(SPECIAL)) },
  {
    name: 'replace-char',
    apply: (text, prng) => splice(text, prng.int(text.length), 1, prng.pick([...BASE64URL])),
  },
  {
    name: 'delete-byte',
    apply: (text, prng) => splice(text, prng.int(text.length), 1 + prng.int(prng.chance(0.8) ? 1 : 16)),
  },
  { name: 'truncate', apply: (text, prng) => text.slice(0, prng.int(text.length)) },
  {
    name: 'truncate-at-separator',
    apply: (text, prng) => {
      const cuts = [...text.matchAll(/[.~]/g)].map((match) => (match.index as number) + prng.int(2))
      return cuts.length === 0 ? text : text.slice(0, prng.pick(cuts))
    },
  },
  {
    name: 'duplicate-range',
    apply: (text, prng) => {
      const start = prng.int(text.length)
      return splice(text, start, 0, text.slice(start, start + 1 + prng.int(64)))
    },
  },
  {
    name: 'swap-parts',
    apply: (text, prng) => {
      const separator = prng.chance(0.5) ? '.' : separatorOf(text)
      const parts = text.split(separator)
      const i = prng.int(parts.length)
      const j = prng.int(parts.length)
      ;[parts[i], parts[j]] = [parts[j] as string, parts[i] as string]
      return parts.join(separator)
    },
  },
  {
    name: 'drop-part',
    apply: (text, prng) => {
      const separator = prng.chance(0.5) ? '.' : separatorOf(text)
      const parts = text.split(separator)
      parts.splice(prng.int(parts.length), 1)
      return parts.join(separator)
    },
  },
  {
    name: 'borrow-part',
    apply: (text, prng, donors) => {
      const separator = prng.chance(0.5) ? '.' : separatorOf(text)
      const parts = text.split(separator)
      const donorParts = prng.pick(donors).split(separator)
      parts[prng.int(parts.length)] = prng.pick(donorParts)
      return parts.join(separator)
    },
  },
  {
    name: 'tilde-games',
    apply: (text, prng, donors) => {
      const parts = text.split('~')
      switch (prng.int(7)) {
        case 0:
          return `${text}~`
        case 1:
          return text.endsWith('~') ? text.slice(0, -1) : text.slice(0, text.lastIndexOf('~') + 1)
        case 2: {
          // repeat a disclosure
          const i = 1 + prng.int(Math.max(1, parts.length - 2))
          parts.splice(i, 0, parts[i] ?? '')
          return parts.join('~')
        }
        case 3:
          return splice(text, text.indexOf('~') + 1, 0, '~')
        case 4: {
          // reorder disclosures
          const middle = parts.slice(1, -1).reverse()
          return [parts[0], ...middle, parts.at(-1)].join('~')
        }
        case 5:
          return `${text}${prng.pick(donors).split('~').at(-1) ?? ''}`
        default:
          return `${text.split('.').slice(0, 3).join('.')}~${text}`
      }
    },
  },
  {
    name: 'base64-alphabet',
    apply: (text, prng) => {
      switch (prng.int(4)) {
        case 0:
          return text.replace(prng.chance(0.5) ? '-' : '_', prng.chance(0.5) ? '+' : '/')
        case 1: {
          // padding after a segment
          const cuts = [...text.matchAll(/[.~]/g)].map((match) => match.index as number)
          return splice(
            text,
            cuts.length === 0 ? text.length : prng.pick(cuts),
            0,
            prng.chance(0.5) ? '=' : '==',
          )
        }
        case 2: {
          // spare low bits of a segment's last character
          const ends = [...text.matchAll(/[A-Za-z0-9_-](?=[.~]|$)/g)].map((match) => match.index as number)
          if (ends.length === 0) return text
          const index = prng.pick(ends)
          const value = BASE64URL.indexOf(text[index] as string)
          return splice(text, index, 1, BASE64URL[(value ^ (1 + prng.int(3))) & 63])
        }
        default:
          return splice(text, prng.int(text.length), 1, prng.pick(['*', '!', '$', '&', ',', '\t']))
      }
    },
  },
  {
    name: 'case-flip',
    apply: (text, prng) => {
      const index = prng.int(text.length)
      const char = text[index] as string
      const flipped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase()
      return splice(text, index, 1, flipped)
    },
  },
]

/** One to three raw mutations stacked; the names joined with `+`. */
export function mutateRaw(
  text: string,
  prng: Prng,
  donors: readonly string[],
): { name: string; mutant: string } {
  const count = prng.chance(0.7) ? 1 : 2 + prng.int(2)
  let mutant = text
  const names: string[] = []
  // An emptied text has nothing left to edit.
  for (let i = 0; i < count && mutant.length > 0; i++) {
    const mutation = prng.pick(RAW_MUTATIONS)
    names.push(mutation.name)
    mutant = mutation.apply(mutant, prng, donors)
  }
  return { name: names.join('+'), mutant }
}
