import { isMeetingAction } from '../live/protocol'
import type { MeetingAction } from './session'
import type { MeetingSession } from './types'

/** A keyboard command of the projector and host windows. */
export type ShortcutCommand =
  | { type: 'action'; action: MeetingAction }
  | { type: 'selectTeamByNumber'; index: number }
  | { type: 'scoreSelected'; outcome: 'right' | 'wrong' }
  | { type: 'toggleHelp' }
  | { type: 'toggleFullscreen' }
  | { type: 'closeOverlay' }

/** The commands a projector sends to the host window, resolved there against the current session (so 1 then + scores team 1 even before the projector has heard back). */
export type ScreenCommand = Extract<ShortcutCommand, { type: 'action' | 'selectTeamByNumber' | 'scoreSelected' }>

export function isScreenCommand(value: unknown): value is ScreenCommand {
  const c = value as ScreenCommand | null
  if (typeof c !== 'object' || c === null) return false
  if (c.type === 'action') return isMeetingAction(c.action)
  if (c.type === 'selectTeamByNumber') return Number.isInteger(c.index) && c.index >= 0 && c.index < 8
  return c.type === 'scoreSelected' && (c.outcome === 'right' || c.outcome === 'wrong')
}

export function resolveCommand(session: MeetingSession, command: ScreenCommand): MeetingAction | null {
  switch (command.type) {
    case 'action':
      return command.action
    case 'selectTeamByNumber': {
      const team = session.teams[command.index]
      return team ? { type: 'selectTeam', teamId: team.id } : null
    }
    case 'scoreSelected':
      return session.activeTeamId ? { type: 'score', teamId: session.activeTeamId, outcome: command.outcome } : null
  }
}

/** For the `?` overlay: what to press and what it does. */
export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['→', 'PageDown'], label: '下一题' },
  { keys: ['←', 'PageUp'], label: '上一题' },
  { keys: ['空格'], label: '开始 / 暂停计时' },
  { keys: ['↑', '↓'], label: '计时加 / 减 10 秒' },
  { keys: ['R'], label: '重新计时' },
  { keys: ['A'], label: '公布答案（再按一次收起）' },
  { keys: ['1', '…', '8'], label: '选择党小组' },
  { keys: ['+'], label: '所选党小组答对，加分' },
  { keys: ['−'], label: '所选党小组答错，扣分（必答题不扣分）' },
  { keys: ['Z'], label: '撤销上一次加分或扣分' },
  { keys: ['F'], label: '全屏' },
  { keys: ['?'], label: '显示 / 关闭本帮助' },
]

/** Maps a key (KeyboardEvent.key) to a command; modifiers other than Shift mean “not ours”. */
export function commandForKey(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, revealed: boolean): ShortcutCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  const key = event.key
  const action = (a: MeetingAction): ShortcutCommand => ({ type: 'action', action: a })
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return action({ type: 'next' })
    case 'ArrowLeft':
    case 'PageUp':
      return action({ type: 'prev' })
    case ' ':
      return action({ type: 'toggleTimer' })
    case 'ArrowUp':
      return action({ type: 'adjustTimer', deltaMs: 10_000 })
    case 'ArrowDown':
      return action({ type: 'adjustTimer', deltaMs: -10_000 })
    case 'r':
    case 'R':
      return action({ type: 'resetTimer' })
    case 'a':
    case 'A':
      return action({ type: revealed ? 'hideAnswer' : 'reveal' })
    case 'z':
    case 'Z':
      return action({ type: 'undo' })
    case '+':
    case '=':
      return { type: 'scoreSelected', outcome: 'right' }
    case '-':
    case '_':
      return { type: 'scoreSelected', outcome: 'wrong' }
    case '?':
      return { type: 'toggleHelp' }
    case 'f':
    case 'F':
      return { type: 'toggleFullscreen' }
    case 'Escape':
      return { type: 'closeOverlay' }
  }
  if (/^[1-8]$/.test(key)) return { type: 'selectTeamByNumber', index: Number(key) - 1 }
  return null
}
