// Shows how the search reads and ranks queries (tier, score, passage, what matched, notice): npx tsx scripts/bench/explain.ts 党章第十条 …
import { loadBundledCorpus } from '../build/contentFiles'
import { buildSearch } from '../build/searchVocabulary'
const e = buildSearch(loadBundledCorpus())
for (const q of process.argv.slice(2)) {
  const { hits, notice } = e.answer(q, { limit: 6 })
  console.log('##', q, notice ? JSON.stringify(notice).slice(0, 120) : '')
  for (const h of hits) console.log(` ${h.tier} ${h.score.toFixed(2)} ${h.passage.docId}#${h.passage.anchor} [${h.matched.join(',')}] ${h.document ? 'DOC' : ''}`)
}
