import { describe, expect, it } from 'vitest'
import { hasGap, splitGaps, withoutGaps } from '../../../src/lib/content/gaps'

describe('gaps', () => {
  const line = '（二）{{待补：本项经修改，原文待核对。}}'
  it('are found', () => {
    expect(hasGap(line)).toBe(true)
    expect(hasGap('（二）认真学习。')).toBe(false)
  })
  it('are removed from studyable text, with the labels they leave empty', () => {
    expect(withoutGaps(`第三条 党员必须履行下列义务：\n（一）认真学习。\n${line}`)).toBe('第三条 党员必须履行下列义务：\n（一）认真学习。')
    expect(withoutGaps('{{待补：整段暂缺。}}')).toBe('')
  })
  it('split into text and gap segments for the reader', () => {
    expect(splitGaps(line)).toEqual([{ text: '（二）' }, { text: '', gap: '本项经修改，原文待核对。' }])
  })
})
