import { applyEvent, decideJoin, openRoom, type Decision, type LiveEvent, type LiveRoom, type QuizPlan } from '@/lib/live/room'
import type { MeetingAction } from '@/lib/meeting/session'
import { question } from '../meeting/fixtures'

export const PLAN: QuizPlan = {
  name: '手机竞赛',
  teams: ['第一党小组', '第二党小组'],
  startingScore: 100,
  rounds: [
    {
      kind: 'all',
      title: '第一轮 全员答题',
      secondsPerQuestion: 30,
      questions: [
        question('1', { type: 'choice', prompt: '党员的预备期为（    ）。', answer: '一年', options: ['半年', '一年', '两年'] }),
        question('2', { type: 'cloze', prompt: '年满（    ）岁的中国工人……可以申请加入中国共产党。', answer: '十八' }),
        question('3', { type: 'multi', prompt: '多选', answer: ['甲', '丙'], options: ['甲', '乙', '丙'] }),
      ],
    },
    { kind: 'buzzer', title: '第二轮 抢答题', secondsPerQuestion: 20, questions: [question('4')] },
    { kind: 'risk', title: '第三轮 风险题', secondsPerQuestion: 45, questions: [question('5', { points: 10 }), question('6', { points: 10 })] },
  ],
}

export class Room {
  room: LiveRoom
  events: LiveEvent[] = []
  constructor(public now = 10_000) {
    this.room = openRoom('', '', 0)
    this.push({ e: 'open', at: now, code: '4821', hostSecret: 'host-secret' })
    this.push({ e: 'start', at: now, sessionId: 's1', quiz: PLAN })
  }
  push(event: LiveEvent): void {
    this.events.push(event)
    this.room = applyEvent(this.room, event)
  }
  take(decision: Decision): Decision {
    if (decision.ok && decision.event) this.push(decision.event)
    return decision
  }
  act(action: MeetingAction): void {
    this.push({ e: 'act', at: this.now, action })
  }
  join(name: string, teamId?: string): string {
    const playerId = `p-${name}`
    const decision = this.take(decideJoin(this.room, { name, teamId, playerId, secret: `secret-${name}` }, this.now))
    if (!decision.ok) throw new Error(decision.reason)
    return playerId
  }
  get key(): string {
    const s = this.room.session!
    return `${s.sessionId}:${s.roundIndex}:${s.questionIndex}`
  }
}
