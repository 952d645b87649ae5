import type { Card, CardType } from '@/lib/cards/types'

/** A fixed clock: 10 January 2025, 09:00 local time. */
export const T0 = new Date(2025, 0, 10, 9, 0).getTime()
export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

export function makeCard(n: number, overrides: Partial<Card> = {}): Card {
  const type: CardType = overrides.type ?? 'cloze'
  const docId = overrides.docId ?? 'constitution'
  return {
    id: `${docId}#art-${n}:${type}:h${n}`,
    docId,
    anchor: `art-${n}`,
    type,
    prompt: `第${n}条（    ）`,
    answer: `答案${n}`,
    source: `第${n}条原文`,
    heading: `第一章 党员 › 第${n}条`,
    origin: 'generated',
    generator: 'test',
    fact: `${docId}#art-${n}~f${n}`,
    ...overrides,
  }
}
