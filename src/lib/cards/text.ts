/** Text helpers shared by the card generators: sentences, hashing, deterministic shuffling. */
import { seededRandom, shuffleWith } from '../common/random'

/** What the interface shows in place of a blanked span. */
export const BLANK = '（    ）'

/** Ends a sentence: Chinese and ASCII stops, semicolons and line breaks. */
const SENTENCE_END = /[。！？；;!?\n]/
/** Separates clauses inside a sentence. */
export const CLAUSE_MARK = /[，,：:；;。！？!?\n]/

/**
 * Function words and particles: a blank must never consist of one, nor start or end with one.
 * (Single characters; longer function words start with one of these anyway.)
 */
export const FUNCTION_CHARS = new Set('的了和是在与及或等对把被为以从向于之也都就而并且其这那着过吗呢啊地得所'.split(''))
const PUNCTUATION = /[\s，,。.、；;：:！!？?“”"‘’'（）()《》〔〕【】—\-…·]/

export function isPunctuation(ch: string): boolean {
  return PUNCTUATION.test(ch)
}

/** A span that may be blanked: not a function word, no punctuation at its edges. */
export function isBlankable(span: string): boolean {
  const chars = [...span]
  if (chars.length < 2 && !/\d/.test(span)) return false
  const first = chars[0]!
  const last = chars[chars.length - 1]!
  if (isPunctuation(first) && first !== '“' && first !== '《') return false
  if (isPunctuation(last) && last !== '”' && last !== '》') return false
  if (FUNCTION_CHARS.has(first) || FUNCTION_CHARS.has(last)) return false
  return true
}

/** A placeholder where the official text is still missing (`{{待补：…}}`, or an older `〔…〕`). */
export function isGap(text: string): boolean {
  return /[〔〕]|\{\{|\}\}|待补/.test(text)
}

/** The passage text without its label (`第七条　`, `一、`, `（一）`). */
export function stripLabel(text: string, label: string): string {
  // A branch document's `1. ` is read as the label `1、`: the number as typed goes too, however long the list.
  let rest = label && text.startsWith(label) ? text.slice(label.length) : label ? text.replace(/^(?:\d+[.．、]|[（(][一二三四五六七八九十百\d]+[）)])/, '') : text
  rest = rest.replace(/^[\s\u3000]+/, '')
  return rest
}

export interface Sentence {
  /** The sentence without its closing stop and without a leading sub-item number. */
  text: string
  /** The stop that closed it ('' at the end of the text). */
  stop: string
  /** 0-based position among the passage's sentences. */
  index: number
  /** True when the sentence introduces a list (`……下列义务：`). */
  intro: boolean
}

/** Splits a passage (label removed) into sentences; gaps and fragments are dropped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  let current = ''
  let index = 0
  const push = (stop: string) => {
    const trimmed = current.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/^[（(][一二三四五六七八九十]+[）)]/, '')
    current = ''
    if ([...trimmed].length < 6 || isGap(trimmed)) {
      index++
      return
    }
    sentences.push({ text: trimmed, stop: stop === '\n' ? '。' : stop, index: index++, intro: /[：:]$/.test(trimmed) })
  }
  for (const ch of text) {
    if (SENTENCE_END.test(ch)) push(ch)
    else current += ch
  }
  if (current) push('')
  return sentences
}

/**
 * Keeps a long sentence readable: when it exceeds `max` characters, the first clause (the
 * sentence's subject) and the clauses around [start, end) are kept, and the middle clauses in
 * between are cut with `……`, so the prompt never starts mid-sentence.
 */
export function clip(sentence: string, start: number, end: number, max = 80): string {
  if (sentence.length <= max) return sentence
  const bounds: number[] = [0]
  for (let i = 0; i < sentence.length; i++) if (/[，,：:]/.test(sentence[i]!)) bounds.push(i + 1)
  bounds.push(sentence.length + 1)
  const firstEnd = bounds[1]!
  let from = bounds.filter((b) => b <= start).pop() ?? 0
  let to = bounds.find((b) => b > end) ?? sentence.length + 1
  const before = bounds.filter((b) => b < from && b >= firstEnd).reverse()
  const after = bounds.filter((b) => b > to)
  const budget = () => to - from + (from > 0 ? firstEnd : 0)
  while (budget() < max / 2 && (before.length || after.length)) {
    const next = after[0]
    if (next !== undefined && next - from <= max) to = after.shift()!
    else if (before.length) from = before.shift()!
    else break
  }
  // The rest of the sentence after the kept clauses is dropped — except a short closing predicate
  // (……，可以申请加入中国共产党), without which the kept clauses do not say what they are for.
  let body = sentence.slice(from, Math.min(to - 1, sentence.length)).replace(/[，,：:；;]$/, '')
  const last = sentence.slice(bounds[bounds.length - 2]!)
  if (to <= sentence.length && last.length <= 16 && MAIN_PREDICATE.test(last)) body += `……${last}`
  if (from === 0) return body
  if (from === firstEnd) return sentence.slice(0, firstEnd) + body
  return `${sentence.slice(0, firstEnd - 1)}……${body}`
}

/** A clause that carries a sentence's main verb (可以申请加入中国共产党, 就被认为是自行脱党). */
const MAIN_PREDICATE = /^(?:都|就|才|均|也)?(?:可以|应当|必须|才能|不得|不能|被认为|由)/

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' }

/**
 * Half-width punctuation next to a Chinese character as full width (谁主管,谁负责 → 谁主管，谁负责).
 * Prompts and answers use it; the reader keeps the text as published.
 */
export function fullWidth(text: string): string {
  return text.replace(/(?<=[\u3400-\u9fff“”）])[,;:!?()]|[,;:!?()](?=[\u3400-\u9fff“”（])/gu, (ch) => HALF_TO_FULL[ch] ?? ch)
}

/** cyrb53: a fast, well-spread 53-bit string hash, written in base 36. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** A generator seeded by a string (a card id), so shuffles depend only on the seed. */
function random(seed: string): () => number {
  return seededRandom(parseInt(hash(seed).slice(0, 8), 36))
}

/** Fisher–Yates shuffle seeded by `seed` (a card id): same seed, same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffleWith(items, random(seed))
}

/** Picks `n` items deterministically (order kept as in the input). */
export function seededPick<T>(items: readonly T[], n: number, seed: string): T[] {
  if (items.length <= n) return [...items]
  const chosen = new Set(seededShuffle(items.map((_, i) => i), seed).slice(0, n))
  return items.filter((_, i) => chosen.has(i))
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\p{P}\s]/gu, '')]
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c))
}

/** The sentence of a passage that shares most two-character pieces with `probe` (what a card is about). */
export function sentenceAbout(body: string, probe: string): string {
  const wanted = bigrams(probe)
  let best = ''
  let bestScore = 0
  for (const s of splitSentences(body)) {
    let score = 0
    for (const b of bigrams(s.text)) if (wanted.has(b)) score++
    if (score > bestScore) (best = s.text), (bestScore = score)
  }
  return best || body
}
