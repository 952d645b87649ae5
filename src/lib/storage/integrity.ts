import type { Screened } from './plausible'

/** What an integrity check (Anki's 检查数据库) found and did. */
export interface IntegrityReport {
  checked: number
  repaired: { kind: string; id: string; fixes: string[] }[]
  quarantined: { kind: string; id: string; reason: string }[]
}

export const emptyReport = (): IntegrityReport => ({ checked: 0, repaired: [], quarantined: [] })

const KIND_LABELS: Record<string, string> = { cardStates: '卡片进度', reviewLogs: '复习记录', mistakes: '错题', documents: '文档', quizzes: '竞赛' }

export function addScreened(report: IntegrityReport, kind: string, screened: Screened<unknown>): void {
  report.checked += screened.use.length + screened.aside.length
  for (const r of screened.repaired) report.repaired.push({ kind, ...r })
  for (const a of screened.aside) report.quarantined.push({ kind, id: a.id, reason: a.reason })
}

/** The report in the member's words: what was checked, repaired, set aside. */
export function describeReport(report: IntegrityReport): string[] {
  if (!report.repaired.length && !report.quarantined.length) return [`已检查 ${report.checked} 条记录，全部正常。`]
  const lines = [`已检查 ${report.checked} 条记录：修复 ${report.repaired.length} 条，隔离 ${report.quarantined.length} 条（隔离的记录保存在本机，未删除）。`]
  for (const r of report.repaired.slice(0, 20)) lines.push(`修复${KIND_LABELS[r.kind] ?? r.kind}「${r.id}」：${r.fixes.join('；')}`)
  for (const q of report.quarantined.slice(0, 20)) lines.push(`隔离${KIND_LABELS[q.kind] ?? q.kind}「${q.id}」：${q.reason}`)
  const more = report.repaired.length + report.quarantined.length - Math.min(20, report.repaired.length) - Math.min(20, report.quarantined.length)
  if (more > 0) lines.push(`另有 ${more} 条，从略。`)
  return lines
}
