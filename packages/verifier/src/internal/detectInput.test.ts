import { credentialFormats, defaultCredentialFormat } from '@civitas/credentials'
import { describe, expect, it } from 'vitest'
import { formatSamples } from '../../../../test/support/formatSamples.js'
import { detectInput } from './detectInput.js'

describe('detectInput', () => {
  for (const format of credentialFormats) {
    it(`behavior: a ${format.format} credential and presentation are read as that format and kind`, async () => {
      const { credential, presentation } = await formatSamples(format.format)
      expect(detectInput(credential, 'optional')).toMatchObject({ format, kind: 'credential' })
      expect(detectInput(presentation, 'optional')).toMatchObject({ format, kind: 'presentation' })
      expect(detectInput(presentation, 'optional').token.text).toBe(presentation)
    })

    it(`behavior: required holder binding reads a ${format.format} credential as a presentation`, async () => {
      const { credential } = await formatSamples(format.format)
      expect(detectInput(credential, 'required')).toMatchObject({ format, kind: 'presentation' })
    })
  }

  it.each([['HC1:NCFOXN%TS3DH'], ['garbage'], [''], [undefined], [{ token: 'x' }]])(
    'behavior: an input no format recognises (%j) is a credential of the default format',
    (input) => {
      expect(detectInput(input, 'optional')).toMatchObject({
        format: defaultCredentialFormat,
        kind: 'credential',
      })
    },
  )
})
