import { describe, expect, it } from 'vitest'
import { reduce } from '@/lib/meeting/session'
import { isScreenCommand, resolveCommand } from '@/lib/meeting/shortcuts'
import { HOST, session } from './fixtures'

describe('projector keys carried out by the host window', () => {
  it('resolves 1 then + against the session as it is when each arrives', () => {
    let s = reduce(session(), { type: 'next' }, 2_000, HOST)
    s = reduce(s, resolveCommand(s, { type: 'selectTeamByNumber', index: 2 })!, 2_000, HOST)
    expect(resolveCommand(s, { type: 'scoreSelected', outcome: 'right' })).toEqual({ type: 'score', teamId: 't3', outcome: 'right' })
  })

  it('does nothing for a team that does not exist or when no team is selected', () => {
    const s = session()
    expect(resolveCommand(s, { type: 'selectTeamByNumber', index: 7 })).toBeNull()
    expect(resolveCommand(s, { type: 'scoreSelected', outcome: 'wrong' })).toBeNull()
  })

  it('accepts only well-formed commands from another window', () => {
    expect(isScreenCommand({ type: 'action', action: { type: 'next' } })).toBe(true)
    expect(isScreenCommand({ type: 'action', action: { type: 'awardShares', tallies: [] } })).toBe(false)
    expect(isScreenCommand({ type: 'selectTeamByNumber', index: 99 })).toBe(false)
    expect(isScreenCommand(null)).toBe(false)
  })
})
