import { parseNumeral } from '../content/numerals'
import { isFullPinyin } from './pinyin'
import { foldTraditional, termForInitials, type SearchVocabulary } from './vocabulary'

/**
 * Question and filler words: they say how a member asks, not what about, so they are left out of the
 * words a passage must hold. A count word after 几/多少 goes with it (几年一届 asks about 届, not 年).
 */
const FILLER =
  /是不是|是否|能不能|可不可以|有没有|会不会|要不要|什么样子?的?|什么时候|什么|哪些|哪[几一]?[个项条种类位]?|怎么办|怎么样|怎么|怎样|如何|为什么|为何|多长时间|多长|多久|多少[个项条种年届次名人]?|多大年龄|多大|第几|几[个项条种年届次名人月天岁位]?|请问|一下|随便|一大堆|大家|一点儿?|需要|应该|可以|叫做|指的是|[吗呢吧啊呀么的了是有要能都就算叫指]/gu

const CONJUNCTION = /[与和及]/u
/** 与/和/及 between two words of two characters or more joins them (党徽和党旗); inside a word (和谐) it stays. */
const JOINING = /(?<=\p{Script=Han}{2})[与和及](?=\p{Script=Han}{2})/u
const CITATION = /^(第)?([零〇一二三四五六七八九十百两]+|\d+)([条项点款])?$/u

export interface UnderstoodQuery {
  /** The query as the engine reads it: traditional characters folded, pinyin initials spelled out. */
  text: string
  /** A document named at the start or end of the query (党章…, …八项规定). */
  docId: string | null
  /** The query names a document and nothing else. */
  titleOnly: boolean
  /** An article or point of `docId` asked for by number (党章第十条, 八项规定 2条). */
  citation: number | null
  /** Phrasings of the whole query whose words are all wanted: as typed, 与/和/及 swapped, short forms spelled out. */
  variants: string[][]
  /**
   * The content words without the document name (question words left out, short forms spelled out):
   * also all wanted, looked for in the named document only when there is one.
   */
  scoped: string[][]
  /** What partial matching looks for: content words, known terms kept whole (in the named document, if any). */
  pieces: string[]
  /** The content words as typed and with short forms and everyday words spelled out: each a whole phrasing. */
  phrasings: string[][]
  /** Known terms in the query (glossary terms, names, headings): only matched whole. */
  atoms: Set<string>
}

/**
 * Reads a normalised query (words separated by spaces) as a member means it.
 * `isIndexed` tells whether a Latin word is a word of the texts (then it is not read as pinyin).
 */
export function understand(normalized: string, vocabulary: SearchVocabulary, isIndexed: (term: string) => boolean, spell: SpellLetters = () => null): UnderstoodQuery {
  let text = foldTraditional(normalized, vocabulary.fold).trim()
  if (LETTERS.test(text) && !text.split(' ').some(isIndexed)) text = fromLetters(text.replace(/\s+/gu, ''), vocabulary, spell) ?? text

  let docId: string | null = null
  let rest = text
  for (const [name, id] of vocabulary.documents) {
    if (name.length < 2) continue
    if (text.startsWith(name)) rest = text.slice(name.length)
    else if (text.endsWith(name)) rest = text.slice(0, -name.length)
    else continue
    docId = id
    break
  }
  rest = rest.trim()
  const restAtoms = atomsIn(rest, vocabulary)
  const titleOnly = docId !== null && contentWords(rest, restAtoms).length === 0
  const cited = docId ? CITATION.exec(rest.replace(/\s+/gu, '')) : null
  const citation = cited && (cited[1] || cited[3]) ? parseNumeral(cited[2]!) : null

  const variants: string[][] = []
  const seen = new Set<string>()
  const addVariant = (words: string[]) => {
    const key = words.join(' ')
    if (words.length && !seen.has(key)) seen.add(key), variants.push(words)
  }
  const words = (s: string) => s.split(/\s+/u).filter(Boolean)
  addVariant(words(text))
  if (CONJUNCTION.test(text)) {
    addVariant(words(text.replace(/[与和及]/gu, '和')))
    addVariant(words(text.replace(/[与和及]/gu, '与')))
  }
  const spelled = spellOut(text, vocabulary)
  addVariant(words(spelled))
  const spelledRest = spellOut(rest, vocabulary)
  const atoms = spelledRest === rest ? restAtoms : new Set([...restAtoms, ...atomsIn(spelledRest, vocabulary)])
  const restWords = contentWords(rest, atoms)
  const spelledWords = spelledRest === rest ? restWords : contentWords(spelledRest, atoms)
  const pieces = [...new Set([...restWords, ...spelledWords])]
  const scoped: string[][] = []
  for (const words of [restWords, spelledWords]) {
    const key = words.join(' ')
    if (words.length && !seen.has(key)) seen.add(key), scoped.push(words)
  }
  const phrasings = spelledWords === restWords ? [restWords] : [restWords, spelledWords]
  return { text, docId, titleOnly, citation: Number.isNaN(citation) ? null : citation, variants, scoped, pieces, phrasings, atoms }
}

/** Reads Latin letters as the Han words of the texts they spell: `initials` one letter per character. */
export type SpellLetters = (letters: string, initials: boolean) => string | null

const LETTERS = /^[a-z]{2,}(?: [a-z]+)*$/u

/**
 * Pinyin typed for Han words: whole syllables (dangyuanyiwu, rudang shici) are read as full pinyin; other
 * letters as initials — first the start of a reviewed term (glossary terms, names, headings), then any word of the
 * texts, then a part of a reviewed term.
 */
function fromLetters(letters: string, vocabulary: SearchVocabulary, spell: SpellLetters): string | null {
  if (vocabulary.readings && isFullPinyin(letters, vocabulary.readings)) return spell(letters, false)
  return termForInitials(letters, vocabulary.initials, { within: false }) ?? spell(letters, true) ?? termForInitials(letters, vocabulary.initials)
}

/** Short forms replaced by the full wording the texts use (中纪委 → 中央纪律检查委员会); the build lists the longest first. */
function spellOut(text: string, vocabulary: SearchVocabulary): string {
  let out = text
  // Checked against the query as typed: two everyday words may stand for one wording (一辈子的铁饭碗 → 终身).
  for (const [short, full] of vocabulary.synonyms)
    if (out.includes(short) && !text.includes(full)) out = out.split(short).join(full)
  return out
}

/** Known multi-character terms inside the query: kept whole, never split by question-word removal. */
function atomsIn(text: string, vocabulary: SearchVocabulary): Set<string> {
  const atoms = new Set<string>()
  for (const [, term] of vocabulary.initials) if (term.length >= 3 && text.includes(term)) atoms.add(term)
  for (const [name] of vocabulary.documents) if (name.length >= 3 && text.includes(name)) atoms.add(name)
  return atoms
}

/**
 * The words that carry the query's meaning: question and filler words removed, known terms whole.
 * One-character leftovers are dropped (几项 → 项 means nothing alone) unless the query is that one character.
 */
export function contentWords(text: string, atoms: ReadonlySet<string>): string[] {
  // Known terms are shielded from question-word removal (党的纪律 keeps its 的), but stay part of
  // the run around them, so 党支部委员会 can still meet 支部委员会 in the text.
  const shielded = [...atoms].sort((a, b) => b.length - a.length).slice(0, SHIELDS.length)
  let masked = text
  shielded.forEach((atom, i) => (masked = masked.split(atom).join(SHIELDS[i])))
  const unmask = (piece: string) => shielded.reduce((out, atom, i) => out.split(SHIELDS[i]!).join(atom), piece)
  const out: string[] = []
  for (const word of masked.split(/[\s\p{P}\p{S}]+/u)) {
    for (const raw of word.split(JOINING).flatMap((part) => part.split(FILLER))) {
      const piece = unmask(raw)
      if ([...piece].length >= 2 || (piece && text.trim() === piece)) out.push(piece)
    }
  }
  return [...new Set(out)]
}

/** Private-use characters standing in for known terms while question words are removed. */
const SHIELDS = [...'\uE000\uE001\uE002\uE003\uE004\uE005\uE006\uE007']

