import { loadBundledCorpus } from '../build/contentFiles'
import { buildSearch } from '../build/searchVocabulary'
import { loadEvalQueries } from './eval/queries'
const e = buildSearch(loadBundledCorpus())
const qs = loadEvalQueries()
const times: [number, string][] = []
for (const q of qs) e.search(q.q, { limit: 20 })
for (const q of qs) { let best = 0; for (let r = 0; r < 20; r++) { const t = performance.now(); e.search(q.q, { limit: 20 }); const d = performance.now() - t; best += d } times.push([best / 20, q.q]) }
times.sort((a, b) => a[0] - b[0])
console.log('p50', times[Math.floor(times.length / 2)]![0].toFixed(3), 'p95', times[Math.floor(times.length * 0.95)]![0].toFixed(3))
console.log(times.slice(-15).map(([t, q]) => `${t.toFixed(2)} ${q}`).join('\n'))
