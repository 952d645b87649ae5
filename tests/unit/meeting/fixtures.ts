import type { Card } from '@/lib/cards/types'
import { createSession } from '@/lib/meeting/session'
import type { MeetingQuestion, MeetingSession, RoundPlan } from '@/lib/meeting/types'

export function question(id: string, extra: Partial<MeetingQuestion> = {}): MeetingQuestion {
  return { id, docId: 'constitution', anchor: `art-${id}`, type: 'cloze', prompt: `题目${id}（    ）`, answer: `答案${id}`, source: `原文${id}`, heading: `第${id}条`, ...extra }
}

export function card(id: string, extra: Partial<Card> = {}): Card {
  return { ...question(id), origin: 'test', ...extra } as Card
}

export const ROUNDS: RoundPlan[] = [
  { kind: 'required', title: '第一轮 必答题', secondsPerQuestion: 30, questions: [question('1'), question('2'), question('3'), question('4')] },
  { kind: 'buzzer', title: '第二轮 抢答题', secondsPerQuestion: 20, questions: [question('5'), question('6')] },
  { kind: 'risk', title: '第三轮 风险题', secondsPerQuestion: 45, questions: [question('7', { points: 10 }), question('8', { points: 30 })] },
]

export const HOST = { id: 'host-window', role: 'host' } as const
export const SCREEN = { id: 'screen-window', role: 'screen' } as const

export function session(now = 1_000): MeetingSession {
  return createSession({
    sessionId: 's1',
    quiz: { name: '测试竞赛', teams: ['第一党小组', '第二党小组', '第三党小组'], startingScore: 100, rounds: ROUNDS },
    now,
    by: HOST,
  })
}
