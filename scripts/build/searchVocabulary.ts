import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { pinyin } from 'pinyin-pro'
import { parse } from 'yaml'
import { CATCHWORD_CATEGORIES, CLOSED_LISTS, QUOTED_TERMS, TERM_FAMILIES } from '../../src/lib/cards/lexicon'
import type { StudyDocument } from '../../src/lib/content/types'
import { PassageSearch } from '../../src/lib/search/engine'
import { HEADING_SEPARATOR, toSearchable } from '../../src/lib/search/passages'
import { PINYIN_OPTIONS, readingsOf } from '../../src/lib/search/pinyin'
import type { SearchVocabulary } from '../../src/lib/search/vocabulary'
import { CONTENT_DIR } from './contentFiles'

export const TERMS_FILE = join(CONTENT_DIR, 'search-terms.yaml')

interface TermsFile {
  documents?: Record<string, string[]>
  synonyms?: Record<string, string>
  everyday?: Record<string, string>
}

const HAN = /\p{Script=Han}/u
const HAN_RUN = /\p{Script=Han}+/gu

/** Reads content/search-terms.yaml, failing with the file's name on a bad shape. */
export function readTermsFile(file = TERMS_FILE): Required<TermsFile> {
  const data = (parse(readFileSync(file, 'utf8')) ?? {}) as TermsFile
  const bad = (what: string) => new Error(`${file}: ${what}`)
  for (const [id, names] of Object.entries(data.documents ?? {}))
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw bad(`documents.${id} must be a list of names`)
  for (const section of ['synonyms', 'everyday'] as const)
    for (const [short, full] of Object.entries(data[section] ?? {})) if (typeof full !== 'string') throw bad(`${section}.${short} must be one string`)
  return { documents: data.documents ?? {}, synonyms: data.synonyms ?? {}, everyday: data.everyday ?? {} }
}

/**
 * Everything the search needs besides the passages, computed here at build time: the traditional →
 * simplified table (opencc-js) for the characters the texts use, and pinyin initials (pinyin-pro) of
 * glossary terms, document names, headings and the card lexicon's key terms that the texts use. Neither library ships with the app.
 */
export function buildVocabulary(documents: readonly StudyDocument[], terms = readTermsFile()): SearchVocabulary {
  const known = new Set(documents.map((doc) => doc.id))
  for (const id of Object.keys(terms.documents)) if (!known.has(id)) throw new Error(`${TERMS_FILE}: no bundled document "${id}"`)
  const names: [string, string][] = []
  for (const doc of documents) for (const name of new Set([doc.title, doc.shortTitle, ...(terms.documents[doc.id] ?? [])])) names.push([name, doc.id])
  names.sort((a, b) => b[0].length - a[0].length)

  const text = documents.map((doc) => [doc.title, ...doc.passages.map((p) => `${p.path.map((h) => h.title).join('')}${p.text}`)].join('')).join('')
  const used = new Set([...text, ...Object.values(terms.synonyms).join(''), ...names.map(([n]) => n).join('')].filter((ch) => HAN.test(ch)))
  const fold: Record<string, string> = {}
  const toTraditional = ['tw', 'hk', 't'].map((to) => OpenCC.Converter({ from: 'cn', to: to as 'tw' }))
  const toSimplified = ['tw', 'hk', 't'].map((from) => OpenCC.Converter({ from: from as 'tw', to: 'cn' }))
  for (const ch of used) {
    for (const convert of toTraditional) {
      const traditional = convert(ch)
      if (traditional !== ch && [...traditional].length === 1 && toSimplified.some((back) => back(traditional) === ch)) fold[traditional] = ch
    }
  }

  const spelled = new Map<string, string>()
  const addTerm = (raw: string) => {
    // Each run of Han characters, and the whole term without its punctuation (谁主管，谁负责 → szgsfz).
    const runs = [...raw.matchAll(HAN_RUN)].map(([run]) => run)
    for (const run of runs.length > 1 ? [...runs, runs.join('')] : runs) {
      if ([...run].length < 2 || [...run].length > 16) continue
      const letters = pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
      if (letters.length === [...run].length && /^[a-z]+$/.test(letters)) spelled.set(run, letters)
    }
  }
  for (const [name] of names) addTerm(name)
  for (const short of Object.keys(terms.synonyms)) addTerm(short)
  for (const passage of toSearchable(documents)) for (const part of passage.heading.split(HEADING_SEPARATOR)) addTerm(part)
  // The key terms the card bank already knows (留党察看, 民主集中制 …), where the texts use them.
  const lexicon = [...Object.values(CATCHWORD_CATEGORIES).flat(), ...CLOSED_LISTS.flat(), ...QUOTED_TERMS, ...TERM_FAMILIES.flat()]
  for (const term of new Set(lexicon.map((t) => t.replace(/[“”]/g, '')))) if (text.includes(term)) addTerm(term)
  const initials = [...spelled].map(([term, letters]): [string, string] => [letters, term])

  const prose = documents.filter((doc) => doc.kind === 'glossary' || doc.kind === 'article').map((doc) => doc.id)
  // Longest short form first, so a longer one is spelled out before a shorter one inside it. Everyday words
  // work like short forms: the query also looks for the wording the texts use.
  const synonyms = Object.entries({ ...terms.everyday, ...terms.synonyms }).sort((a, b) => b[0].length - a[0].length)
  // Every character's readings (polyphones all): full pinyin and initials of any word of the texts.
  const readings = readingsOf(used, readCharacter)
  return { fold, initials, synonyms, documents: names, prose, readings }
}

/** A character's toneless readings, ü as v (pinyin-pro; also what the browser loads lazily for a branch's own documents). */
export function readCharacter(ch: string): string[] {
  return pinyin(ch, PINYIN_OPTIONS)
}

/** The app's search over the bundled texts, as the build ships it (CLI, bench and build plugin share this). */
export function buildSearch(documents: readonly StudyDocument[]): PassageSearch {
  return PassageSearch.build(toSearchable(documents), buildVocabulary(documents))
}
