import { findQuantities, type Quantity } from './numbers'
import { isBlankable, isPunctuation } from './text'

/** A part of a sentence a card can test. */
export interface KeySpan {
  kind: 'quantity' | 'quoted' | 'term' | 'predicate' | 'member'
  text: string
  start: number
  end: number
  quantity?: Quantity
  /** For a list member: the other members of its list (for distractors and enumerations). */
  list?: EnumeratedList
}

/** A `、`-separated enumeration inside one clause: 政治纪律、组织纪律、……和生活纪律. */
export interface EnumeratedList {
  items: { text: string; start: number; end: number }[]
  /** Where the clause holding the list starts and ends in the sentence. */
  clauseStart: number
  clauseEnd: number
}

const MAX_TERM = 12
/** Words after which a list's first member starts (党的纪律主要包括|政治纪律). */
const STRONG_HEAD = /主要包括|包括|包含|分为|是指|指|即|有|是|为/g
/** Weaker heads (verbs that can also start a member), used only when no strong head is found. */
const LIST_HEAD = /坚持|加强|实现|做到|开展|组织|通过|秉承|履行|学习|发挥|注重|提高|担负|直接|以|对|把|的|在|和/g
/** Words before which a list's last member ends (……和服务群众|的职责). */
const LIST_TAIL = /(?:等|的|作为|这|为|是|方面|相结合|结合)/
/** Words a defined term never starts with (prepositions, pronouns, conjunctions). */
const NOT_A_SUBJECT = /^(?:它|他|她|这|那|其|此|我|你|该|每|凡|如|若|在|对|从|由|经|根据|按照|除|为了|因|所|并|而|但|也|都|就|只有|不|没有|始终|必须|应当|要)/

function median(values: readonly number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function commonSuffix(words: readonly string[]): string {
  if (!words.length) return ''
  let suffix = words[0]!
  for (const w of words) while (suffix && !w.endsWith(suffix)) suffix = suffix.slice(1)
  return suffix
}

/** Finds the enumerations of a sentence (three members or more). */
export function findLists(sentence: string): EnumeratedList[] {
  const lists: EnumeratedList[] = []
  let clauseStart = 0
  for (let i = 0; i <= sentence.length; i++) {
    const ch = sentence[i]
    if (ch !== undefined && !/[，,：:；;（）()]/.test(ch)) continue
    const clause = sentence.slice(clauseStart, i)
    if (clause.includes('、')) {
      const list = parseList(clause, clauseStart)
      if (list) lists.push({ ...list, clauseStart, clauseEnd: i })
    }
    clauseStart = i + 1
  }
  return lists
}

function parseList(clause: string, offset: number): Omit<EnumeratedList, 'clauseStart' | 'clauseEnd'> | null {
  // Quote marks inside the clause belong to the members (“三个代表”重要思想); a list wrapped in
  // quotes (“干净、担当、诚信”) is cut to the quotes.
  let body = clause
  let base = offset
  const quoted = /“([^”]*、[^”]*)”/.exec(clause)
  if (quoted && !/[^”]+、[^“]*“/.test(clause.slice(0, quoted.index + 1))) {
    body = quoted[1]!
    base = offset + quoted.index + 1
  }
  const raw = body.split('、')
  if (raw.length < 3 && !/(?:和|及|以及|与)/.test(raw[raw.length - 1] ?? '')) return null
  const positions: { text: string; start: number }[] = []
  let at = base
  for (const part of raw) {
    positions.push({ text: part, start: at })
    at += part.length + 1
  }
  // Middle chunks joining two members with 和 (监督党员和组织群众) are split too.
  const typical = median(positions.slice(1, -1).map((p) => p.text.length))
  for (let i = positions.length - 2; i >= 1; i--) {
    const chunk = positions[i]!
    const join = /^(.{2,}?)(?:和|及|与)(.{2,})$/.exec(chunk.text)
    if (join && chunk.text.length > typical + 1 && join[1]!.length <= typical + 2 && join[2]!.length <= typical + 2) {
      positions.splice(i, 1, { text: join[1]!, start: chunk.start }, { text: join[2]!, start: chunk.start + chunk.text.length - join[2]!.length })
    }
  }
  const middle = positions.slice(1, -1).map((p) => p.text)
  const maxMiddle = median(middle.map((m) => m.length))
  // A suffix shared by one word is the word itself: it takes two members to show a pattern.
  const suffix = middle.length >= 2 ? commonSuffix(middle) : ''
  // First member: cut after the last head word, then to the members' length when they share a suffix.
  const first = positions[0]!
  if (first.text.length > maxMiddle + 1) {
    const lastHead = (pattern: RegExp) => {
      let cut = 0
      for (const head of first.text.matchAll(pattern)) {
        const after = head.index + head[0].length
        if (first.text.length - after >= 2) cut = after
      }
      return cut
    }
    const cut = lastHead(STRONG_HEAD) || lastHead(LIST_HEAD)
    first.start += cut
    first.text = first.text.slice(cut)
    const sharesSuffix = suffix.length >= 2 && first.text.endsWith(suffix)
    if (middle.length && first.text.length > maxMiddle + (sharesSuffix ? 1 : 2)) {
      const keep = Math.max(maxMiddle, suffix.length + 2)
      first.start += first.text.length - keep
      first.text = first.text.slice(-keep)
    }
  }
  // Last member: split off `和 / 及 / 以及 / 与`, then cut before a trailing phrase.
  const lastPart = positions.pop()!
  const tail: { text: string; start: number }[] = []
  const join = /^(.{2,}?)(?:以及|和|及|与)(.{2,})$/.exec(lastPart.text)
  if (join && raw.length >= 2) {
    tail.push({ text: join[1]!, start: lastPart.start })
    const offsetSecond = lastPart.text.length - join[2]!.length
    tail.push({ text: join[2]!, start: lastPart.start + offsetSecond })
  } else tail.push(lastPart)
  const last = tail[tail.length - 1]!
  if (last.text.length > maxMiddle + 1) {
    const end = LIST_TAIL.exec(last.text)
    if (end && end.index >= 2) last.text = last.text.slice(0, end.index)
  }
  const members = [...positions, ...tail]
  for (const m of members) {
    const etc = m.text.indexOf('等')
    if (etc >= 2) m.text = m.text.slice(0, etc)
  }
  if (members.length < 3) return null
  return { items: members.map((m) => ({ text: m.text, start: m.start, end: m.start + m.text.length })) }
}

/** A sentence subject that reads as a term (党支部, 开除党籍), not a clause fragment (预备党员转, 下级组织如果认). */
function isDefinedTerm(subject: string): boolean {
  return (
    !NOT_A_SUBJECT.test(subject) &&
    isBlankable(subject) &&
    !/\d/.test(subject) &&
    !/[转认成作称因行视选改变更列]$/.test(subject) &&
    !/如果|若|永远|始终|一律|必须|应当|都|也|就|还|已|要|不/.test(subject)
  )
}

/** A member is testable when it reads as a term: short, no punctuation left, not a function word. */
export function isTestableMember(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= MAX_TERM &&
    !/[，,。；;：:“”（）()\s\d]/.test(text) &&
    // 的 / 和 inside a member mean the list boundary was guessed wrong (党的工作的批评, 中央和省)
    !/[的和及]/.test(text.slice(1)) &&
    isBlankable(text)
  )
}

/** The quantities, quoted terms, defined terms and list members of one sentence. */
export function findSpans(sentence: string): KeySpan[] {
  const spans: KeySpan[] = []
  for (const q of findQuantities(sentence)) spans.push({ kind: 'quantity', text: q.text, start: q.start, end: q.end, quantity: q })
  for (const m of sentence.matchAll(/[“《]([\u4e00-\u9fffA-Za-z0-9]{2,12})[”》]/gu)) {
    spans.push({ kind: 'quoted', text: m[0], start: m.index, end: m.index + m[0].length })
  }
  const defined = /^([^，,：:；;、“”（）()]{2,10}?)(?:是指|就是|是|为)(?!了|的)/.exec(sentence)
  if (defined && isDefinedTerm(defined[1]!)) {
    const subject = defined[1]!
    if (!sentence.slice(subject.length).includes(subject)) spans.push({ kind: 'term', text: subject, start: 0, end: subject.length })
  }
  // X是Y / X实行Y: the predicate is the fact printed tests ask most (民主集中制是党的根本组织原则).
  const predicate = /^([^，,：:；;、（）()]{2,16}?)(是|实行|实施|坚持)([^，,：:；;、“”（）()]{4,10})$/.exec(sentence)
  if (predicate && isDefinedTerm(predicate[1]!) && isBlankable(predicate[3]!) && !/[的和]/.test(predicate[3]!.slice(-1))) {
    const start = predicate[1]!.length + predicate[2]!.length
    const text = predicate[3]!.replace(/^(?:党的|我国的|我们党的)/, '')
    spans.push({ kind: 'predicate', text, start: sentence.length - text.length, end: sentence.length })
    void start
  }
  for (const list of findLists(sentence)) {
    // Several untestable members mean the boundaries were guessed wrong: trust none of them.
    const failures = list.items.filter((i) => !isTestableMember(i.text)).length
    if (failures >= 2 || failures * 3 >= list.items.length) continue
    const typical = median(list.items.map((i) => i.text.length))
    const suffix = commonSuffix(list.items.slice(1, -1).map((i) => i.text))
    list.items.forEach((item, position) => {
      // The ends of a list are where its boundaries are guessed; only inner members are tested.
      if (position === 0 || position === list.items.length - 1) return
      // A member much longer than its siblings is a clause the parser did not cut (自治区委员会在几个县).
      const fits = Math.abs(item.text.length - typical) <= 2 || (suffix.length >= 2 && item.text.endsWith(suffix))
      if (fits && isTestableMember(item.text)) spans.push({ kind: 'member', text: item.text, start: item.start, end: item.end, list })
    })
  }
  // Keep the first of overlapping spans of the same kind; different kinds may overlap (they make different cards).
  return spans.filter((s, i) => !spans.some((o, j) => j < i && o.kind === s.kind && o.start < s.end && s.start < o.end))
}

export { isPunctuation }
