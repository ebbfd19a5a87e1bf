import { describe, expect, it } from 'vitest'
import { holderBindingOf } from './holderBindingOf.js'

describe('holderBindingOf', () => {
  it('behavior: a check expecting an audience or a nonce requires holder binding by default', () => {
    expect(holderBindingOf({ audience: 'https://gate.example' }, undefined)).toBe('required')
    expect(holderBindingOf({ nonce: 'n-1' }, undefined)).toBe('required')
    expect(holderBindingOf({}, undefined)).toBe('optional')
  })

  it("behavior: the verifier's policy overrides the default, and the check's own overrides both", () => {
    expect(holderBindingOf({}, 'required')).toBe('required')
    expect(holderBindingOf({ audience: 'https://gate.example' }, 'optional')).toBe('optional')
    expect(holderBindingOf({ holderBinding: 'optional' }, 'required')).toBe('optional')
    expect(holderBindingOf({ holderBinding: 'required' }, 'optional')).toBe('required')
  })
})
