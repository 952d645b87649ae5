import { describe, expect, it } from 'vitest'
import type { QuizMistake } from '@/lib/quiz'
import { createProgressFile, mergeProgress, parseProgressValue, progressFileName } from '@/lib/storage/progressTransfer'
import type { ProgressData } from '@/lib/storage/progressTypes'
import { makeCard, T0 } from '../schedule/fixtures'

const card = makeCard(1)
const mistake = (over: Partial<QuizMistake>): QuizMistake => ({
  id: card.id, docId: card.docId, card, lastResponse: '错', wrongCount: 1, firstWrongAt: T0, lastWrongAt: T0, ...over,
})
const empty = (): ProgressData => ({ cardStates: [], reviewLogs: [], mistakes: [], settings: null })

describe('progress file', () => {
  it('round-trips through JSON with its format and version', () => {
    const data = { ...empty(), mistakes: [mistake({})] }
    const parsed = parseProgressValue(JSON.parse(JSON.stringify(createProgressFile(data, T0))))
    expect(parsed.ok && parsed.file.mistakes).toEqual(data.mistakes)
    expect(progressFileName(T0)).toBe('学习园地进度-2025-01-10.json')
  })

  it('rejects a mistake whose card snapshot is broken', () => {
    const file = createProgressFile({ ...empty(), mistakes: [mistake({ card: { ...card, type: 'essay' as never } })] }, T0)
    expect(parseProgressValue(JSON.parse(JSON.stringify(file)))).toEqual({ ok: false, error: '进度文件内容有误：第 1 条错题记录格式有误（字段 card），未导入任何内容。' })
  })

  it('merges mistakes: latest answer, larger count, earliest first time', () => {
    const ours = mistake({ wrongCount: 3, lastWrongAt: T0 + 10, lastResponse: '我的' })
    const theirs = mistake({ wrongCount: 1, firstWrongAt: T0 - 100, lastWrongAt: T0 + 20, lastResponse: '他的' })
    const { changes } = mergeProgress({ ...empty(), mistakes: [ours] }, { ...empty(), mistakes: [theirs] })
    expect(changes.mistakes).toEqual([{ ...theirs, wrongCount: 3, firstWrongAt: T0 - 100 }])
    // Nothing newer in the file: nothing to write.
    expect(mergeProgress({ ...empty(), mistakes: [theirs] }, { ...empty(), mistakes: [theirs] }).changes.mistakes).toEqual([])
  })

  it('takes the file’s settings only when the device has none', () => {
    const settings = { retention: 0.85, dailyNewLimit: 10, docIds: [], types: [] }
    expect(mergeProgress(empty(), { ...empty(), settings }).changes.settings).toEqual(settings)
    expect(mergeProgress({ ...empty(), settings }, { ...empty(), settings: { ...settings, retention: 0.95 } }).changes.settings).toBeNull()
  })
})
