import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CONTENT_DIR, loadBundledCorpus } from '../../../scripts/build/contentFiles'

/** The real corpus, loaded once per test file. */
export const corpus = loadBundledCorpus()

export function hasContent(name: string): boolean {
  return existsSync(join(CONTENT_DIR, name))
}
