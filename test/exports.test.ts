import { describe, expect, it } from 'vitest'
import { entryPoints, workspaces } from './publish/workspaces.js'

// One snapshot per entry point of every package's exports map, so any change to the public surface
// shows in review.
describe('public surface', () => {
  for (const specifier of workspaces().flatMap(entryPoints)) {
    it(`exports of ${specifier}`, async () => {
      const module: Record<string, unknown> = await import(specifier)
      const surface = Object.keys(module)
        .sort()
        .map((name) => `${name}: ${typeof module[name]}`)
      expect(surface).toMatchSnapshot()
    })
  }
})
