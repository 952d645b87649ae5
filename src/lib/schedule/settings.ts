import { CARD_TYPE_LABELS, type CardType } from '../cards/types'
import type { StudySettings } from './types'

export const DEFAULT_STUDY_SETTINGS: Readonly<StudySettings> = Object.freeze({
  retention: 0.9,
  dailyNewLimit: 20,
  docIds: [],
  types: [],
})

export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const
export const NEW_LIMIT_RANGE = { min: 0, max: 200 } as const

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback
}

function isCardType(value: unknown): value is CardType {
  return typeof value === 'string' && Object.hasOwn(CARD_TYPE_LABELS, value)
}

/** Reads settings from storage or an imported file; anything unreadable falls back to the default. */
export function sanitizeSettings(value: unknown): StudySettings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const docIds = Array.isArray(raw.docIds) ? raw.docIds.filter((id): id is string => typeof id === 'string') : []
  const types = Array.isArray(raw.types) ? raw.types.filter(isCardType) : []
  return {
    retention: Math.round(clampNumber(raw.retention, RETENTION_RANGE.min, RETENTION_RANGE.max, DEFAULT_STUDY_SETTINGS.retention) * 100) / 100,
    dailyNewLimit: Math.round(clampNumber(raw.dailyNewLimit, NEW_LIMIT_RANGE.min, NEW_LIMIT_RANGE.max, DEFAULT_STUDY_SETTINGS.dailyNewLimit)),
    docIds: [...new Set(docIds)],
    types: [...new Set(types)],
    ...(typeof raw.chapter === 'string' && raw.chapter ? { chapter: raw.chapter } : {}),
  }
}

/**
 * Ticks or unticks one item of a selection where empty means "all" (documents, card types):
 * unticking from "all" leaves the others; ticking the last missing one returns to "all".
 */
export function toggleSelection<T extends string>(selected: readonly T[], all: readonly T[], value: T, on: boolean): T[] {
  const current = selected.length ? selected : all
  const next = on ? [...new Set([...current, value])] : current.filter((item) => item !== value)
  return next.length >= all.length && all.every((item) => next.includes(item)) ? [] : next
}

export function isSelected(selected: readonly string[], value: string): boolean {
  return !selected.length || selected.includes(value)
}
