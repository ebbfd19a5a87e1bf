import { describe, expect, it } from 'vitest'
import { readVector } from '../../../../test/support/vectors.js'
import { didWebDocumentUrl } from './didWebDocumentUrl.js'
import { parseDidWebDocument } from './internal/parseDidWebDocument.js'

interface UrlMapping {
  cases: { did: string; expectedUrl: string; section: string }[]
  invalidByRule: { did: string; reason: string; expectedUrlIfTreatedAsPath?: string }[]
  exampleDidDocuments: { id: string }[]
}

// ../shared/vectors/did-web/url-mapping.json (w3c-ccg/did-method-web, Read rule and examples)
const vectors = readVector<UrlMapping>('did-web/url-mapping.json')

describe('didWebDocumentUrl', () => {
  for (const { did, expectedUrl, section } of vectors.cases) {
    it(`behavior: ${did} maps to ${expectedUrl} (${section.slice(0, 40)})`, () => {
      expect(didWebDocumentUrl(did).href).toBe(expectedUrl)
    })
  }

  for (const { did, reason, expectedUrlIfTreatedAsPath } of vectors.invalidByRule) {
    if (expectedUrlIfTreatedAsPath === undefined) {
      it(`error: ${did} is ERR_DID_INVALID (${reason.slice(0, 50)})`, () => {
        expect(() => didWebDocumentUrl(did)).toThrow(expect.objectContaining({ code: 'ERR_DID_INVALID' }))
      })
    } else {
      it(`behavior: ${did} is a path, not a port`, () => {
        expect(didWebDocumentUrl(did).href).toBe(expectedUrlIfTreatedAsPath)
      })
    }
  }

  for (const document of vectors.exampleDidDocuments) {
    it(`behavior: the spec's example document for ${document.id} passes the structural check`, () => {
      expect(parseDidWebDocument(JSON.stringify(document), document.id)).toEqual(document)
    })
  }

  const hostile: [string, unknown][] = [
    ['not a string', 42],
    ['another method', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
    ['an empty identifier', 'did:web:'],
    ['an empty path segment', 'did:web:example.com::alice'],
    ['a trailing colon', 'did:web:example.com:'],
    ['a malformed percent-encoding', 'did:web:example.com%3'],
    ['two ports', 'did:web:example.com%3A1%3A2'],
    ['a port above 65535', 'did:web:example.com%3A65536'],
    ['a label with an underscore', 'did:web:exa_mple.com'],
    ['a label starting with a hyphen', 'did:web:-example.com'],
    ['an all-numeric last label', 'did:web:example.123'],
    ['a decimal IPv4 number', 'did:web:2130706433'],
    ['a percent-encoded dot-dot segment', 'did:web:example.com:%2E%2E'],
    ['a fragment character', 'did:web:example.com:a%23b'],
  ]
  for (const [name, did] of hostile) {
    it(`error: ${name} is ERR_DID_INVALID`, () => {
      expect(() => didWebDocumentUrl(did as string)).toThrow(
        expect.objectContaining({ code: 'ERR_DID_INVALID', details: { error: 'invalidDid' } }),
      )
    })
  }

  it('behavior: the host is case-insensitive, the path is kept as written', () => {
    expect(didWebDocumentUrl('did:web:City.Example:Residents%20Office').href).toBe(
      'https://city.example/Residents%20Office/did.json',
    )
  })
})
