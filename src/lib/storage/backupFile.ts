import { isImportedCardId } from '../bank/toCard'
import type { StudyDocument } from '../content/types'
import type { BackupSection, ImportChecks } from './backup'
import { addScreened, emptyReport, type IntegrityReport } from './integrity'
import { checkCardState, checkMistake, checkReviewLog, screen } from './plausible'
import type { ProgressRepository, QuarantineRecord } from './progressDb'
import { createProgressFile, mergeProgress, parseProgressValue } from './progressTransfer'
import type { MergeSummary } from './progressTypes'

/** Where a long import stands: 0–1 and what it is doing, in Chinese. */
export type ProgressReport = (fraction: number, step: string) => void

/** Records of sections this context cannot reach, handed over by the page (or handed back to it). */
export type SectionData = Record<string, unknown[]>

/** The whole backup: progress plus every section, as the file's text. */
export async function buildBackup(repo: ProgressRepository, sections: BackupSection[], now: number, provided: SectionData = {}): Promise<{ text: string; counts: Record<string, number> }> {
  const file: Record<string, unknown> = { ...createProgressFile(await repo.loadAll(), now) }
  const counts: Record<string, number> = {}
  for (const section of sections) {
    const records = section.available() ? await section.read() : (provided[section.key] ?? [])
    file[section.key] = records
    counts[section.key] = records.length
  }
  const progress = file as unknown as { cardStates: unknown[]; reviewLogs: unknown[]; mistakes: unknown[] }
  Object.assign(counts, { cardStates: progress.cardStates.length, reviewLogs: progress.reviewLogs.length, mistakes: progress.mistakes.length })
  return { text: JSON.stringify(file), counts }
}

/** Takes a snapshot of everything before a risky operation (the newest few are kept). */
export async function takeSnapshot(repo: ProgressRepository, sections: BackupSection[], reason: string, now: number, provided: SectionData = {}): Promise<void> {
  const { text, counts } = await buildBackup(repo, sections, now, provided)
  await repo.addSnapshot({
    id: `${now}-${Math.random().toString(36).slice(2, 8)}`,
    at: now,
    reason,
    summary: { cardStates: counts.cardStates ?? 0, reviewLogs: counts.reviewLogs ?? 0, mistakes: counts.mistakes ?? 0, documents: counts.documents ?? 0 },
    data: text,
  })
}

export interface RestoreContext {
  repo: ProgressRepository
  sections: BackupSection[]
  now: number
  /** Documents the app knows besides the branch's own (the bundled catalog). */
  knownDocIds: readonly string[]
  /** The bundled texts: their ids are reserved, and filled passages are checked against them. */
  bundled: readonly StudyDocument[]
  /** Current records of sections this context cannot read, for the snapshot. */
  provided?: SectionData
  onProgress?: ProgressReport
  /** Why the snapshot is taken; null takes none (restoring a snapshot takes its own). */
  snapshotReason?: string | null
}

export type RestoreOutcome =
  | {
      ok: true
      summary: MergeSummary
      /** Records written per section key. */
      sections: Record<string, number>
      /** What was repaired or kept aside on the way in. */
      report: IntegrityReport
      /** Sections the page must restore itself (not reachable here). */
      deferred: SectionData
      /** What the member should know besides the counts (documents kept apart or refused, passages taken or refused), in Chinese. */
      notes: string[]
    }
  | { ok: false; error: string }

/**
 * Imports a backup: a snapshot first, then every section, then the progress, merged, with
 * impossible values repaired and records of unknown documents kept aside. A file that is not a
 * backup changes nothing.
 */
export async function restoreBackup(text: string, ctx: RestoreContext): Promise<RestoreOutcome> {
  const progress = ctx.onProgress ?? (() => {})
  progress(0.02, '读取文件')
  let value: unknown
  try {
    // A byte-order mark (Notepad's "UTF-8 with BOM") is not part of the JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: '文件内容不是有效的 JSON，可能已损坏或并非进度文件，未导入任何内容。' }
  }
  progress(0.25, '检查内容')
  const parsed = parseProgressValue(value)
  if (!parsed.ok) return parsed
  const raw = value as Record<string, unknown>
  const report = emptyReport()
  const quarantine: QuarantineRecord[] = []
  const keep = (kind: QuarantineRecord['kind'], aside: { id: string; reason: string; record: unknown }[]) =>
    aside.forEach((a, i) => quarantine.push({ id: `import:${ctx.now}:${kind}:${i}:${a.id}`, kind, reason: a.reason, record: a.record, at: ctx.now }))

  if (ctx.snapshotReason !== null) {
    progress(0.3, '保存导入前快照')
    await takeSnapshot(ctx.repo, ctx.sections, ctx.snapshotReason ?? '导入备份', ctx.now, ctx.provided)
  }

  const sections: Record<string, number> = {}
  const deferred: SectionData = {}
  const checks: ImportChecks = { bundled: ctx.bundled, now: ctx.now, notes: [] }
  const docIds = new Set(ctx.knownDocIds)
  /** Ids of imported cards whose set is in the file or on the device. */
  const cardIds = new Set<string>()
  for (const section of ctx.sections) {
    const list = raw[section.key]
    if (!Array.isArray(list)) continue
    const good = list.filter((r) => section.accept(r))
    const bad = list.filter((r) => !section.accept(r))
    if (bad.length) {
      keep(section.key, bad.map((record, i) => ({ id: `${section.key}#${i}`, reason: `${section.label}格式有误`, record })))
      bad.forEach((_, i) => report.quarantined.push({ kind: section.key, id: `${section.key}#${i}`, reason: `${section.label}格式有误` }))
    }
    report.checked += list.length
    if (section.key === 'documents') good.forEach((d) => docIds.add(section.idOf(d)))
    if (section.cardIds) for (const r of good) for (const id of section.cardIds(r)) cardIds.add(id)
    if (!section.available()) {
      deferred[section.key] = good
      continue
    }
    progress(0.35, `恢复${section.label}`)
    sections[section.key] = await section.restore(good, 'merge', checks)
  }
  // The branch's documents already on this device count as known too.
  const docs = ctx.sections.find((s) => s.key === 'documents')
  if (docs?.available()) for (const d of await docs.read()) docIds.add(docs.idOf(d))
  for (const section of ctx.sections)
    if (section.cardIds && section.available()) for (const r of await section.read()) for (const id of section.cardIds(r)) cardIds.add(id)

  progress(0.5, '检查学习记录')
  // An imported card's progress belongs to its set (its docId is the linked text's), a card's to its document.
  const known = (cardId: string, r: { docId: string }) => (isImportedCardId(cardId) ? cardIds.has(cardId) : docIds.has(r.docId))
  const states = screen(parsed.file.cardStates, (s) => checkCardState(s, ctx.now), (s) => s.cardId, (s) => known(s.cardId, s))
  const logs = screen(parsed.file.reviewLogs, (l) => checkReviewLog(l, ctx.now), (l) => l.id, (l) => known(l.cardId, l))
  const mistakes = screen(parsed.file.mistakes, (m) => checkMistake(m, ctx.now), (m) => m.id, (m) => known(m.id, m))
  addScreened(report, 'cardStates', states)
  addScreened(report, 'reviewLogs', logs)
  addScreened(report, 'mistakes', mistakes)
  keep('cardStates', states.aside)
  keep('reviewLogs', logs.aside)
  keep('mistakes', mistakes.aside)

  progress(0.65, '合并学习进度')
  const { changes, summary } = mergeProgress(await ctx.repo.loadAll(), { ...parsed.file, cardStates: states.use, reviewLogs: logs.use, mistakes: mistakes.use })
  progress(0.75, '写入本机存储')
  try {
    await ctx.repo.writeChanges(changes, (done, total) => progress(0.75 + (0.23 * done) / total, `写入本机存储（${done}/${total}）`))
    await ctx.repo.putQuarantine(quarantine)
  } catch (cause) {
    return { ok: false, error: `写入本机存储失败（${cause instanceof Error ? cause.message : String(cause)}），学习进度未导入；导入前的快照可在“数据安全”中恢复。` }
  }
  progress(1, '完成')
  return { ok: true, summary, sections, report, deferred, notes: checks.notes }
}

/**
 * Puts back the state of a snapshot: progress exactly as it was (a snapshot of it is taken first,
 * so this too can be undone); documents, quizzes and preferences as they were, without deleting
 * any added since.
 */
export async function restoreSnapshot(
  id: string,
  ctx: Pick<RestoreContext, 'repo' | 'sections' | 'now' | 'provided'>,
): Promise<{ ok: true; deferred: SectionData } | { ok: false; error: string }> {
  const snapshot = await ctx.repo.getSnapshot(id)
  if (!snapshot) return { ok: false, error: '找不到该快照，可能已被更新的快照替换。' }
  let value: unknown
  try {
    value = JSON.parse(snapshot.data)
  } catch {
    return { ok: false, error: '快照已损坏，无法恢复。' }
  }
  const parsed = parseProgressValue(value)
  if (!parsed.ok) return parsed
  // The list shows “{reason}前”: 恢复快照前.
  await takeSnapshot(ctx.repo, ctx.sections, '恢复快照', ctx.now, ctx.provided)
  const raw = value as Record<string, unknown>
  const deferred: SectionData = {}
  for (const section of ctx.sections) {
    const list = raw[section.key]
    if (!Array.isArray(list)) continue
    const good = list.filter((r) => section.accept(r))
    if (section.available()) await section.restore(good, 'overwrite')
    else deferred[section.key] = good
  }
  await ctx.repo.replaceAll({
    cardStates: parsed.file.cardStates.map((s) => { const v = checkCardState(s, ctx.now); return v.kind === 'aside' ? s : v.record }),
    reviewLogs: parsed.file.reviewLogs,
    mistakes: parsed.file.mistakes,
    settings: parsed.file.settings,
  })
  return { ok: true, deferred }
}
