import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MistakeChanges, QuizMistake } from '@/lib/quiz'
import { DEFAULT_STUDY_SETTINGS, sanitizeSettings, type CardState, type ReviewLogEntry, type ReviewOutcome, type StudySettings } from '@/lib/schedule'
import type { RestoreOutcome, SectionData } from '@/lib/storage/backupFile'
import type { SnapshotListing } from '@/lib/storage/backupJobs'
import { describeReport } from '@/lib/storage/integrity'
import { DatabaseClosedError, describeOpenError, openProgressDb, type ProgressRepository } from '@/lib/storage/progressDb'
import { DATA_CLEARED_NOTICE } from '@/lib/storage/closedDatabase'
import { localSetting } from '@/lib/storage/localSetting'
import type { ProgressData } from '@/lib/storage/progressTypes'
import { backupJob } from '@/workers/backupClient'
import { useImportedBankStore } from './useImportedBankStore'
import { useLibraryStore } from './useLibraryStore'
import { useOfficialTextStore } from './useOfficialTextStore'
import { useSettingsStore } from './useSettingsStore'

const CHANNEL = 'study-garden-progress'
/** What the start-up check did, kept until the member has read it: a reload must not lose it. */
const integrityNoticeSetting = localSetting<string[] | null>('study-garden:integrity-notice', null, (v): v is string[] | null => v === null || (Array.isArray(v) && v.every((l) => typeof l === 'string')))
/**
 * Backups, snapshots and restores run in the backup worker; the page reads only its own section (settings in
 * localStorage), and fetches that code when a backup first needs it: 每日一练 on the home page needs the
 * progress, not the backup sections (they reach into the meeting, the documents and the aligner).
 */
let backupSections: Promise<typeof import('@/lib/storage/backup')> | null = null
const loadBackupSections = () => (backupSections ??= import('@/lib/storage/backup'))
const RELOAD_NOTICE = '学习园地已在另一个标签页中更新到新版本。本页已停止保存，请刷新页面后继续（已保存的进度完好）。'

/**
 * The user's study progress (card states, review logs, 错题本, study settings), kept in IndexedDB.
 * The database is the one source of truth: every tab writes through it, refuses a rating another
 * tab already made, and tells the other tabs (BroadcastChannel) to read it again at once.
 * Maps are replaced, never mutated, so computed queues and charts follow every change.
 */
export const useProgressStore = defineStore('progress', () => {
  const states = shallowRef<ReadonlyMap<string, CardState>>(new Map())
  const logs = shallowRef<readonly ReviewLogEntry[]>([])
  const mistakes = shallowRef<ReadonlyMap<string, QuizMistake>>(new Map())
  const storedSettings = shallowRef<StudySettings | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'memory' | 'closed'>('idle')
  const storageWarning = ref<string | null>(null)
  /** What the start-up integrity check repaired or set aside (null when all was well). */
  const integrityNotice = ref<string[] | null>(integrityNoticeSetting.read())
  const settings = computed<StudySettings>(() => storedSettings.value ?? { ...DEFAULT_STUDY_SETTINGS })
  /** Writes still in flight (the review screen shows them, so a closed tab loses nothing unseen). */
  const pendingWrites = ref(0)
  const saving = computed(() => pendingWrites.value > 0)
  let repo: ProgressRepository | null = null
  let loading: Promise<void> | null = null
  let channel: BroadcastChannel | null = null
  /** Bumped after an import, a restore or a clear: the snapshot list reads itself again. */
  const snapshotsChanged = ref(0)

  function apply(data: ProgressData) {
    states.value = new Map(data.cardStates.map((s) => [s.cardId, s]))
    logs.value = [...data.reviewLogs].sort((a, b) => a.review - b.review)
    mistakes.value = new Map(data.mistakes.map((m) => [m.id, m]))
    storedSettings.value = data.settings
  }

  function onClosed(reason: 'versionchange' | 'terminated' = 'versionchange') {
    // A write refused after the close was reported keeps the notice that says why.
    if (status.value === 'closed') return
    status.value = 'closed'
    // Closed by the browser (site data cleared, storage lost) is not a newer version in another tab.
    storageWarning.value = reason === 'terminated' ? DATA_CLEARED_NOTICE : RELOAD_NOTICE
    channel?.close()
    channel = null
  }

  let reloading: Promise<void> | null = null
  /** Reads the database again (another tab wrote); calls arriving meanwhile share one read. */
  function reloadFromDb(): Promise<void> {
    reloading ??= (async () => {
      try {
        if (repo && !repo.closed) apply(await repo.loadAll())
      } finally {
        reloading = null
      }
    })()
    return reloading
  }

  function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      status.value = 'loading'
      try {
        repo = await openProgressDb({
          onClosed,
          onBlocked: () => (storageWarning.value = '请关闭其他打开学习园地的旧标签页，以完成本机数据升级。'),
        })
        apply(await repo.loadAll())
        status.value = 'ready'
        // Checked right after loading, not before: start-up is not slowed; a repair is read in at once.
        void startupCheck(repo)
        if (typeof BroadcastChannel !== 'undefined') {
          channel = new BroadcastChannel(CHANNEL)
          channel.onmessage = () => void reloadFromDb()
        }
      } catch (cause) {
        console.warn('progress storage unavailable', cause)
        repo = null
        const versionMessage = describeOpenError(cause)
        status.value = versionMessage ? 'closed' : 'memory'
        storageWarning.value = versionMessage ?? '本机存储不可用（可能处于无痕浏览模式），学习进度仅在本次访问中保留。'
      }
    })()
    return loading
  }

  async function startupCheck(r: ProgressRepository) {
    try {
      const report = await r.checkIntegrity(Date.now(), { reviewLogs: false })
      if (!report.repaired.length && !report.quarantined.length) return
      integrityNotice.value = [...(integrityNotice.value ?? []), ...describeReport(report)]
      integrityNoticeSetting.write(integrityNotice.value)
      storageWarning.value = `启动时的数据检查修复了 ${report.repaired.length} 条、隔离了 ${report.quarantined.length} 条不合理的记录，详见“统计”页的“数据安全”。`
      await reloadFromDb()
    } catch (cause) {
      console.warn('integrity check failed', cause)
    }
  }

  /** Runs a write; true when it is on disk. A failed write is said plainly, and the other tabs are told of a good one. */
  async function write(action: (r: ProgressRepository) => Promise<unknown>): Promise<boolean> {
    if (!repo) return status.value === 'memory'
    pendingWrites.value++
    try {
      const result = await action(repo)
      channel?.postMessage('changed')
      return result !== false
    } catch (cause) {
      console.warn('progress write failed', cause)
      if (cause instanceof DatabaseClosedError) onClosed()
      else storageWarning.value = '学习进度未能保存到本机存储（空间可能已满），请导出进度备份。'
      return false
    } finally {
      pendingWrites.value--
    }
  }

  /** After a refused write: memory goes back to what the database holds (or to before, if it is closed). */
  async function settle(saved: boolean, undoInMemory: () => void, staleNotice: string) {
    if (saved) return
    if (status.value === 'closed' || !repo) return undoInMemory()
    storageWarning.value = staleNotice
    await reloadFromDb()
  }

  async function saveReview(outcome: ReviewOutcome) {
    if (status.value === 'closed') return
    const [before, beforeLogs] = [states.value, logs.value]
    states.value = new Map(states.value).set(outcome.after.cardId, outcome.after)
    logs.value = [...logs.value, outcome.log]
    const saved = await write((r) => r.saveReview(outcome.after, outcome.log, outcome.before))
    await settle(saved, () => ((states.value = before), (logs.value = beforeLogs)), '该卡片已在另一个标签页中复习过，本次评分未重复记录。')
  }

  async function undoReview(outcome: ReviewOutcome) {
    if (status.value === 'closed') return
    const [before, beforeLogs] = [states.value, logs.value]
    const next = new Map(states.value)
    if (outcome.before) next.set(outcome.before.cardId, outcome.before)
    else next.delete(outcome.after.cardId)
    states.value = next
    logs.value = logs.value.filter((l) => l.id !== outcome.log.id)
    const saved = await write((r) => r.undoReview(outcome.before, outcome.after.cardId, outcome.log.id, outcome.after))
    await settle(saved, () => ((states.value = before), (logs.value = beforeLogs)), '该卡片已在另一个标签页中再次复习，未撤销。')
  }

  async function putCardState(state: CardState) {
    if (status.value === 'closed') return
    states.value = new Map(states.value).set(state.cardId, state)
    await write((r) => r.putCardState(state))
  }

  async function saveSettings(value: StudySettings) {
    if (status.value === 'closed') return
    storedSettings.value = sanitizeSettings(value)
    const stored = storedSettings.value
    await write((r) => r.saveSettings(stored))
  }

  async function changeMistakes({ put, remove }: MistakeChanges) {
    if (status.value === 'closed') return
    const next = new Map(mistakes.value)
    for (const m of put) next.set(m.id, m)
    for (const id of remove) next.delete(id)
    mistakes.value = next
    await write(async (r) => {
      if (put.length) await r.putMistakes(put)
      if (remove.length) await r.deleteMistakes(remove)
    })
  }

  /** Progress on card ids the bank no longer has goes to the cards that now ask the same (old id → current id). */
  async function moveCards(moves: ReadonlyMap<string, string>): Promise<number> {
    if (!moves.size || !repo || repo.closed) return 0
    let moved = 0
    const move = async (r: ProgressRepository) => {
      // In the backup worker: rewriting a long history's logs took the page for seconds.
      const answer = await backupJob({ type: 'move-cards', moves: [...moves] }, r)
      if (!answer.ok) throw new Error(answer.error)
      moved = answer.result
    }
    if (await write(move)) await reloadFromDb()
    return moved
  }

  /** Sections the page holds (localStorage): read here, handed to the worker for snapshots. */
  const pageSection = async () => (await loadBackupSections()).preferencesSection()
  const provided = async (): Promise<SectionData> => {
    const section = await pageSection()
    return { [section.key]: await section.read() }
  }
  const knownDocIds = () => useLibraryStore().entries.map((e) => e.id)

  /** After an import or a snapshot restore: every view reads what is now stored. */
  async function afterRestore(deferred: SectionData, mode: 'merge' | 'overwrite') {
    const section = await pageSection()
    const prefs = deferred[section.key]
    if (prefs) await section.restore(prefs.filter((p) => section.accept(p)), mode)
    useSettingsStore().reload()
    await reloadFromDb()
    // Restored documents are parsed (off the main thread) like any stored without a parsed form.
    await useLibraryStore().reloadLocal()
    await useOfficialTextStore().reload()
    await useImportedBankStore().reload()
    channel?.postMessage('changed')
    snapshotsChanged.value++
  }

  /** The whole backup (progress, own documents, saved quizzes, settings), read from the database, not from this tab's memory. */
  async function exportBackup(now = Date.now()): Promise<{ text: string; counts: Record<string, number> } | null> {
    await ensureLoaded()
    if (!repo || repo.closed) return null
    const answer = await backupJob({ type: 'export', now, provided: await provided() }, repo)
    if (!answer.ok) throw new Error(answer.error)
    return answer.result
  }

  /** Imports a backup file in a worker (the page stays responsive), with progress. */
  async function importBackup(file: Blob, onProgress: (fraction: number, step: string) => void = () => {}): Promise<RestoreOutcome> {
    await ensureLoaded()
    if (!repo || repo.closed) return { ok: false, error: status.value === 'closed' ? RELOAD_NOTICE : '本机存储不可用，无法导入进度。' }
    const bundled = await useLibraryStore().loadBundled()
    const answer = await backupJob({ type: 'import', file, knownDocIds: knownDocIds(), bundled, provided: await provided(), now: Date.now() }, repo, onProgress)
    const outcome: RestoreOutcome = answer.ok ? answer.result : { ok: false, error: `导入失败（${answer.error}），未导入学习进度。` }
    if (outcome.ok) await afterRestore(outcome.deferred, 'merge')
    return outcome
  }

  /** Snapshots are written in the backup worker: 50 MB of progress written out as text froze the page for seconds. */
  async function takeSnapshot(r: ProgressRepository, reason: string): Promise<void> {
    const answer = await backupJob({ type: 'take-snapshot', reason, now: Date.now(), provided: await provided() }, r)
    if (!answer.ok) throw new Error(answer.error)
  }

  async function clearAll() {
    if (!repo || repo.closed) return
    await takeSnapshot(repo, '清除本机进度')
    apply({ cardStates: [], reviewLogs: [], mistakes: [], settings: null })
    await write((r) => r.clearAll())
    snapshotsChanged.value++
  }

  /** A snapshot before a risky change made elsewhere (replacing or deleting a document); never blocks that change. */
  async function snapshot(reason: string): Promise<void> {
    try {
      await ensureLoaded()
      if (repo && !repo.closed) await takeSnapshot(repo, reason)
      snapshotsChanged.value++
    } catch (cause) {
      console.warn('snapshot failed', cause)
    }
  }

  /** Snapshots taken before risky operations, newest first. */
  async function listSnapshots(): Promise<SnapshotListing[]> {
    await ensureLoaded()
    if (!repo || repo.closed) return []
    const answer = await backupJob({ type: 'list-snapshots' }, repo)
    if (!answer.ok) console.warn('snapshots could not be listed', answer.error)
    return answer.ok ? answer.result : []
  }

  async function restoreFromSnapshot(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
    await ensureLoaded()
    if (!repo || repo.closed) return { ok: false, error: '本机存储不可用，无法恢复快照。' }
    const answer = await backupJob({ type: 'snapshot', id, now: Date.now(), provided: await provided() }, repo)
    const outcome = answer.ok ? answer.result : { ok: false as const, error: `恢复失败（${answer.error}），请再试一次。` }
    if (outcome.ok) await afterRestore(outcome.deferred, 'overwrite')
    return outcome.ok ? { ok: true } : outcome
  }

  /** The member has read what the start-up check did. */
  function dismissIntegrityNotice(): void {
    integrityNotice.value = null
    integrityNoticeSetting.write(null)
  }

  /** 检查数据: repairs or sets aside impossible values, and says what it did. */
  async function checkIntegrity(): Promise<string[]> {
    await ensureLoaded()
    if (!repo || repo.closed) return [storageWarning.value ?? '本机存储不可用。']
    const lines = describeReport(await repo.checkIntegrity(Date.now()))
    const aside = await repo.quarantineCount()
    if (aside) lines.push(`隔离区共保存 ${aside} 条记录。`)
    await reloadFromDb()
    channel?.postMessage('changed')
    return lines
  }

  return {
    states, logs, mistakes, settings, status, storageWarning, integrityNotice, saving, snapshotsChanged,
    ensureLoaded, saveReview, undoReview, putCardState, saveSettings, changeMistakes, moveCards,
    exportBackup, importBackup, clearAll, snapshot, listSnapshots, restoreFromSnapshot, checkIntegrity, dismissIntegrityNotice,
  }
})
