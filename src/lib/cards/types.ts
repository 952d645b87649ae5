/** The card types, as the CLI prints them. */
export type CardType = 'cloze' | 'enumeration' | 'source' | 'choice' | 'multi' | 'truefalse'

/** The Chinese names the interface uses for each card type. */
export const CARD_TYPE_LABELS: Record<CardType, string> = {
  cloze: '填空',
  enumeration: '列举',
  source: '出处',
  choice: '单选',
  multi: '多选',
  truefalse: '判断',
}

/**
 * A question generated from (or written beside) one passage. Deterministic: the same passage
 * text always yields the same cards with the same ids, so review progress survives rebuilds.
 */
export interface Card {
  /**
   * Stable id: `${docId}#${anchor}:${type}:${hash of the tested fact}`; an imported question's is
   * `imported:${hash of its content}` (src/lib/bank/toCard.ts).
   */
  id: string
  docId: string
  anchor: string
  type: CardType
  prompt: string
  /** A string; an array for enumeration and multi. For truefalse: '正确' or '错误'. */
  answer: string | string[]
  /** Choices shown for choice / multi / truefalse, already shuffled (deterministically). */
  options?: string[]
  /** For enumeration: whether the order of the answer matters. */
  ordered?: boolean
  /** Full text of the source passage. */
  source: string
  /** Heading path of the source passage, e.g. `第一章 党员 › 第三条`. */
  heading: string
  /**
   * The id of the fact the card tests (`${docId}#${anchor}~${hash}`): siblings — a 填空, a 单选 and a
   * 判断 on one sentence, or a hand-written card on the same sentence — share it, so a study day,
   * a quiz or a meeting draw shows only one of them.
   */
  fact: string
  /** Whether a generator made the card, a person wrote it, or it came from a bank the branch imported. */
  origin: 'generated' | 'manual' | 'imported'
  /** Which generator made the card (`cloze:quantity`, `enumeration:sub-items` …), or 'manual'. */
  generator: string
  /**
   * The tested span as the source passage words it. Set on truefalse cards: for '错误' it is the
   * original wording the statement changed, so the interface can show the correction.
   */
  original?: string
  /** For an imported card: the name of the file (or 粘贴的题目) it was imported from. */
  sourceFile?: string
  /** A tag shown beside the type: '释义' for glossary definitions (a paper quiz may leave them out). */
  label?: string
}

/** The fact a card tests; cards stored before facts existed stand for themselves. */
export function factOf(card: Pick<Card, 'id' | 'fact'>): string {
  return card.fact || card.id
}
