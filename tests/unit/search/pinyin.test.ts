import { beforeAll, describe, expect, it } from 'vitest'
import { PassageSearch, type SearchHit } from '../../../src/lib/search/engine'
import { decodeLetters, isFullPinyin, pairTable, readingsOf } from '../../../src/lib/search/pinyin'
import { toSearchable } from '../../../src/lib/search/passages'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildVocabulary, readCharacter } from '../../../scripts/build/searchVocabulary'

let engine: PassageSearch
let documents: ReturnType<typeof loadBundledCorpus>
let vocabulary: ReturnType<typeof buildVocabulary>
const at = (hit: SearchHit | undefined) => (hit ? `${hit.passage.docId}#${hit.passage.anchor}` : 'nothing')
const top5 = (query: string) => engine.search(query, { limit: 5 }).map(at)

beforeAll(() => {
  documents = loadBundledCorpus()
  vocabulary = buildVocabulary(documents)
  engine = PassageSearch.build(toSearchable(documents), vocabulary)
}, 60_000)

describe('pinyin of any word of the texts, not only a list', () => {
  it.each([
    ['sanhui yike', 'glossary#g-sanhui-yike-1'],
    ['rudang shici', 'constitution#art-6'],
    ['rudangshici', 'constitution#art-6'],
    ['liudang chakan', 'constitution#art-41'],
    ['yubeiqi', 'constitution#art-7'],
    ['tuidang', 'constitution#art-9'],
    ['wjmtp', 'constitution#art-11'],
    ['ybq', 'constitution#art-7'],
    ['zxtd', 'constitution#art-9'],
    ['qjjy', 'integrity-code#art-3'],
  ])('%s finds %s in the first five', (query, passage) => expect(top5(query)).toContain(passage))

  it('reads full pinyin only when the letters split into syllables', () => {
    const readings = readingsOf('党员义务入誓词', readCharacter)
    expect(isFullPinyin('dangyuanyiwu', readings)).toBe(true)
    expect(isFullPinyin('dyyw', readings)).toBe(false)
  })

  it('reads characters that do not stand together in the texts as separate words', () => {
    const readings = readingsOf('入党誓词宣', readCharacter)
    const pairs = pairTable(['入党', '党宣', '宣誓', '誓词'])
    const frequency = (term: string) => (term.length === 1 ? 5 : 2)
    expect(decodeLetters('rudangshici', false, readings, frequency, pairs)).toBe('入党 誓词')
    expect(decodeLetters('rdxs', true, readings, frequency, pairs)).toBe('入党宣誓')
    expect(decodeLetters('xyz', true, readings, frequency, pairs)).toBeNull()
  })

  it('learns the words of a document the branch adds', () => {
    const own = PassageSearch.build(toSearchable(documents), vocabulary)
    expect(own.search('ganbu shibuzhun').map(at)).not.toContain('local-1#p-1')
    own.add([{ docId: 'local-1', docTitle: '本地文件', anchor: 'p-1', heading: '', text: '干部作风十不准：不准迟到早退。' }])
    expect(own.search('zfsbz').map(at)).toContain('local-1#p-1')
  })

  it('reads characters only a branch document uses once their readings are added (as the store does, lazily)', () => {
    const own = PassageSearch.build(toSearchable(documents), vocabulary)
    own.add([{ docId: 'local-2', docTitle: '本地文件', anchor: 'p-1', heading: '', text: '坚决反对饕餮之风。' }])
    const missing = own.charactersWithoutReading()
    expect(missing).toEqual(expect.arrayContaining(['饕', '餮']))
    expect(own.search('taotie').map(at)).not.toContain('local-2#p-1')
    own.addReadings(readingsOf(missing, readCharacter))
    expect(own.charactersWithoutReading()).toEqual([])
    expect(own.search('taotie').map(at)).toContain('local-2#p-1')
  })
})
