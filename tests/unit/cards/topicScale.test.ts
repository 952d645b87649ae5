import { describe, expect, it } from 'vitest'
import { preparePassage } from '@/lib/cards/context'
import { topicCards } from '@/lib/cards/generators/topic'
import { localDocument } from '@/lib/content/localDocument'

/** A branch pastes a long numbered list (issue 22: 10,000 items froze the tab for 29–61 s); each item opens with its own topic. */
function numberedList(n: number) {
  const text = Array.from({ length: n }, (_, i) => `${i + 1}. 学习篇${i}，支部每月按时组织党员开展专题活动，认真做好会议记录。`).join('\n')
  return localDocument({ id: 'local-long-0001', title: '长清单', text, origin: '粘贴文本', addedAt: '2026-12-01', updatedAt: '2026-12-01' })
}

describe('the topic rule on a long numbered list', () => {
  it('asks each item once, in time linear in the list (every item used to be compared with every other)', () => {
    const doc = numberedList(10_000)
    const contexts = doc.passages.map((p) => preparePassage(doc, p))
    const t0 = performance.now()
    const cards = contexts.flatMap((c) => topicCards(c, contexts))
    const ms = performance.now() - t0
    expect(cards).toHaveLength(10_000)
    // Quadratic, this took about 9 s at 2,000 items on the loaded 2-core machine; linear, under 0.7 s at 10,000.
    expect(ms).toBeLessThan(3_000)
  })
})
