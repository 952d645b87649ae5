import { describe, expect, it } from 'vitest'
import { benchBank } from '../../../scripts/bench/bank'

// Real published papers, truth written by hand before the parser ran (scripts/bench/eval/bank/expected.yaml).
describe('question-bank import on real papers', () => {
  it('recovers ≥ 98% of keyed questions, links ≥ 90% of in-text ones, flags every contradicting key and every earlier wording without false alarms', { timeout: 60_000 }, () => {
    const r = benchBank()
    expect(r.recovered / r.questions).toBeGreaterThanOrEqual(0.98)
    expect(r.linked / r.inText).toBeGreaterThanOrEqual(0.9)
    expect(r.flagged).toBe(r.contradicting)
    expect(r.falseAlarms).toBe(0)
    expect(r.olderFlagged).toBe(r.older)
    expect(r.olderFalseAlarms).toBe(0)
  })
})
