import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCorpus, type ContentFile } from '../../src/lib/content/corpus'
import type { StudyDocument } from '../../src/lib/content/types'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CONTENT_DIR = join(ROOT, 'content')

/** Every bundled content file, in name order so the passage table is the same on every build. */
export function readContentFiles(dir = CONTENT_DIR): ContentFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name: relative(ROOT, join(dir, name)), source: readFileSync(join(dir, name), 'utf8') }))
}

export function loadBundledCorpus(dir = CONTENT_DIR): StudyDocument[] {
  return buildCorpus(readContentFiles(dir))
}
