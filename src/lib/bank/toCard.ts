/**
 * An accepted question of an imported bank as a card: study, review, 练习, 每日一练, 错题本 and
 * meeting rounds then treat it as they treat any card of the bank.
 */
import { hash } from '../cards/text'
import type { Card, CardType } from '../cards/types'
import type { BankQuestionType, ParsedQuestion } from './types'

/** Cards of an imported question no text was found for are grouped under this document id. */
export const IMPORTED_DOC_ID = 'imported'
export const IMPORTED_DOC_TITLE = '导入的题库'
const ID_PREFIX = 'imported:'

const LETTERS = 'ABCDEFGH'

/** 问答 answers are judged by the reader (as a 填空 with a long answer); the others keep their kind. */
const CARD_TYPE: Record<BankQuestionType, CardType> = { 单选: 'choice', 多选: 'multi', 判断: 'truefalse', 填空: 'cloze', 问答: 'cloze' }

export type BankQuestionContent = Pick<ParsedQuestion, 'type' | 'stem' | 'options' | 'answer'>

/**
 * The one id of an imported question, from what it asks only (never its file, number or link): the
 * same question imported twice, from a .docx and again from an .xlsx, is one card with one progress.
 * It never has the `doc#anchor:type:hash` form of generated ids, so the start-up move of progress to
 * current cards (src/lib/cards/identity.ts) can never hand it to a generated card.
 */
export function importedQuestionId(q: BankQuestionContent): string {
  return `${ID_PREFIX}${hash(`${q.type}\u0000${q.stem}\u0000${q.options.join('\u0000')}\u0000${q.answer}`)}`
}

export const isImportedCardId = (id: string): boolean => id.startsWith(ID_PREFIX)

/** What a card needs of an imported question: its content, the passage it was linked to and that passage's text. */
export interface ImportedQuestion extends BankQuestionContent {
  explanation?: string
  link: { doc: string; anchor: string } | null
  /** The linked passage's text when it was imported (shown as the card's 原文), or null. */
  clause: string | null
}

/**
 * The card of an imported question. A linked question belongs to the linked passage (查看原文 opens
 * it; per-document filters and statistics count it there); an unlinked one to IMPORTED_DOC_ID with no
 * anchor. The heading names the file, so every place that shows a card shows where it came from.
 */
export function importedQuestionCard(q: ImportedQuestion, fileName: string): Card {
  const id = importedQuestionId(q)
  const type = CARD_TYPE[q.type]
  const optionOf = (letter: string) => q.options[LETTERS.indexOf(letter)] ?? letter
  const answer = type === 'choice' ? optionOf(q.answer) : type === 'multi' ? [...q.answer].map(optionOf) : q.answer
  return {
    id,
    docId: q.link?.doc ?? IMPORTED_DOC_ID,
    anchor: q.link?.anchor ?? '',
    type,
    prompt: q.stem,
    answer,
    ...(type === 'truefalse' ? { options: ['正确', '错误'] } : q.options.length ? { options: [...q.options] } : {}),
    source: q.clause ?? '',
    heading: `导入：${fileName}`,
    // Its own fact: an imported question is never a sibling of a generated one.
    fact: id,
    origin: 'imported',
    generator: 'imported',
    sourceFile: fileName,
  }
}
