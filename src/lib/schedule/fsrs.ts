import { createEmptyCard, fsrs, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade, type State } from 'ts-fsrs'
import { LEECH_THRESHOLD } from './leech'
import { GRADES, type CardState, type Grade, type HintedReviewLog, type MemoryState } from './types'

export interface SchedulerOptions {
  /** Desired retention, 0.7–0.99 (default 0.9). */
  retention?: number
}

/** The result of rating one card: its new state, the log of the rating, and what it was before (for undo). */
export interface ReviewOutcome {
  before: CardState | null
  after: CardState
  log: HintedReviewLog
  /** The rating made the card a leech: it is now flagged and suspended. */
  becameLeech: boolean
}

export interface IntervalPreview {
  grade: Grade
  due: number
  /** Milliseconds from now until the card is due again. */
  interval: number
}

export interface Scheduler {
  readonly retention: number
  /** What each of the four ratings would do, without changing anything. */
  preview(state: CardState, now: number): Record<Grade, IntervalPreview>
  /** `hinted`: the member used 查看提示 first; the log records it (the schedule does not change). */
  rate(before: CardState | null, card: { id: string; docId: string }, grade: Grade, now: number, hinted?: boolean): ReviewOutcome
  /** Probability (0–1) that the card is remembered at `now`; 0 for a new card. */
  retrievability(state: CardState, now: number): number
}

/** A card never reviewed: due now, FSRS state New. */
export function newCardState(cardId: string, docId: string, now: number): CardState {
  return fromFsrs(createEmptyCard(new Date(now)), { cardId, docId, suspended: false, leech: false, lapsesAtRestore: 0 })
}

/** FSRS scheduling through ts-fsrs, without fuzz so that previews are exactly what happens. */
export function createScheduler({ retention = 0.9 }: SchedulerOptions = {}): Scheduler {
  const engine: FSRS = fsrs({ request_retention: retention, enable_fuzz: false, enable_short_term: true })
  return {
    retention,
    preview(state, now) {
      const record = engine.repeat(toFsrs(state), new Date(now))
      const out = {} as Record<Grade, IntervalPreview>
      for (const grade of GRADES) {
        const due = record[grade as FsrsGrade].card.due.getTime()
        out[grade] = { grade, due, interval: Math.max(0, due - now) }
      }
      return out
    },
    rate(before, card, grade, now, hinted) {
      const start = before ?? newCardState(card.id, card.docId, now)
      const { card: next, log } = engine.next(toFsrs(start), new Date(now), grade as FsrsGrade)
      const after = fromFsrs(next, start)
      const becameLeech = !start.leech && after.lapses - after.lapsesAtRestore >= LEECH_THRESHOLD
      if (becameLeech) {
        after.leech = true
        after.suspended = true
      }
      return {
        before,
        after,
        becameLeech,
        log: {
          id: `${now}:${card.id}`,
          cardId: card.id,
          docId: card.docId,
          grade,
          state: log.state as number as MemoryState,
          due: log.due.getTime(),
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsed_days,
          scheduledDays: log.scheduled_days,
          review: now,
          ...(hinted ? { hinted: true as const } : {}),
        },
      }
    },
    retrievability(state, now) {
      if (state.state === 0) return 0
      return engine.get_retrievability(toFsrs(state), new Date(now), false)
    },
  }
}

function toFsrs(state: CardState): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as number as State,
    last_review: state.lastReview == null ? undefined : new Date(state.lastReview),
  }
}

function fromFsrs(card: FsrsCard, keep: Pick<CardState, 'cardId' | 'docId' | 'suspended' | 'leech' | 'lapsesAtRestore'>): CardState {
  return {
    cardId: keep.cardId,
    docId: keep.docId,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as MemoryState,
    lastReview: card.last_review ? card.last_review.getTime() : null,
    suspended: keep.suspended,
    leech: keep.leech,
    lapsesAtRestore: keep.lapsesAtRestore,
  }
}
