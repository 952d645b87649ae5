import { expect, it } from 'vitest'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildSearch } from '../../../scripts/build/searchVocabulary'
import { PassageSearch } from '../../../src/lib/search/engine'
import { toSearchable } from '../../../src/lib/search/passages'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A branch filling the 党章's gaps re-indexes the whole document in place, and may do so again a moment
// later (records load, then the member confirms): index changes must never meet a half-done clean-up.
// Each builds the whole index (about a second alone): 30 s, not the default 5, for a machine under load.
it('re-indexes a bundled document twice in quick succession and still answers', async () => {
  const documents = loadBundledCorpus()
  const search = PassageSearch.load(buildSearch(documents).toJSON(), toSearchable(documents))
  const constitution = toSearchable(documents.filter((d) => d.id === 'constitution'))
  const errors: unknown[] = []
  const onError = (error: unknown) => errors.push(error)
  process.on('unhandledRejection', onError)
  try {
    for (let round = 0; round < 3; round++) {
      search.removeDocument('constitution')
      // New wording brings new terms, which reshape the index's tree.
      search.add(constitution.map((p, i) => (i % 3 === round ? { ...p, text: `${p.text}（补入${round}-${i}：蓝天白云雪域高原${i}）` } : p)))
      await sleep(15)
    }
    await sleep(100)
  } finally {
    process.off('unhandledRejection', onError)
  }
  expect(errors).toEqual([])
  expect(search.search('党章第十条')[0]?.passage.anchor).toBe('art-10')
}, 30_000)

it('indexes a long document in steps, waiting between them, and finds it all afterwards', async () => {
  const documents = loadBundledCorpus()
  const search = PassageSearch.load(buildSearch(documents).toJSON(), toSearchable(documents))
  const line = '党员必须坚持党和人民的利益高于一切。'
  const long = Array.from({ length: 3000 }, (_, i) => ({ docId: 'local-long', docTitle: '重复条文', anchor: `art-1-${i + 1}`, heading: `第一条（${i + 1}）`, text: line }))
  let pauses = 0
  await search.addInSteps(long, { charsPerStep: 5_000, pause: async () => void pauses++ })
  expect(pauses).toBe(Math.ceil((3000 * line.length) / 5_000) - 1)
  expect(search.search('利益高于一切', { docIds: ['local-long'], limit: 5000 })).toHaveLength(3000)
}, 30_000)

// The search worker loads the index while it answers from the texts: a question asked meanwhile must not wait
// for the whole load, so the load has to give the worker's other tasks turns.
it('loads the index in steps, letting other tasks run between them, and answers as the whole load does', async () => {
  const documents = loadBundledCorpus()
  const json = buildSearch(documents).toJSON()
  const passages = toSearchable(documents)
  const terms = (JSON.parse(json) as { index: { index: unknown[] } }).index.index.length
  let turns = 0
  let loading = true
  const turn = () => {
    turns++
    if (loading) setTimeout(turn, 0)
  }
  setTimeout(turn, 0)
  const stepped = await PassageSearch.loadInSteps(json, passages)
  loading = false
  // MiniSearch waits once every thousand terms; the parse and the tables add two more waits.
  expect(turns).toBeGreaterThanOrEqual(Math.floor(terms / 1000))
  const whole = PassageSearch.load(json, passages)
  for (const query of ['民主集中制', '入党誓词', '四风', '第十条'])
    expect(stepped.search(query).map((hit) => hit.passage.anchor)).toEqual(whole.search(query).map((hit) => hit.passage.anchor))
}, 30_000)
