/**
 * Large inputs made by the tests themselves (nothing this size is kept in git). TEST DATA: the
 * wording is made up for structure and size, not official text.
 */

/** A valid backup of about 50 MB: years of reviews on 2 000 cards (210 000 review logs). */
export function bigBackup(): string {
  const DAY = 86_400_000
  const start = Date.UTC(2023, 0, 1)
  const cardStates = []
  const reviewLogs = []
  for (let c = 0; c < 2000; c++) {
    const cardId = `constitution#art-${c}:cloze:big${c}`
    let last = start
    for (let r = 0; r < 105; r++) {
      last = start + (c % 50) * DAY + r * 3 * DAY + c
      reviewLogs.push({ id: `${last}:${cardId}`, cardId, docId: 'constitution', grade: 3, state: r ? 2 : 0, due: last, stability: 3 + r, difficulty: 5.2, elapsedDays: 3, scheduledDays: 3, review: last })
    }
    cardStates.push({ cardId, docId: 'constitution', due: last + 30 * DAY, stability: 40, difficulty: 5.2, elapsedDays: 3, scheduledDays: 30, learningSteps: 0, reps: 105, lapses: 0, state: 2, lastReview: last, suspended: false, leech: false, lapsesAtRestore: 0 })
  }
  return JSON.stringify({ format: 'study-garden-progress', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', cardStates, reviewLogs, mistakes: [], settings: null })
}

const TASKS = ['组织专题学习', '开展谈心谈话', '检查学习笔记', '走访困难党员', '收缴党费', '召开组织生活会', '整理会议记录', '开展志愿服务']

/** A branch's numbered list (`1. …`) of `n` items, each opening with its own topic, as a real list's do. */
export function numberedList(n: number): string {
  return Array.from({ length: n }, (_, i) => `${i + 1}. 事项${i}：每月${TASKS[i % TASKS.length]}，做好记录。`).join('\n')
}
