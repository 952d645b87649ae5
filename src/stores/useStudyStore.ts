import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Card } from '@/lib/cards/types'
import {
  buildQueue,
  createScheduler,
  newCardState,
  nextCard,
  queueCounts,
  restoreCard,
  type Grade,
  type IntervalPreview,
  type ReviewOutcome,
  type StudySettings,
} from '@/lib/schedule'
import { useCardBankStore } from './useCardBankStore'
import { useLibraryStore } from './useLibraryStore'
import { useProgressStore } from './useProgressStore'

const UNDO_DEPTH = 20

/** The card bank (generated lazily from the documents) and today's review session. */
export const useStudyStore = defineStore('study', () => {
  const bank = useCardBankStore()
  const progress = useProgressStore()
  const cards = computed<readonly Card[] | null>(() => bank.cards)
  const loadError = computed(() => bank.error)
  /** The clock of the session; moved on at every action so the queue stays current. */
  const now = ref(Date.now())
  /** The card whose answer is shown (an id, so a different card never opens revealed). */
  const revealedId = ref<string | null>(null)
  /** The card whose 查看提示 was opened before answering (recorded in its review log). */
  const hintedId = ref<string | null>(null)
  /** A card brought back by undo is shown first, whatever the queue says. */
  const pinnedId = ref<string | null>(null)
  const history = shallowRef<ReviewOutcome[]>([])
  const reviewedThisSession = ref(0)
  const leechNotice = ref<string | null>(null)
  let loading: Promise<void> | null = null

  /** Loads the card bank and the progress; progress kept under an older bank's ids follows its questions. */
  function ensureReady(): Promise<void> {
    loading ??= Promise.all([bank.ensureLoaded(), progress.ensureLoaded()]).then(() => {
      // In the background: the page does not wait for a long history to be moved.
      void adoptOlderCardIds()
      // A new bank (the branch's documents changed) or an imported / restored backup may bring old ids again.
      watch([() => bank.cards, () => progress.snapshotsChanged], () => void adoptOlderCardIds())
    })
    return loading
  }

  let adopting: Promise<void> | null = null
  /** Moves progress on card ids the bank does not have (an upgrade, an older backup) to the cards that now ask the same. */
  function adoptOlderCardIds(): Promise<void> {
    adopting ??= (async () => {
      try {
        const known = bank.cardById
        if (!bank.cards || progress.status !== 'ready') return
        const stranded = new Set<string>()
        for (const id of progress.states.keys()) if (!known.has(id)) stranded.add(id)
        for (const log of progress.logs) if (!known.has(log.cardId)) stranded.add(log.cardId)
        if (!stranded.size) return
        const library = useLibraryStore()
        // The texts are fetched only now: the card bank is made in a worker, which never hands them to the page.
        const [{ cardMoves }, bundled] = await Promise.all([import('@/lib/cards/legacy'), library.loadBundled()])
        await progress.moveCards(cardMoves(stranded, bank.cards, [...bundled, ...library.local]))
      } catch (cause) {
        console.warn('moving progress to the current cards failed', cause)
      } finally {
        adopting = null
      }
    })()
    return adopting
  }

  const cardById = computed(() => bank.cardById)
  const scheduler = computed(() => createScheduler({ retention: progress.settings.retention }))
  const queue = computed(() =>
    cards.value
      ? buildQueue({ cards: cards.value, states: progress.states, settings: progress.settings, logs: progress.logs, now: now.value })
      : null,
  )
  const counts = computed(() => (queue.value ? queueCounts(queue.value) : { due: 0, fresh: 0, total: 0 }))
  const current = computed<Card | null>(() => {
    const pinned = pinnedId.value ? cardById.value.get(pinnedId.value) : undefined
    return pinned ?? (queue.value ? nextCard(queue.value) : null)
  })
  const preview = computed<Record<Grade, IntervalPreview> | null>(() => {
    const card = current.value
    if (!card) return null
    return scheduler.value.preview(progress.states.get(card.id) ?? newCardState(card.id, card.docId, now.value), now.value)
  })
  const leeches = computed(() => (cards.value ?? []).filter((card) => progress.states.get(card.id)?.leech))
  const canUndo = computed(() => history.value.length > 0)
  const revealed = computed(() => Boolean(current.value && revealedId.value === current.value.id))

  function tick() {
    now.value = Date.now()
  }

  function reveal() {
    if (current.value) revealedId.value = current.value.id
  }

  function useHint() {
    if (current.value) hintedId.value = current.value.id
  }

  /** Keeps the card on screen while the user reads its source, so back returns to it. */
  function holdCurrent() {
    if (current.value) pinnedId.value = current.value.id
  }

  async function rate(grade: Grade) {
    const card = current.value
    if (!card || !revealed.value) return
    await rateCard(card, grade, hintedId.value === card.id)
  }

  /** Rates a given card (the 每日一练 rates the question just answered, whatever the queue shows). */
  async function rateCard(card: Card, grade: Grade, hinted = false) {
    tick()
    const outcome = scheduler.value.rate(progress.states.get(card.id) ?? null, card, grade, now.value, hinted)
    history.value = [...history.value, outcome].slice(-UNDO_DEPTH)
    pinnedId.value = null
    revealedId.value = null
    hintedId.value = null
    reviewedThisSession.value++
    leechNotice.value = outcome.becameLeech ? `此卡已遗忘 ${outcome.after.lapses} 次，列为“难记卡片”并暂停复习，可在今日学习页恢复。` : null
    await progress.saveReview(outcome)
  }

  async function undo() {
    const outcome = history.value.at(-1)
    if (!outcome) return
    history.value = history.value.slice(0, -1)
    reviewedThisSession.value = Math.max(0, reviewedThisSession.value - 1)
    leechNotice.value = null
    // The card comes back question side up, to be answered again.
    pinnedId.value = outcome.after.cardId
    revealedId.value = null
    hintedId.value = null
    await progress.undoReview(outcome)
  }

  async function restoreLeech(cardId: string) {
    const state = progress.states.get(cardId)
    if (state) await progress.putCardState(restoreCard(state))
  }

  async function updateSettings(patch: Partial<StudySettings>) {
    await progress.saveSettings({ ...progress.settings, ...patch })
    tick()
  }

  /** A new session: the clock moves on, the counters start again. */
  function startSession() {
    tick()
    hintedId.value = null
    reviewedThisSession.value = 0
    history.value = []
    pinnedId.value = null
    revealedId.value = null
    leechNotice.value = null
  }

  return {
    cards, loadError, now, revealed, queue, counts, current, preview, leeches, canUndo, reviewedThisSession, leechNotice, cardById,
    hintedId,
    ensureReady, tick, reveal, useHint, holdCurrent, rate, rateCard, undo, restoreLeech, updateSettings, startSession,
  }
})
