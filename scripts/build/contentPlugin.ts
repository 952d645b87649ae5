import type { Plugin } from 'vite'
import { toCatalogEntry } from '../../src/lib/content/corpus'
import { PassageSearch } from '../../src/lib/search/engine'
import { toSearchable } from '../../src/lib/search/passages'
import { CONTENT_DIR, loadBundledCorpus } from './contentFiles'

const MODULES = {
  catalog: 'virtual:study-catalog',
  corpus: 'virtual:study-corpus',
  index: 'virtual:search-index',
} as const
const RESOLVED = Object.fromEntries(Object.entries(MODULES).map(([key, id]) => [`\0${id}`, key]))

/**
 * Parses content/*.md at build time (failing the build with file:line on bad content) and serves
 * the catalog (small, in the app shell), the corpus and the prebuilt search index (lazy chunks).
 */
export function studyContent(): Plugin {
  return {
    name: 'study-content',
    resolveId(id) {
      return Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES]) ? `\0${id}` : undefined
    },
    load(id) {
      const key = RESOLVED[id]
      if (!key) return undefined
      this.addWatchFile(CONTENT_DIR)
      const documents = loadBundledCorpus()
      if (key === 'catalog') return `export default ${JSON.stringify(documents.map(toCatalogEntry))}`
      if (key === 'corpus') return `export default JSON.parse(${JSON.stringify(JSON.stringify(documents))})`
      return `export default ${JSON.stringify(PassageSearch.build(toSearchable(documents)).toJSON())}`
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR)
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return
        for (const id of Object.keys(RESOLVED)) {
          const module = server.moduleGraph.getModuleById(id)
          if (module) server.moduleGraph.invalidateModule(module)
        }
        server.ws.send({ type: 'full-reload' })
      })
    },
  }
}
