import type { Card } from './types'

/** What stands in for a masked character: as wide as a Chinese character, so the length shows. */
export const MASK = '＿'

/** The texts a hint must not show: the answer(s), or for a 判断 the span the statement is about. */
function secrets(card: Card): string[] {
  if (card.type === 'truefalse') return card.original ? [card.original] : []
  if (card.type === 'source') return []
  const list = Array.isArray(card.answer) ? card.answer : [card.answer]
  return list.map((a) => a.replace(/^[“《]|[”》]$/g, '')).filter((a) => a.length > 0)
}

/**
 * 查看提示 as 学习强国 does it: the card's source passage with the answer region masked, so the
 * member sees the context without the answer. Longest secrets first, so one inside another
 * (党员 in 预备党员) cannot leave part of the longer one readable.
 */
export function maskedSource(card: Card): string {
  let text = card.source
  for (const secret of secrets(card).sort((a, b) => b.length - a.length)) {
    text = text.split(secret).join(MASK.repeat([...secret].length))
  }
  return text
}

/** Document kinds a meeting quiz draws from by default: the official texts, not the glossary or the seed article. */
export function isDefaultMeetingSource(kind: string | undefined): boolean {
  return kind !== 'glossary' && kind !== 'article'
}
