/**
 * Text helpers for aligning a branch's official copy with a bundled text:
 * turning a saved web page into lines, folding away differences that are not differences
 * (whitespace, full/half-width punctuation), similarity and a character-level diff.
 */

/** Chinese punctuation and its ASCII twin count as the same character when comparing wording. */
const PUNCTUATION_TWINS: Record<string, string> = {
  '，': ',', '。': '.', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')',
  '“': '"', '”': '"', '‘': "'", '’': "'", '〔': '[', '〕': ']', '【': '[', '】': ']', '－': '-', '—': '-', '─': '-',
}

/** One character folded: NFKC (full-width forms → ASCII), punctuation twins, lower case. */
export function foldChar(ch: string): string {
  const nfkc = ch.normalize('NFKC')
  return (PUNCTUATION_TWINS[nfkc] ?? PUNCTUATION_TWINS[ch] ?? nfkc).toLowerCase()
}

/** The text as compared: no whitespace at all, every character folded. */
export function foldText(text: string): string {
  let out = ''
  for (const ch of text) if (!/[\s\u3000\u00a0\ufeff]/u.test(ch)) out += foldChar(ch)
  return out
}

export interface Bigrams {
  map: Map<string, number>
  size: number
}

/** Character bigram counts of a folded text, computed once per passage when comparing many pairs. */
export function bigrams(s: string): Bigrams {
  const map = new Map<string, number>()
  const chars = [...s]
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!
    map.set(g, (map.get(g) ?? 0) + 1)
  }
  return { map, size: Math.max(chars.length - 1, 0) }
}

export function dice(x: Bigrams, y: Bigrams): number {
  if (!x.size || !y.size) return 0
  const [small, large] = x.map.size <= y.map.size ? [x, y] : [y, x]
  let common = 0
  for (const [g, n] of small.map) common += Math.min(n, large.map.get(g) ?? 0)
  return (2 * common) / (x.size + y.size)
}

/** Dice coefficient of character bigrams of two folded texts (0 … 1). */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0
  return dice(bigrams(a), bigrams(b))
}

export interface DiffSegment {
  op: 'same' | 'removed' | 'added'
  text: string
}

/**
 * Character-level diff (LCS) from `before` to `after`, ignoring whitespace and comparing folded characters.
 * Equal runs carry the `after` characters. Sized for passages (a few thousand characters at most).
 */
export function diffChars(before: string, after: string): DiffSegment[] {
  const a = [...before].filter((ch) => !/[\s\u3000]/u.test(ch))
  const b = [...after].filter((ch) => !/[\s\u3000]/u.test(ch))
  const fa = a.map(foldChar)
  const fb = b.map(foldChar)
  // Trim the common head and tail first: official variants usually differ in a few places.
  let head = 0
  while (head < a.length && head < b.length && fa[head] === fb[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && fa[a.length - 1 - tail] === fb[b.length - 1 - tail]) tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  const width = m + 1
  const lcs = new Uint16Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] = fa[head + i] === fb[head + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
  const segments: DiffSegment[] = []
  const push = (op: DiffSegment['op'], ch: string) => {
    const last = segments[segments.length - 1]
    if (last?.op === op) last.text += ch
    else segments.push({ op, text: ch })
  }
  for (let k = 0; k < head; k++) push('same', b[k]!)
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && fa[head + i] === fb[head + j]) {
      push('same', b[head + j]!)
      i++
      j++
    } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      push('removed', a[head + i]!)
      i++
    } else {
      push('added', b[head + j]!)
      j++
    }
  }
  for (let k = b.length - tail; k < b.length; k++) push('same', b[k]!)
  return segments
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·', ensp: ' ', emsp: '\u3000' }

export function looksLikeHtml(text: string): boolean {
  return /<!doctype html|<html[\s>]|<body[\s>]|<\/p>|<br\s*\/?>|<\/div>/i.test(text)
}

/** The visible text of a web page saved from a browser, one block element per line. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|tr|section|article|blockquote|header|footer|table|ul|ol|dd|dt)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
      }
      return ENTITIES[name.toLowerCase()] ?? whole
    })
}
