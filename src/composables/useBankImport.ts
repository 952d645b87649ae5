import { computed, ref, shallowRef } from 'vue'
import { shuffleBank } from '@/lib/bank/check'
import { formatBankCsv, formatBankText, formatBankXlsx } from '@/lib/bank/exportBank'
import type { AddedQuestions } from '@/lib/bank/importedSet'
import { bankToMeetingQuestion } from '@/lib/bank/toMeeting'
import type { MeetingQuestion } from '@/lib/meeting/types'
import type { BankLineError, CheckedQuestion } from '@/lib/bank/types'
import { ImportError } from '@/lib/content/localDocument'
import { useCardBankStore } from '@/stores/useCardBankStore'
import { useImportedBankStore } from '@/stores/useImportedBankStore'
import { useLibraryStore } from '@/stores/useLibraryStore'
import { useSearchStore } from '@/stores/useSearchStore'
import { readBankOffThread } from '@/workers/bankWorker'
import { downloadBlob, downloadText } from './useFileDownload'

export type BankImportPhase = 'idle' | 'reading' | 'checking' | 'preview'

/**
 * A bank on its way in: read in a worker, checked against the texts a slice at a time, previewed.
 * Nothing is kept until the member keeps (as cards), exports or adds to a round the questions they
 * accepted; a flagged question is accepted only by ticking it.
 */
export function useBankImport() {
  const search = useSearchStore()
  const cardBank = useCardBankStore()
  const library = useLibraryStore()
  const importedBank = useImportedBankStore()
  const phase = ref<BankImportPhase>('idle')
  const error = ref<string | null>(null)
  const source = ref('')
  const questions = shallowRef<CheckedQuestion[]>([])
  const errors = shallowRef<BankLineError[]>([])
  /** Indexes of accepted questions. */
  const accepted = ref(new Set<number>())
  const passages = shallowRef<ReadonlyMap<string, string>>(new Map())

  const acceptedQuestions = computed(() => questions.value.filter((_, i) => accepted.value.has(i)))
  const biased = computed(() => questions.value.some((q) => q.flags.includes('letter-bias')))

  async function load(input: File | string): Promise<void> {
    error.value = null
    phase.value = 'reading'
    source.value = typeof input === 'string' ? '粘贴的题目' : input.name
    try {
      const parsed = await readBankOffThread(input)
      phase.value = 'checking'
      const [engine, , documents] = await Promise.all([search.ensureEngine(), cardBank.ensureLoaded(), library.loadBundled()])
      if (!engine) throw new ImportError(search.error ?? '检索索引加载失败，无法核对题目。')
      passages.value = new Map([...documents, ...library.local].flatMap((doc) => doc.passages.map((p) => [`${doc.id}#${p.anchor}`, p.text] as const)))
      // The check runs where the search engine lives (its worker), so the page stays responsive.
      const checked = await engine.checkBank(parsed.questions, (cardBank.cards ?? []).map((card) => card.prompt))
      questions.value = checked
      errors.value = parsed.errors
      accepted.value = new Set(checked.flatMap((q, i) => (q.flags.length ? [] : [i])))
      phase.value = 'preview'
    } catch (e) {
      error.value = e instanceof ImportError ? e.message : '题库读取失败，请重试或换一个文件。'
      phase.value = 'idle'
    }
  }

  function toggle(index: number): void {
    const next = new Set(accepted.value)
    if (next.has(index)) next.delete(index)
    else next.add(index)
    accepted.value = next
  }

  /** Spreads single-choice keys over the letters; the flag it answers goes with it. */
  function shuffle(): void {
    questions.value = shuffleBank(questions.value, Date.now() % 100_000).map((q) =>
      q.flags.includes('letter-bias') ? { ...q, flags: q.flags.filter((f) => f !== 'letter-bias'), notes: q.notes.filter((n) => !n.includes('打乱')) } : q,
    )
  }

  const baseName = () => source.value.replace(/\.[^.]+$/, '') || '题库'
  const exportText = () => downloadText(`${baseName()}（核对后）.txt`, formatBankText(acceptedQuestions.value))
  async function exportXlsx(): Promise<void> {
    try {
      downloadBlob(`${baseName()}（核对后）.xlsx`, await formatBankXlsx(acceptedQuestions.value))
    } catch {
      error.value = 'Excel 文件生成失败，请重试，或改为导出文本。'
    }
  }
  const exportCsv = () => downloadText(`${baseName()}（核对后）.csv`, formatBankCsv(acceptedQuestions.value), 'text/csv;charset=utf-8')

  const clauseOf = (q: CheckedQuestion) => (q.link ? (passages.value.get(`${q.link.doc}#${q.link.anchor}`) ?? null) : null)

  /** The accepted questions as meeting questions, with the stating clause as their source. */
  const meetingQuestions = (): MeetingQuestion[] => acceptedQuestions.value.map((q) => bankToMeetingQuestion(q, source.value, clauseOf(q)))

  /** Keeps the accepted questions as cards of this browser (study, 练习, 错题本, meeting draws). */
  const keep = (): Promise<AddedQuestions> =>
    importedBank.add(
      source.value,
      acceptedQuestions.value.map((q) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer, ...(q.explanation ? { explanation: q.explanation } : {}), link: q.link, clause: clauseOf(q) })),
    )

  function reset(): void {
    phase.value = 'idle'
    questions.value = []
    errors.value = []
    accepted.value = new Set()
    error.value = null
  }

  return { phase, error, source, questions, errors, accepted, acceptedQuestions, biased, passages, load, toggle, shuffle, exportText, exportCsv, exportXlsx, meetingQuestions, keep, reset }
}
