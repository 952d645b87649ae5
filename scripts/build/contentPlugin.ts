import type { Plugin } from 'vite'
import { toCatalogEntry } from '../../src/lib/content/catalog'
import type { StudyDocument } from '../../src/lib/content/types'
import { loadManualCards } from './cardFiles'
import { CONTENT_DIR, loadBundledCorpus } from './contentFiles'
import { buildVocabulary } from './searchVocabulary'

const MODULES = {
  catalog: 'virtual:study-catalog',
  corpus: 'virtual:study-corpus',
  vocabulary: 'virtual:search-vocabulary',
  manualCards: 'virtual:manual-cards',
} as const
const RESOLVED = Object.fromEntries(Object.entries(MODULES).map(([key, id]) => [`\0${id}`, key]))

/**
 * Parses content/*.md and the hand-written cards beside them at build time (failing the build with
 * file:line on bad content) and serves the catalog (small, in the app shell), the corpus, the search's
 * vocabulary and the hand-written cards (lazy chunks).
 */
export function studyContent(): Plugin {
  // Parsed once per build (or per content change in dev), not once per virtual module.
  let documents: StudyDocument[] | null = null
  const corpus = () => (documents ??= loadBundledCorpus())
  let serving = false
  return {
    name: 'study-content',
    configResolved(config) {
      serving = config.command === 'serve'
    },
    buildStart() {
      documents = null
    },
    resolveId(id) {
      return Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES]) ? `\0${id}` : undefined
    },
    load(id) {
      const key = RESOLVED[id]
      if (!key) return undefined
      // For `vite build --watch`; the dev server watches the folder itself (configureServer), and Vite's dev
      // server would try to resolve a watched folder as an import of the module and fail.
      if (!serving) this.addWatchFile(CONTENT_DIR)
      const docs = corpus()
      if (key === 'catalog') return `export default ${JSON.stringify(docs.map(toCatalogEntry))}`
      if (key === 'corpus') return `export default JSON.parse(${JSON.stringify(JSON.stringify(docs))})`
      if (key === 'manualCards') return `export default JSON.parse(${JSON.stringify(JSON.stringify(loadManualCards(docs)))})`
      // The search's vocabulary (content/search-terms.yaml, folding table, pinyin); the index itself is built from
      // the texts where the search runs (PassageSearch.buildInSteps).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildVocabulary(docs)))})`
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR)
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return
        documents = null
        for (const id of Object.keys(RESOLVED)) {
          const module = server.moduleGraph.getModuleById(id)
          if (module) server.moduleGraph.invalidateModule(module)
        }
        server.ws.send({ type: 'full-reload' })
      })
    },
  }
}
