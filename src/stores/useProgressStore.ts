import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MistakeChanges, QuizMistake } from '@/lib/quiz'
import { DEFAULT_STUDY_SETTINGS, sanitizeSettings, type CardState, type ReviewLogEntry, type ReviewOutcome, type StudySettings } from '@/lib/schedule'
import { openProgressDb, type ImportOutcome, type ProgressRepository } from '@/lib/storage/progressDb'
import { createProgressFile } from '@/lib/storage/progressTransfer'
import type { ProgressData, ProgressFile } from '@/lib/storage/progressTypes'

/**
 * The user's study progress (card states, review logs, 错题本, study settings), kept in IndexedDB.
 * Maps are replaced, never mutated, so computed queues and charts follow every change.
 * Without IndexedDB (some private modes) progress lives for this visit only, and the page says so.
 */
export const useProgressStore = defineStore('progress', () => {
  const states = shallowRef<ReadonlyMap<string, CardState>>(new Map())
  const logs = shallowRef<readonly ReviewLogEntry[]>([])
  const mistakes = shallowRef<ReadonlyMap<string, QuizMistake>>(new Map())
  const storedSettings = shallowRef<StudySettings | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'memory'>('idle')
  const storageWarning = ref<string | null>(null)
  const settings = computed<StudySettings>(() => storedSettings.value ?? { ...DEFAULT_STUDY_SETTINGS })
  /** Writes still in flight (the review screen shows them, so a closed tab loses nothing unseen). */
  const pendingWrites = ref(0)
  const saving = computed(() => pendingWrites.value > 0)
  let repo: ProgressRepository | null = null
  let loading: Promise<void> | null = null

  function apply(data: ProgressData) {
    states.value = new Map(data.cardStates.map((s) => [s.cardId, s]))
    logs.value = [...data.reviewLogs].sort((a, b) => a.review - b.review)
    mistakes.value = new Map(data.mistakes.map((m) => [m.id, m]))
    storedSettings.value = data.settings
  }

  function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      status.value = 'loading'
      try {
        repo = await openProgressDb()
        apply(await repo.loadAll())
        status.value = 'ready'
      } catch (cause) {
        console.warn('progress storage unavailable', cause)
        repo = null
        status.value = 'memory'
        storageWarning.value = '本机存储不可用（可能处于无痕浏览模式），学习进度仅在本次访问中保留。'
      }
    })()
    return loading
  }

  /** Runs a write; a failed write keeps the change in memory and warns once. */
  async function write(action: (r: ProgressRepository) => Promise<unknown>) {
    if (!repo) return
    pendingWrites.value++
    try {
      await action(repo)
    } catch (cause) {
      console.warn('progress write failed', cause)
      storageWarning.value = '学习进度未能保存到本机存储（空间可能已满），请导出进度备份。'
    } finally {
      pendingWrites.value--
    }
  }

  async function saveReview(outcome: ReviewOutcome) {
    states.value = new Map(states.value).set(outcome.after.cardId, outcome.after)
    logs.value = [...logs.value, outcome.log]
    await write((r) => r.saveReview(outcome.after, outcome.log))
  }

  async function undoReview(outcome: ReviewOutcome) {
    const next = new Map(states.value)
    if (outcome.before) next.set(outcome.before.cardId, outcome.before)
    else next.delete(outcome.after.cardId)
    states.value = next
    logs.value = logs.value.filter((l) => l.id !== outcome.log.id)
    await write((r) => r.undoReview(outcome.before, outcome.after.cardId, outcome.log.id))
  }

  async function putCardState(state: CardState) {
    states.value = new Map(states.value).set(state.cardId, state)
    await write((r) => r.putCardState(state))
  }

  async function saveSettings(value: StudySettings) {
    storedSettings.value = sanitizeSettings(value)
    const stored = storedSettings.value
    await write((r) => r.saveSettings(stored))
  }

  async function changeMistakes({ put, remove }: MistakeChanges) {
    const next = new Map(mistakes.value)
    for (const m of put) next.set(m.id, m)
    for (const id of remove) next.delete(id)
    mistakes.value = next
    await write(async (r) => {
      if (put.length) await r.putMistakes(put)
      if (remove.length) await r.deleteMistakes(remove)
    })
  }

  function exportFile(now = Date.now()): ProgressFile {
    return createProgressFile(
      { cardStates: [...states.value.values()], reviewLogs: [...logs.value], mistakes: [...mistakes.value.values()], settings: storedSettings.value },
      now,
    )
  }

  async function importText(text: string): Promise<ImportOutcome> {
    await ensureLoaded()
    if (!repo) return { ok: false, error: '本机存储不可用，无法导入进度。' }
    const outcome = await repo.importFile(text)
    if (outcome.ok) apply(await repo.loadAll())
    return outcome
  }

  async function clearAll() {
    apply({ cardStates: [], reviewLogs: [], mistakes: [], settings: null })
    await write((r) => r.clearAll())
  }

  return {
    states, logs, mistakes, settings, status, storageWarning, saving,
    ensureLoaded, saveReview, undoReview, putCardState, saveSettings, changeMistakes, exportFile, importText, clearAll,
  }
})
