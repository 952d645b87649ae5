import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../src/lib/content/parseDocument'
import { blockIndexOf, blockLength, blockWeight, firstRange, grownSlices, nextRange, nextSliceWeight, readerBlocks, screenLength, type BlockRange, type ReaderBlock } from '../../../src/lib/content/readerLayout'

const constitution = parseDocument('constitution.md', readFileSync(fileURLToPath(new URL('../../../content/constitution.md', import.meta.url)), 'utf8'))
const blocks = readerBlocks(constitution)
const options = { firstLength: screenLength(390, 844, 20), sliceWeight: 700 }
const weightOf = ({ start, end }: BlockRange) => blocks.slice(start, end).reduce((sum, b) => sum + blockWeight(b), 0)

/** Every range the page holds as it fills in, as the reader walks them with a fixed slice weight (useReaderFill). */
function fillPlan(blocks: readonly ReaderBlock[], from: number, { firstLength, sliceWeight }: { firstLength: number; sliceWeight: number }): BlockRange[] {
  const ranges = [firstRange(blocks, from, firstLength)]
  for (let next = nextRange(blocks, ranges[0]!, sliceWeight); next; next = nextRange(blocks, next, sliceWeight)) ranges.push(next)
  return ranges
}

/** What each step adds: the blocks of `next` that were not in `range`. */
function added(range: BlockRange, next: BlockRange): BlockRange {
  return next.start < range.start ? { start: next.start, end: range.start } : { start: range.end, end: next.end }
}

describe('where a link points in the reader', () => {
  it('finds passages, gaps collapsed into one notice, and headings printed above a block', () => {
    expect(blocks[blockIndexOf(blocks, 'art-33')]).toMatchObject({ kind: 'passage', key: 'art-33' })
    // 总纲第9自然段 is a gap shown in the notice that starts at 第8.
    expect(blocks[blockIndexOf(blocks, 'general-9')]).toMatchObject({ kind: 'gaps', key: 'general-8' })
    expect(blocks[blockIndexOf(blocks, 'ch-6')]).toMatchObject({ key: 'art-35' })
    expect(blockIndexOf(blocks, 'no-such-anchor')).toBe(-1)
    expect(blockIndexOf(blocks, '')).toBe(-1)
  })
})

describe('putting a long text on the page a slice at a time', () => {
  it('starts at a linked passage and a screenful of text from it down, then fills in above it, nearest first, then below', () => {
    const at = blockIndexOf(blocks, 'art-33')
    const plan = fillPlan(blocks, at, options)
    const [first] = plan
    expect(first!.start).toBe(at)
    const shown = (end: number) => blocks.slice(at, end).reduce((sum, b) => sum + blockLength(b), 0)
    expect(shown(first!.end)).toBeGreaterThanOrEqual(options.firstLength)
    expect(shown(first!.end - 1)).toBeLessThan(options.firstLength)
    // Smaller than the whole text by far: the first render is what a deep link waits for.
    expect(weightOf(first!)).toBeLessThan(weightOf({ start: 0, end: blocks.length }) / 5)
    expect(plan[plan.length - 1]).toEqual({ start: 0, end: blocks.length })
    const turn = plan.findIndex((r) => r.start === 0)
    for (let i = 1; i < plan.length; i++) {
      const [before, now] = [plan[i - 1]!, plan[i]!]
      // Every step grows the range at one end only: above until the top is reached, then below.
      if (i <= turn) expect([now.start < before.start, now.end === before.end]).toEqual([true, true])
      else expect([now.start === before.start, now.end > before.end]).toEqual([true, true])
      // …by at most a slice (or a single block heavier than one).
      const step = added(before, now)
      expect(step.end - step.start === 1 || weightOf(step) <= options.sliceWeight).toBe(true)
    }
  })

  it('starts at the top without a link, and renders a short text in one go', () => {
    const plan = fillPlan(blocks, 0, options)
    expect(plan[0]!.start).toBe(0)
    expect(plan.every((r) => r.start === 0)).toBe(true)
    expect(plan.length).toBeGreaterThan(5)
    const short = blocks.slice(0, 3)
    expect(fillPlan(short, 1, { firstLength: 10_000, sliceWeight: 700 })).toEqual([{ start: 1, end: 3 }, { start: 0, end: 3 }])
    expect(fillPlan([], 0, options)).toEqual([{ start: 0, end: 0 }])
  })

  it('renders what each step adds as a slice of its own, keeping the slices already on the page', () => {
    const at = blockIndexOf(blocks, 'art-33')
    let slices: BlockRange[] = []
    for (const range of fillPlan(blocks, at, options)) {
      const before = slices
      slices = grownSlices(slices, range)
      // The slices tile the range, in order, none empty…
      expect(slices[0]!.start).toBe(range.start)
      expect(slices[slices.length - 1]!.end).toBe(range.end)
      slices.forEach((s, i) => {
        expect(s.end).toBeGreaterThan(s.start)
        if (i) expect(s.start).toBe(slices[i - 1]!.end)
      })
      // …and every slice already there is still there, the same object (so it is not rendered again).
      expect(before.every((s) => slices.includes(s))).toBe(true)
      expect(slices.length - before.length).toBe(1)
    }
    // The rest at once (printing, a link to a part not there yet): at most one slice above and one below.
    const part = grownSlices([], { start: 10, end: 20 })
    expect(grownSlices(part, { start: 0, end: blocks.length })).toEqual([{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: blocks.length }])
    // Another document, or a range that does not cover the page's: start over.
    expect(grownSlices(part, { start: 12, end: 30 })).toEqual([{ start: 12, end: 30 }])
    expect(grownSlices(part, { start: 0, end: 0 })).toEqual([])
  })

  it('counts a screenful generously: a line as wide as the window, at the reader font size', () => {
    expect(screenLength(390, 844, 20)).toBe(20 * 23)
    expect(screenLength(390, 844, 26)).toBeLessThan(screenLength(390, 844, 20))
    expect(screenLength(1280, 800, 20)).toBeGreaterThan(screenLength(390, 844, 20))
  })

  it('is done once the range is the whole text', () => {
    expect(nextRange(blocks, { start: 0, end: blocks.length }, 700)).toBeNull()
    // A block heavier than a slice still goes in, alone.
    const heavy = blocks.findIndex((b) => blockWeight(b) > 300)
    expect(nextRange(blocks, { start: heavy + 1, end: blocks.length }, 300)).toEqual({ start: heavy, end: blocks.length })
  })

  it('sizes the next slice by what the last one cost, a step at a time, within bounds', () => {
    expect(nextSliceWeight(500, 100, 50)).toBe(250)
    expect(nextSliceWeight(500, 25, 50)).toBe(750)
    // One very slow task (the machine was busy) halves it, no more; a very fast one grows it by half.
    expect(nextSliceWeight(500, 2000, 50)).toBe(250)
    expect(nextSliceWeight(500, 0, 50)).toBe(750)
    expect(nextSliceWeight(160, 1000, 50)).toBe(150)
    expect(nextSliceWeight(30_000, 1, 50)).toBe(40_000)
  })
})
