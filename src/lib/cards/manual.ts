import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { ContentError, type StudyDocument } from '../content/types'
import { headingOf } from '../search/passages'
import { cardId, factId } from './context'
import { findQuantities } from './numbers'
import { cardProblems } from './quality'
import { seededShuffle, sentenceAbout, stripLabel } from './text'
import { CARD_TYPE_LABELS, type Card, type CardType } from './types'

/**
 * Hand-written cards live beside a text in `content/<docId>.cards.yaml` (not `.md`, so the
 * content pipeline does not take them for a document):
 *
 * ```yaml
 * doc: tibet-museum-branch        # the document's id
 * cards:
 *   - anchor: part-2-1            # the passage the question is about
 *     type: cloze                 # cloze | enumeration | source | choice | multi | truefalse
 *     prompt: 自党支部成立以来已发展党员（    ）。
 *     answer: 6名                 # a list for enumeration and multi
 *     options: [4名, 5名, 6名, 7名] # choice / multi (shuffled by card id); truefalse gets 正确/错误
 *     original: 6名               # truefalse answered 错误: the original wording, as in the passage
 *     about: 已发展党员6名          # optional: the passage sentence the card tests (default: the one
 *                                 # closest to prompt and answer); cards on one sentence share a fact
 *     ordered: false              # enumeration: whether order matters (default false)
 *     key: members-developed      # optional: keeps the id (and review progress) when the wording changes
 * ```
 *
 * Ids are `${doc}#${anchor}:${type}:${hash(key ?? answer)}` — from the tested fact, like generated cards.
 * Every card passes the same quality checks as generated ones; problems are ContentErrors naming file:line.
 *
 * What blind reviews (a secretary printing a test) rejected, beyond what the lint catches: a false
 * 判断 made by moving a requirement from another point of the same text (精简文件简报，切实改进会风 —
 * true in substance) or by weakening a rule (至少一次 where the text says 至少两次); a 判断 nobody
 * could mark false; a 单选 whose stem names its answer (廉洁齐家 → 良好家风); a blank completed by
 * parallelism (从群众中来，（到群众中去）) or on a word with equally good fills (作出（决议）).
 */
export interface CardFile {
  /** Path shown in error messages, e.g. `content/tibet-museum-branch.cards.yaml`. */
  name: string
  source: string
}
export type ManualCardSource = CardFile

const TYPES = Object.keys(CARD_TYPE_LABELS) as CardType[]
const FIELDS = new Set(['anchor', 'type', 'prompt', 'answer', 'options', 'original', 'about', 'ordered', 'key'])

/** Parses and validates one companion file against the documents it refers to. */
export function parseCardFile(file: CardFile, documents: readonly StudyDocument[]): Card[] {
  const lines = new LineCounter()
  const yaml = parseDocument(file.source, { lineCounter: lines, prettyErrors: false })
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1)
  const fail = (node: Node | null | undefined, reason: string): never => {
    throw new ContentError(file.name, lineOf(node), reason)
  }
  const yamlError = yaml.errors[0]
  if (yamlError) throw new ContentError(file.name, yamlError.linePos?.[0]?.line ?? 1, `YAML 格式错误：${yamlError.message}`)
  const root = yaml.contents
  if (!isMap(root)) return fail(root, '文件须以 doc: 和 cards: 两项开头')
  const docId: unknown = root.get('doc')
  const doc = documents.find((d) => d.id === docId)
  if (typeof docId !== 'string') return fail(root, '缺少 doc:（所属文档的 id）')
  if (!doc) return fail(root.get('doc', true) as Node, `找不到文档“${docId}”`)
  const list = root.get('cards', true) as Node | undefined
  if (!isSeq(list)) return fail(list ?? root, 'cards: 须是一个列表')

  const cards: Card[] = []
  const seen = new Map<string, number>()
  for (const item of list.items) {
    if (!isMap(item)) fail(item as Node, '每张卡片须是一组“字段: 值”')
    const entry = item as typeof root
    const at = lineOf(entry)
    for (const pair of entry.items) {
      const name = String((pair.key as { value?: unknown } | null)?.value ?? '')
      if (!FIELDS.has(name)) fail(pair.key as Node, `未知字段“${name}”（可用：${[...FIELDS].join('、')}）`)
    }
    const values = entry.toJSON() as Record<string, unknown>
    const field = (name: string): unknown => values[name]
    const where = (name: string) => (entry.get(name, true) as Node | undefined) ?? entry
    const anchor = field('anchor')
    const type = field('type')
    const prompt = field('prompt')
    const answer = field('answer')
    if (typeof anchor !== 'string') fail(entry, '缺少 anchor:（问题所依据的段落锚点）')
    const passage = doc.passages.find((p) => p.anchor === anchor)
    if (!passage) fail(where('anchor'), `文档“${doc.id}”中没有锚点“${String(anchor)}”`)
    if (typeof type !== 'string' || !TYPES.includes(type as CardType)) fail(where('type'), `type: 须是 ${TYPES.join(' / ')} 之一`)
    if (typeof prompt !== 'string' || !prompt.trim()) fail(where('prompt'), '缺少 prompt:（题干）')
    const isList = type === 'enumeration' || type === 'multi'
    const answerOk = isList
      ? Array.isArray(answer) && answer.length > 0 && answer.every((a) => typeof a === 'string' || typeof a === 'number')
      : typeof answer === 'string' || typeof answer === 'number'
    if (!answerOk) fail(where('answer'), isList ? 'answer: 须是一个列表' : 'answer: 须是一段文字')
    const options = field('options')
    if (options !== undefined && !(Array.isArray(options) && options.every((o) => typeof o === 'string' || typeof o === 'number'))) {
      fail(where('options'), 'options: 须是一个列表')
    }
    const original = field('original')
    const about = field('about')
    const ordered = field('ordered')
    const key = field('key')
    const text = (v: unknown) => String(v).trim()
    const answerValue = isList ? (answer as unknown[]).map(text) : text(answer)
    const t = type as CardType
    const p = passage!
    const id = cardId(doc.id, p.anchor, t, key !== undefined ? `key:${text(key)}` : `manual:${[answerValue].flat().join('、')}`)
    const card: Card = {
      id,
      docId: doc.id,
      anchor: p.anchor,
      type: t,
      prompt: text(prompt),
      answer: answerValue,
      source: p.text,
      heading: headingOf(p),
      fact: '',
      origin: 'manual',
      generator: 'manual',
    }
    // The glossary is the project's own prose: a card written on it asks what a term means (释义).
    if (doc.kind === 'glossary') card.label = '释义'
    if (t === 'truefalse') card.options = ['正确', '错误']
    else if (options !== undefined) {
      const list = (options as unknown[]).map(text)
      // Numbers are offered as a sorted ladder, as printed tests do; other options are shuffled.
      const quantities = list.map((o) => findQuantities(o)[0]?.value)
      card.options = quantities.every((q) => q !== undefined)
        ? list.map((o, i) => ({ o, v: quantities[i]! })).sort((a, b) => a.v - b.v).map((x) => x.o)
        : seededShuffle(list, id)
    }
    else if (t === 'choice' || t === 'multi') fail(entry, `${CARD_TYPE_LABELS[t]}题须有 options:`)
    if (original !== undefined) card.original = text(original)
    if (about !== undefined && !p.text.includes(text(about))) fail(where('about'), `原文中找不到“${text(about)}”`)
    const probe = about !== undefined ? text(about) : t === 'enumeration' ? text(prompt) : `${text(prompt)}${[answerValue].flat().join('')}`
    card.fact = factId(doc.id, p.anchor, sentenceAbout(stripLabel(p.text, p.label), probe))
    if (t === 'enumeration') card.ordered = ordered === true
    else if (ordered !== undefined) fail(where('ordered'), 'ordered: 只用于列举题')
    const problems = cardProblems(card)
    if (problems.length) fail(entry, problems.join('；'))
    const first = seen.get(id)
    if (first !== undefined) fail(entry, `与第 ${first} 行的卡片考查同一内容（可用 key: 区分）`)
    seen.set(id, at)
    cards.push(card)
  }
  return cards
}

export { sentenceAbout } from './text'
