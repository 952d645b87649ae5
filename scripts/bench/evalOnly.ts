// Quick development run of the evaluation section alone: npx tsx scripts/bench/evalOnly.ts [engine-substring] [--misses]
import { toSearchable } from '../../src/lib/search/passages'
import { loadBundledCorpus } from '../build/contentFiles'
import { ENGINES } from './engines'
import { evaluate } from './evaluate'
import { loadEvalQueries } from './eval/queries'

const passages = toSearchable(loadBundledCorpus())
const queries = loadEvalQueries()
const pick = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : ''
for (const engine of ENGINES.filter((e) => e.name.includes(pick))) {
  const result = await evaluate(await engine.build(passages), passages, queries)
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`
  console.log(`${engine.name}: R@1 ${pct(result.all.at1)} R@5 ${pct(result.all.at5)} MRR ${result.all.mrr.toFixed(3)} | ` + result.kinds.map((k) => `${k.kind} ${pct(k.at5)}/${k.mrr.toFixed(2)}`).join(' '))
  if (process.argv.includes('--misses')) console.log(result.misses.join('\n'))
}
