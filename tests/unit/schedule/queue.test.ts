import { describe, expect, it } from 'vitest'
import {
  buildQueue,
  DAILY_COUNT,
  dailyGrade,
  dailyPractice,
  ratedToday,
  createScheduler,
  DEFAULT_STUDY_SETTINGS,
  dueForecast,
  mastery,
  nextCard,
  queueCounts,
  retention,
  reviewCalendar,
  sanitizeSettings,
  studyStreak,
  type CardState,
  type ReviewLogEntry,
  type StudySettings,
} from '@/lib/schedule'
import { DAY, makeCard, MINUTE, T0 } from './fixtures'

const cards = [
  ...Array.from({ length: 6 }, (_, i) => makeCard(i + 1)),
  makeCard(7, { type: 'truefalse' }),
  makeCard(8, { docId: 'tibet-museum-branch', heading: '一、支部概况' }),
]
const settings = (over: Partial<StudySettings> = {}): StudySettings => ({ ...DEFAULT_STUDY_SETTINGS, ...over })

/** Simulates a review session: rates whatever nextCard offers, persisting state and logs like the store does. */
function study(grades: (1 | 2 | 3 | 4)[], start: number, s: StudySettings, states = new Map<string, CardState>(), logs: ReviewLogEntry[] = []) {
  const scheduler = createScheduler({ retention: s.retention })
  let now = start
  for (const grade of grades) {
    const card = nextCard(buildQueue({ cards, states, settings: s, logs, now }))
    if (!card) break
    const outcome = scheduler.rate(states.get(card.id) ?? null, card, grade, now)
    states.set(card.id, outcome.after)
    logs.push(outcome.log)
    now += MINUTE
  }
  return { states, logs, now }
}

describe('due queue', () => {
  it('offers new cards up to the daily limit, documents interleaved', () => {
    const q = buildQueue({ cards, states: new Map(), settings: settings({ dailyNewLimit: 3 }), logs: [], now: T0 })
    expect(q.fresh.map((c) => c.anchor)).toEqual(['art-1', 'art-8', 'art-2'])
    expect(q.due).toEqual([])
    expect(queueCounts(q)).toEqual({ due: 0, fresh: 3, total: 3 })
  })

  it('filters by document and card type', () => {
    const byDoc = buildQueue({ cards, states: new Map(), settings: settings({ docIds: ['tibet-museum-branch'] }), logs: [], now: T0 })
    expect(byDoc.fresh.map((c) => c.docId)).toEqual(['tibet-museum-branch'])
    const byType = buildQueue({ cards, states: new Map(), settings: settings({ types: ['truefalse'] }), logs: [], now: T0 })
    expect(byType.fresh.map((c) => c.anchor)).toEqual(['art-7'])
  })

  it('counts new cards studied today against the limit, across sessions, and resets the next day', () => {
    const s = settings({ dailyNewLimit: 4 })
    const { states, logs } = study([4, 4, 4], T0, s)
    const later = buildQueue({ cards, states, settings: s, logs, now: T0 + 3 * 60 * MINUTE })
    expect(later.newLeftToday).toBe(1)
    // The rotation goes on where it stood (art-1, art-8, art-2 studied), not from the first chapter again.
    expect(later.fresh.map((c) => c.anchor)).toEqual(['art-3'])
    const tomorrow = buildQueue({ cards, states, settings: s, logs, now: T0 + DAY })
    expect(tomorrow.newLeftToday).toBe(4)
  })

  it('brings a forgotten card back shortly, and a learned card back on its due day', () => {
    const s = settings({ dailyNewLimit: 1 })
    const { states, logs } = study([1], T0, s)
    const q = buildQueue({ cards, states, settings: s, logs, now: T0 + 30_000 })
    expect(q.fresh).toEqual([])
    expect(q.upcoming.map((c) => c.anchor)).toEqual(['art-1'])
    expect(nextCard(q)?.anchor).toBe('art-1')
    expect(buildQueue({ cards, states, settings: s, logs, now: T0 + MINUTE }).due.map((c) => c.anchor)).toEqual(['art-1'])
    const easy = study([4], T0, settings({ dailyNewLimit: 1 }))
    const due = easy.states.get(cards[0]!.id)!.due
    const early = buildQueue({ cards, states: easy.states, settings: s, logs: easy.logs, now: due - DAY })
    expect(early.due).toEqual([])
    // Due at 09:00 on its day: already offered at 07:00 that morning.
    const sameDay = buildQueue({ cards, states: easy.states, settings: s, logs: easy.logs, now: due - 2 * 60 * MINUTE })
    expect(sameDay.due.map((c) => c.anchor)).toEqual(['art-1'])
  })

  it('puts learning cards before reviews and never offers suspended cards', () => {
    const s = settings({ dailyNewLimit: 2 })
    const { states, logs } = study([4, 1], T0, s)
    const [first, second] = [states.get(cards[0]!.id)!, states.get(cards[7]!.id)!]
    const now = first.due + MINUTE
    expect(second.due).toBeLessThan(now)
    const q = buildQueue({ cards, states, settings: s, logs, now })
    expect(q.due.map((c) => c.anchor)).toEqual(['art-8', 'art-1'])
    states.set(cards[7]!.id, { ...second, suspended: true })
    expect(buildQueue({ cards, states, settings: s, logs, now }).due.map((c) => c.anchor)).toEqual(['art-1'])
  })

  it('finishes: nothing left once every card of the day is learned', () => {
    const s = settings({ dailyNewLimit: 2 })
    const { states, logs, now } = study([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], T0, s)
    const q = buildQueue({ cards, states, settings: s, logs, now: now + 60 * MINUTE })
    expect(nextCard(q)).toBeNull()
    expect(logs.length).toBe(4)
  })
})

describe('statistics', () => {
  it('forecasts due cards per day, overdue counted today', () => {
    const s = settings({ dailyNewLimit: 3 })
    const { states } = study([4, 4, 1], T0, s)
    const forecast = dueForecast(states.values(), T0, 14)
    expect(forecast).toHaveLength(14)
    expect(forecast[0]!.count).toBe(1) // the forgotten card, due in a minute
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(3)
    const late = dueForecast(states.values(), T0 + 60 * DAY, 14)
    expect(late[0]!.count).toBe(3)
  })

  it('counts reviews per day, retention and the streak', () => {
    const s = settings({ dailyNewLimit: 2 })
    const day1 = study([4, 4], T0, s)
    const r1 = day1.states.get(cards[0]!.id)!.due
    const day2 = study([3, 1], r1, s, day1.states, day1.logs)
    const calendar = reviewCalendar(day2.logs, r1, 30)
    expect(calendar).toHaveLength(30)
    expect(calendar.at(-1)!.count).toBe(2)
    expect(calendar.reduce((sum, d) => sum + d.count, 0)).toBe(4)
    expect(retention(day2.logs, r1 + MINUTE * 5)).toEqual({ reviews: 2, remembered: 1, rate: 0.5 })
    expect(studyStreak(day2.logs, r1)).toBe(1)
    expect(studyStreak(day1.logs, T0 + DAY)).toBe(1)
    expect(studyStreak(day1.logs, T0 + 2 * DAY)).toBe(0)
  })

  it('reports mastery per document and chapter', () => {
    const states = new Map<string, CardState>()
    const scheduler = createScheduler()
    const learned = scheduler.rate(null, cards[0]!, 3, T0).after
    states.set(cards[0]!.id, learned)
    states.set(cards[1]!.id, { ...learned, cardId: cards[1]!.id, state: 2, scheduledDays: 30 })
    const { documents, chapters } = mastery(cards, states)
    expect(documents.find((d) => d.docId === 'constitution')).toMatchObject({ total: 7, learned: 2, mastered: 1 })
    expect(chapters.map((c) => [c.chapter, c.total])).toEqual([['第一章 党员', 7], ['一、支部概况', 1]])
  })
})

describe('settings', () => {
  it('falls back on bad values and clamps ranges', () => {
    expect(sanitizeSettings('nonsense')).toEqual(DEFAULT_STUDY_SETTINGS)
    expect(sanitizeSettings({ retention: 2, dailyNewLimit: -3, docIds: ['a', 1, 'a'], types: ['cloze', 'bogus'] })).toEqual({
      retention: 0.99,
      dailyNewLimit: 0,
      docIds: ['a'],
      types: ['cloze'],
    })
  })
})

describe('siblings and interleaving', () => {
  // Three cards on one sentence (a 填空, a 单选, a 判断) and one on another.
  const fact = 'constitution#art-7~sentence'
  const siblings = [
    makeCard(1, { type: 'cloze', fact }),
    makeCard(2, { type: 'choice', fact }),
    makeCard(3, { type: 'truefalse', fact }),
    makeCard(4, { type: 'cloze' }),
  ]

  it('offers one card per fact a day, and the sibling only the next day', () => {
    const s = settings({ dailyNewLimit: 10 })
    const q = buildQueue({ cards: siblings, states: new Map(), settings: s, logs: [], now: T0 })
    expect(q.fresh.map((c) => c.id)).toEqual([siblings[0]!.id, siblings[3]!.id])
    const scheduler = createScheduler()
    const outcome = scheduler.rate(null, siblings[0]!, 4, T0) // 简单: not due again tomorrow
    const states = new Map([[siblings[0]!.id, outcome.after]])
    const later = buildQueue({ cards: siblings, states, settings: s, logs: [outcome.log], now: T0 + MINUTE })
    expect([...later.due, ...later.fresh, ...later.upcoming].map((c) => c.fact).filter((f) => f === fact).length).toBeLessThanOrEqual(1)
    expect(later.fresh.map((c) => c.id)).not.toContain(siblings[1]!.id)
    const tomorrow = buildQueue({ cards: siblings, states, settings: s, logs: [outcome.log], now: T0 + DAY })
    expect(tomorrow.fresh.map((c) => c.id)).toContain(siblings[1]!.id)
  })

  it('never shows two siblings one after the other in a session', () => {
    const { logs } = study([3, 3, 3, 3, 3, 3, 3, 3], T0, settings({ dailyNewLimit: 20 }))
    const factOfId = new Map(cards.map((c) => [c.id, c.fact]))
    for (let i = 1; i < logs.length; i++) {
      if (logs[i]!.cardId !== logs[i - 1]!.cardId) expect(factOfId.get(logs[i]!.cardId)).not.toBe(factOfId.get(logs[i - 1]!.cardId))
    }
  })

  it('starts from a chosen chapter when asked', () => {
    const mixed = [makeCard(1), makeCard(2, { heading: '第二章 党的组织制度 › 第十条' }), makeCard(3, { heading: '第二章 党的组织制度 › 第十一条' })]
    const q = buildQueue({ cards: mixed, states: new Map(), settings: settings({ chapter: 'constitution›第二章 党的组织制度' }), logs: [], now: T0 })
    expect(q.fresh.map((c) => c.anchor)).toEqual(['art-2', 'art-3', 'art-1'])
    expect(sanitizeSettings({ chapter: 'constitution›第二章 党的组织制度' }).chapter).toBe('constitution›第二章 党的组织制度')
  })
})

describe('查看提示 and 每日一练', () => {
  it('records in the review log that the hint was used, and only then', () => {
    const scheduler = createScheduler()
    const card = makeCard(1)
    expect(scheduler.rate(null, card, 3, T0, true).log.hinted).toBe(true)
    expect('hinted' in scheduler.rate(null, card, 3, T0).log).toBe(false)
  })

  it('offers due cards before new ones, five at most', () => {
    const scheduler = createScheduler()
    const learned = scheduler.rate(null, cards[5]!, 4, T0 - 10 * DAY)
    const states = new Map([[cards[5]!.id, learned.after]])
    const q = buildQueue({ cards, states, settings: settings(), logs: [learned.log], now: T0 })
    const daily = dailyPractice(q)
    expect(daily).toHaveLength(DAILY_COUNT)
    expect(daily[0]!.id).toBe(cards[5]!.id)
    expect(ratedToday([learned.log], T0)).toBe(0)
    expect(ratedToday([learned.log], T0 - 10 * DAY)).toBe(1)
  })
})

describe('每日一练 ratings', () => {
  it('rates a wrong answer 重来 and a right choice 良好; only a right typed answer is the member’s to rate', () => {
    const choice = makeCard(1, { type: 'choice', options: ['甲', '乙'] })
    const typed = makeCard(2, { type: 'cloze' })
    expect(dailyGrade(choice, false)).toBe(1)
    expect(dailyGrade(typed, false)).toBe(1)
    expect(dailyGrade(choice, true)).toBe(3)
    expect(dailyGrade(makeCard(3, { type: 'truefalse' }), true)).toBe(3)
    expect(dailyGrade(typed, true)).toBeNull()
    expect(dailyGrade(makeCard(4, { type: 'enumeration' }), true)).toBeNull()
    expect(dailyGrade(typed, true, true)).toBe(2)
  })
})
