import { computed, watch, type ComputedRef } from 'vue'
import { useRouter } from 'vue-router'
import { IMPORTED_DOC_ID } from '@/lib/bank/toCard'
import { isDefaultMeetingSource } from '@/lib/cards/hint'
import type { Card } from '@/lib/cards/types'
import { addRound, drawRound, pickCard, quizProblems, retitle, setRoundKind, type MeetingDraft } from '@/lib/meeting/draft'
import type { Quiz, RiskPoints, RoundKind } from '@/lib/meeting/types'
import { useLibraryStore } from '@/stores/useLibraryStore'
import { useMeetingStore } from '@/stores/useMeetingStore'
import { useCardBank, type UseCardBankReturn } from './useCardBank'

export interface UseMeetingSetupReturn {
  draft: ComputedRef<MeetingDraft>
  bank: UseCardBankReturn
  problems: ComputedRef<string[]>
  usedIds: ComputedRef<Set<string>>
  draw(index: number): void
  drawAll(): void
  pick(index: number, card: Card): boolean
  removeQuestion(index: number, questionIndex: number): void
  setPoints(index: number, questionIndex: number, points: RiskPoints): void
  setKind(index: number, kind: RoundKind): void
  addRound(kind: RoundKind): void
  removeRound(index: number): void
  save(): Promise<boolean>
  load(quiz: Quiz): void
  reset(): void
  start(): void
}

/** The setup page's state and operations: the draft lives in the meeting store, the rules in lib/meeting/draft. */
export function useMeetingSetup(): UseMeetingSetupReturn {
  const store = useMeetingStore()
  const library = useLibraryStore()
  const router = useRouter()
  const bank = useCardBank()
  // By default a meeting quiz draws from the official texts, not the glossary or the seed article, and
  // from the banks the branch imported (a linked question counts as its text's; the rest as IMPORTED_DOC_ID).
  const allDocIds = () => [...library.entries.filter((entry) => isDefaultMeetingSource(entry.kind)).map((entry) => entry.id), IMPORTED_DOC_ID]
  if (!store.draft) store.resetDraft(allDocIds())
  const draft = computed(() => store.draft as MeetingDraft)
  let seed = Date.now() % 1_000_000

  const problems = computed(() => quizProblems(draft.value))
  const usedIds = computed(() => new Set(draft.value.rounds.flatMap((round) => round.questions.map((q) => q.id))))

  function draw(index: number) {
    const round = draft.value.rounds[index]
    if (round) round.questions = drawRound(draft.value, index, bank.cards.value, ++seed)
  }

  function drawAll() {
    draft.value.rounds.forEach((round) => (round.questions = []))
    draft.value.rounds.forEach((_, i) => draw(i))
  }

  // A new quiz gets its questions as soon as the bank is ready.
  watch(bank.cards, (cards) => {
    if (cards.length && draft.value.rounds.every((round) => !round.questions.length)) drawAll()
  })

  return {
    draft,
    bank,
    problems,
    usedIds,
    draw,
    drawAll,
    pick(index, card) {
      const question = pickCard(draft.value, index, card)
      if (question) draft.value.rounds[index]?.questions.push(question)
      return question !== null
    },
    removeQuestion(index, questionIndex) {
      draft.value.rounds[index]?.questions.splice(questionIndex, 1)
    },
    setPoints(index, questionIndex, points) {
      const question = draft.value.rounds[index]?.questions[questionIndex]
      if (question) question.points = points
    },
    setKind(index, kind) {
      const round = draft.value.rounds[index]
      if (!round) return
      setRoundKind(round, kind)
      retitle(draft.value.rounds)
    },
    addRound(kind) {
      draft.value.rounds.push(addRound(draft.value, kind))
    },
    removeRound(index) {
      draft.value.rounds.splice(index, 1)
      retitle(draft.value.rounds)
    },
    save: () => store.saveQuiz(draft.value),
    load: (quiz) => store.loadDraft(quiz, allDocIds()),
    reset: () => void store.resetDraft(allDocIds()),
    start() {
      if (problems.value.length) return
      store.role = 'host'
      store.startSession(draft.value)
      void router.push('/meeting/host')
    },
  }
}
