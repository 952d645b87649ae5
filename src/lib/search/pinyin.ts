/**
 * Pinyin typed for Han text: full pinyin (dangyuan yiwu, rudangshici) and initials (rdsc, mzjzz), read back
 * into the characters of the texts. The readings of every character the texts use are prepared at build
 * time (no pinyin library ships with the app); which characters follow which is read from the index
 * itself (its Han pairs), so any word of the texts — and of a document the branch adds — can be typed.
 */

/** Toneless syllable (ü written v) → the characters of the texts read so, each once. */
export type Readings = Record<string, string>

/** A character's toneless readings (ü as v): pinyin-pro at build time, or whatever the caller has. */
export type ReadCharacter = (ch: string) => readonly string[]

const HAN = /\p{Script=Han}/u

/** How pinyin-pro is asked for a character's readings, at build time and for a branch's document alike. */
export const PINYIN_OPTIONS = { toneType: 'none', type: 'array', multiple: true, v: true } as const

/** The readings of `chars` (Han only), merged into `into` when given. */
export function readingsOf(chars: Iterable<string>, read: ReadCharacter, into: Readings = {}): Readings {
  for (const ch of chars) {
    if (!HAN.test(ch)) continue
    for (const syllable of read(ch)) {
      const key = syllable.toLowerCase().replace(/ü/gu, 'v')
      if (!/^[a-z]+$/.test(key)) continue
      const have = into[key] ?? ''
      if (!have.includes(ch)) into[key] = have + ch
    }
  }
  return into
}

/** What the decoder needs of the index: in how many passages a Han term (character or pair) occurs. */
export type TermFrequency = (term: string) => number

/** The Han pairs of the texts, as characters that follow and precede each character. */
export interface PairTable {
  next: ReadonlyMap<string, ReadonlySet<string>>
  prev: ReadonlyMap<string, ReadonlySet<string>>
  /** Runs of three Han characters in the texts, when kept (small corpora): a word read back must stand in the texts. */
  triples?: ReadonlySet<string>
}

/** Han runs of three characters in `texts`. */
export function tripleSet(texts: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const text of texts) {
    for (const [run] of text.matchAll(/\p{Script=Han}{3,}/gu)) {
      const chars = [...run]
      for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!)
    }
  }
  return out
}

export function pairTable(pairs: Iterable<string>, triples?: ReadonlySet<string>): PairTable {
  const next = new Map<string, Set<string>>()
  const prev = new Map<string, Set<string>>()
  for (const pair of pairs) {
    const [a, b, more] = [...pair]
    if (!a || !b || more || !HAN.test(a) || !HAN.test(b)) continue
    ;(next.get(a) ?? next.set(a, new Set()).get(a)!).add(b)
    ;(prev.get(b) ?? prev.set(b, new Set()).get(b)!).add(a)
  }
  return { next, prev, ...(triples ? { triples } : {}) }
}

interface State {
  text: string
  last: string
  score: number
}

/** States kept after each syllable or letter. */
const BEAM = 24
/** Asked of `frequency` for the number of passages (PMI needs it); any non-Han key works. */
export const PASSAGE_COUNT_KEY = '#passages'
/** States that may end a word and start another there (rdsc → 入党 誓词). */
const BREAK_STATES = 3
/** A pair the texts hold scores by how common it is; a break between two words costs this. */
const BREAK = -4
/** A character that can run on into the next syllable's characters. */
const RUNS_ON = 1.5
const MAX_LETTERS = 40

/**
 * The Han words the letters most likely stand for in these texts, words separated by a space where the
 * characters do not run together in the texts (rdsc → 入党 誓词); null when the letters read as nothing.
 * `initials`: one letter per character; otherwise the letters are split into whole syllables.
 */
export function decodeLetters(letters: string, initials: boolean, readings: Readings, frequency: TermFrequency, pairs: PairTable): string | null {
  if (!/^[a-z]+$/.test(letters) || letters.length > MAX_LETTERS) return null
  const charsOf = initials ? byInitial(readings) : null
  const sets = new Map<string, Set<string>>()
  const setOf = (chars: string) => sets.get(chars) ?? sets.set(chars, new Set(chars)).get(chars)!
  // How much more often two characters stand together than chance (pointwise mutual information): words of
  // the texts (勤俭, 誓词) stand out, pairs of merely common characters (人的, 的生) do not.
  const passages = Math.max(1, frequency(PASSAGE_COUNT_KEY) || 1000)
  const together = (a: string, b: string) => Math.max(0, Math.log((frequency(a + b) * passages) / Math.max(1, frequency(a) * frequency(b))))
  const stepsAt = (i: number): [number, string][] => (initials ? [[1, charsOf!.get(letters[i]!) ?? '']] : syllablesAt(letters, i, readings))
  // Characters that some character of the steps at `end` follows in the texts (memoised per position).
  const runsOn = new Map<number, Set<string>>()
  const canRunOn = (ch: string, end: number) => {
    if (end === letters.length) return false
    let set = runsOn.get(end)
    if (!set) {
      set = new Set()
      for (const [, chars] of stepsAt(end)) for (const n of chars) for (const p of pairs.prev.get(n) ?? []) set.add(p)
      runsOn.set(end, set)
    }
    return set.has(ch)
  }
  const states: State[][] = Array.from({ length: letters.length + 1 }, () => [])
  states[0] = [{ text: '', last: '', score: 0 }]
  for (let i = 0; i < letters.length; i++) {
    const here = states[i]!
    if (!here.length) continue
    here.sort((a, b) => b.score - a.score).splice(BEAM)
    for (const [length, chars] of stepsAt(i)) {
      if (!chars) continue
      const end = i + length
      const next = states[end]!
      const alone = (ch: string) => 0.3 * Math.log1p(frequency(ch)) + (canRunOn(ch, end) ? RUNS_ON : 0)
      here.forEach((state, rank) => {
        if (!state.last) {
          for (const ch of chars) next.push({ text: ch, last: ch, score: alone(ch) })
          return
        }
        const joined = new Set<string>()
        const wanted = setOf(chars)
        const before = state.text.length >= 2 && state.text[state.text.length - 2] !== ' ' ? state.text.slice(-2) : ''
        for (const ch of pairs.next.get(state.last) ?? []) {
          if (!wanted.has(ch)) continue
          if (before && pairs.triples && !pairs.triples.has(before + ch)) continue
          joined.add(ch)
          next.push({ text: state.text + ch, last: ch, score: state.score + 2 + 0.5 * together(state.last, ch) + 0.5 * Math.log1p(frequency(state.last + ch)) + (canRunOn(ch, end) ? RUNS_ON : 0) })
        }
        if (rank >= BREAK_STATES) return
        for (const ch of chars) if (!joined.has(ch)) next.push({ text: `${state.text} ${ch}`, last: ch, score: state.score + BREAK + alone(ch) })
      })
    }
  }
  const end = states[letters.length]!
  if (!end.length) return null
  end.sort((a, b) => b.score - a.score)
  const best = end[0]!
  // A reading with a break after every character is a guess, not a word of the texts.
  const words = best.text.split(' ')
  return words.some((word) => [...word].length >= 2) || [...best.text].length === 1 ? best.text : null
}

/** Whether the letters split wholly into syllables the texts' characters have (dangyuan → dang yuan). */
export function isFullPinyin(letters: string, readings: Readings): boolean {
  const reach = new Array<boolean>(letters.length + 1).fill(false)
  reach[0] = true
  for (let i = 0; i < letters.length; i++) {
    if (!reach[i]) continue
    for (const [length] of syllablesAt(letters, i, readings)) reach[i + length] = true
  }
  return reach[letters.length]!
}

function syllablesAt(letters: string, at: number, readings: Readings): [number, string][] {
  const out: [number, string][] = []
  for (let length = 1; length <= 6 && at + length <= letters.length; length++) {
    const chars = readings[letters.slice(at, at + length)]
    if (chars) out.push([length, chars])
  }
  return out
}

const initialsCache = new WeakMap<Readings, Map<string, string>>()

/** First letter → every character whose reading starts with it. */
function byInitial(readings: Readings): Map<string, string> {
  let map = initialsCache.get(readings)
  if (map) return map
  map = new Map()
  for (const [syllable, chars] of Object.entries(readings)) {
    const have = map.get(syllable[0]!) ?? ''
    let add = ''
    for (const ch of chars) if (!have.includes(ch) && !add.includes(ch)) add += ch
    map.set(syllable[0]!, have + add)
  }
  initialsCache.set(readings, map)
  return map
}
