import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseCardFile, type CardFile } from '../../src/lib/cards/manual'
import type { Card } from '../../src/lib/cards/types'
import type { StudyDocument } from '../../src/lib/content/types'
import { CONTENT_DIR, ROOT } from './contentFiles'

/** Companion card files (`content/*.cards.yaml`), in name order. */
export function readCardFiles(dir = CONTENT_DIR): CardFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cards.yaml'))
    .sort()
    .map((name) => ({ name: relative(ROOT, join(dir, name)), source: readFileSync(join(dir, name), 'utf8') }))
}

/** Every hand-written card, validated against the corpus; throws a ContentError naming file:line. */
export function loadManualCards(documents: readonly StudyDocument[], dir = CONTENT_DIR): Card[] {
  return readCardFiles(dir).flatMap((file) => parseCardFile(file, documents))
}
