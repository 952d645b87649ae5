import { BLANK, FUNCTION_CHARS, fullWidth, isBlankable, isGap, isPunctuation } from './text'
import type { Card } from './types'

const VERDICTS = ['正确', '错误']

function answers(card: Card): string[] {
  return Array.isArray(card.answer) ? card.answer : [card.answer]
}

/**
 * The problems of one card (empty when it is fine). Generated cards with problems are dropped;
 * hand-written ones are reported with their file and line.
 */
export function cardProblems(card: Card): string[] {
  const problems: string[] = []
  const list = answers(card)
  if (!card.prompt.trim()) problems.push('题干为空')
  if (!list.length || list.some((a) => !a.trim())) problems.push('答案为空')
  if (isGap(card.prompt)) problems.push('题干含有待补入的缺文')
  if (Array.isArray(card.answer) !== (card.type === 'enumeration' || card.type === 'multi')) {
    problems.push('列举题和多选题的答案须为列表，其余题型须为一个字符串')
  }

  // The answer comes from the source (a 出处 answer is the passage's label; a 判断 verdict is not text).
  if (card.type === 'truefalse') {
    if (!VERDICTS.includes(card.answer as string)) problems.push('判断题的答案须为“正确”或“错误”')
    if (card.original !== undefined && !card.source.includes(card.original)) problems.push(`原文中找不到被考查的内容“${card.original}”`)
    if (card.answer === '错误' && card.original === undefined) problems.push('答案为“错误”的判断题须写明原文的正确说法（original）')
    const said = card.prompt.replace(/[。！？；;]$/, '').split(/……|：|^党章规定，/).pop()!
    if (card.answer === '正确' && card.origin !== 'manual' && !fullWidth(card.source).includes(said)) {
      problems.push('答案为“正确”的判断题须与原文一致')
    }
  } else if (card.type !== 'source') {
    const source = fullWidth(card.source)
    for (const a of list) if (!source.includes(fullWidth(a))) problems.push(`原文中找不到答案“${a}”`)
  }

  // The prompt does not give the answer away.
  if (card.type !== 'truefalse') {
    for (const a of list) if (card.prompt.includes(a)) problems.push(`题干中已出现答案“${a}”`)
  } else if (VERDICTS.some((v) => card.prompt.includes(v))) problems.push('判断题题干不能含有“正确”“错误”字样')

  if (card.type === 'cloze') {
    if (card.prompt.split(BLANK).length !== 2) problems.push(`填空题须恰有一处空格“${BLANK}”`)
    const a = card.answer as string
    if (!isBlankable(a)) problems.push(`空格处“${a}”是虚词或标点`)
  }
  if (FUNCTION_CHARS.has(list.join('')) || list.some((a) => [...a].every(isPunctuation))) problems.push('答案是虚词或标点')

  // Options: distinct, the answer among them exactly once (every answer, for 多选).
  if (card.type === 'choice' || card.type === 'multi' || card.type === 'truefalse') {
    const options = card.options ?? []
    if (options.length < 2) problems.push('选择题至少需要两个选项')
    if (new Set(options).size !== options.length) problems.push('选项有重复')
    for (const a of list) {
      const n = options.filter((o) => o === a).length
      if (n !== 1) problems.push(`答案“${a}”在选项中出现了${n}次`)
    }
    if (card.type === 'multi' && options.length <= list.length) problems.push('多选题须至少有一个错误选项')
  } else if (card.options) problems.push(`${card.type} 题不应有选项`)
  return problems
}

/** The key of "the same fact in the same form": two cards with it ask the same question. */
export function questionKey(card: Card): string {
  return `${card.docId}\u0000${card.type}\u0000${card.prompt.replace(/\s+/g, '')}`
}
