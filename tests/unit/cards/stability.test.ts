import { describe, expect, it } from 'vitest'
import { generateDocumentCards } from '@/lib/cards'
import type { StudyDocument } from '@/lib/content/types'
import { corpus } from './corpus'

const doc = corpus.find((d) => d.passages.length >= 3 && d.kind === 'constitution') ?? corpus[0]!

function edit(document: StudyDocument, anchor: string, change: (text: string) => string): StudyDocument {
  return { ...document, passages: document.passages.map((p) => (p.anchor === anchor ? { ...p, text: change(p.text) } : p)) }
}

describe('card ids', () => {
  const before = generateDocumentCards(doc)
  const target = before[Math.floor(before.length / 2)]!.anchor

  it('derive from document, anchor, type and fact', () => {
    for (const c of before) expect(c.id.startsWith(`${c.docId}#${c.anchor}:${c.type}:`)).toBe(true)
  })

  it('survive an edit elsewhere: only the edited passage’s cards change', () => {
    const after = generateDocumentCards(edit(doc, target, (t) => `${t}\n本段新增一句用于测试的内容，共有三项要求。`))
    const others = (cards: typeof before) => cards.filter((c) => c.anchor !== target).map((c) => c.id)
    expect(others(after)).toEqual(others(before))
  })

  it('do not depend on the passage order or other documents', () => {
    const reordered = { ...doc, passages: [...doc.passages].reverse() }
    const ids = new Set(generateDocumentCards(reordered).map((c) => c.id))
    const kept = before.filter((c) => ids.has(c.id)).length
    expect(kept / before.length).toBeGreaterThan(0.9)
  })

  it('keep a sentence’s card when another sentence of the same passage changes', () => {
    const article = doc.passages.find((p) => p.anchor === 'art-7')
    if (!article) return
    const cards = before.filter((c) => c.anchor === 'art-7' && c.type === 'cloze')
    const first = cards.find((c) => c.prompt.startsWith('预备党员的预备期为'))
    const after = generateDocumentCards(edit(doc, 'art-7', (t) => t.replace('不能超过一年', '不能超过两年')))
    if (first) expect(after.map((c) => c.id)).toContain(first.id)
  })
})
