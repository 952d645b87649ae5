import { expect, it } from 'vitest'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildSearch, buildVocabulary } from '../../../scripts/build/searchVocabulary'
import { PassageSearch } from '../../../src/lib/search/engine'
import { toSearchable } from '../../../src/lib/search/passages'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A branch filling the 党章's gaps re-indexes the whole document in place, and may do so again a moment
// later (records load, then the member confirms): index changes must never meet a half-done clean-up.
// Each builds the whole index (about a second alone): 30 s, not the default 5, for a machine under load.
it('re-indexes a bundled document twice in quick succession and still answers', async () => {
  const documents = loadBundledCorpus()
  const search = buildSearch(documents)
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
  const search = buildSearch(documents)
  const line = '党员必须坚持党和人民的利益高于一切。'
  const long = Array.from({ length: 3000 }, (_, i) => ({ docId: 'local-long', docTitle: '重复条文', anchor: `art-1-${i + 1}`, heading: `第一条（${i + 1}）`, text: line }))
  let pauses = 0
  await search.addInSteps(long, { charsPerStep: 5_000, pause: async () => void pauses++ })
  expect(pauses).toBe(Math.ceil((3000 * line.length) / 5_000) - 1)
  expect(search.search('利益高于一切', { docIds: ['local-long'], limit: 5000 })).toHaveLength(3000)
}, 30_000)

// The search worker builds the index while it answers from the texts: a question asked meanwhile must not wait
// for the whole build, so the build has to give the worker's other tasks turns.
it('builds the index in steps, letting other tasks run between them, and answers as the whole build does', async () => {
  const documents = loadBundledCorpus()
  const passages = toSearchable(documents)
  const vocabulary = buildVocabulary(documents)
  const charsPerStep = 4_000
  const chars = passages.reduce((sum, passage) => sum + passage.text.length, 0)
  let turns = 0
  let building = true
  const turn = () => {
    turns++
    if (building) setTimeout(turn, 0)
  }
  setTimeout(turn, 0)
  const stepped = await PassageSearch.buildInSteps(passages, vocabulary, { charsPerStep })
  building = false
  // A step ends once it holds charsPerStep characters: at least chars / (charsPerStep + the longest passage) steps.
  const longest = Math.max(...passages.map((passage) => passage.text.length))
  expect(turns).toBeGreaterThanOrEqual(Math.floor(chars / (charsPerStep + longest)) - 1)
  const whole = buildSearch(documents)
  // Words as typed, a question, closest matches only, a citation, pinyin initials, nothing in the texts.
  for (const query of ['民主集中制', '入党誓词', '四风', '第十条', '党员有哪些权利', '出国访问不要带随从', 'rdsc', '炒股'])
    expect(stepped.answer(query)).toEqual(whole.answer(query))
}, 30_000)
