import { describe, expect, it } from 'vitest'
import { runCommunityPollExample } from '../../examples/community-poll/runCommunityPollExample.js'

describe('the community poll example (real Redis on 127.0.0.1:6379)', () => {
  it('behavior: members vote once across both servers, outsiders are refused, the signed tally verifies', async () => {
    const lines: string[] = []
    await runCommunityPollExample((line) => lines.push(line))
    expect(lines).toContainEqual(expect.stringMatching(/Jiwoo votes yes on server 1: accepted/))
    expect(lines).toContainEqual(expect.stringMatching(/Minseo votes no on server 2: accepted/))
    expect(lines).toContainEqual(expect.stringMatching(/Jiwoo votes again on server 2: ERR_NONCE_REPLAYED/))
    expect(lines).toContainEqual(
      expect.stringMatching(/visitor without a membership card .*: ERR_CREDENTIAL_NOT_FOUND/),
    )
    expect(lines).toContainEqual(expect.stringMatching(/tally yes 1, no 1; 2 ballots/))
    expect(lines.join('\n')).not.toContain('ACCEPTED (a bug)')
  }, 60_000)
})
