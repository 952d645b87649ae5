import { describePassage, fillsGaps, type AlignedPassage, type AlignResult } from './align'
import { foldText, similarity } from './alignText'
import { withoutGaps } from './gaps'
import { recordsInForce, type OfficialTextRecord } from './officialRecords'
import type { StudyDocument } from './types'

// Reading a document with its records needs no aligner; that half lives in officialRecords.ts, so the app
// shell and the card worker carry it without one (re-exported for the importers of backups and reviews).
export { applyOfficialText, isOfficialTextRecord, OFFICIAL_TEXT_MARK, recordsInForce, type OfficialTextRecord } from './officialRecords'

/** The passages a member may take over: every filled gap, and each differing passage they ticked. */
export function recordsFromReview(result: AlignResult, replace: ReadonlySet<string>, now: Date): OfficialTextRecord[] {
  if (result.verdict !== 'accepted') return []
  return result.passages.flatMap((p: AlignedPassage) => {
    if (p.bundled === undefined || p.official === undefined) return []
    const kind = p.status === 'fills-gap' ? 'fill' : p.status === 'differs' && replace.has(p.anchor) ? 'replace' : null
    if (!kind) return []
    return [{ id: `${result.doc}#${p.anchor}`, docId: result.doc, anchor: p.anchor, kind, text: p.official, bundled: p.bundled, checkedAt: now.toISOString() }]
  })
}

/** A passage the member took over from an official copy, checked again on its way in from a backup. */
export interface ScreenedRecords {
  use: OfficialTextRecord[]
  /** In Chinese, one line per record not taken, for the import summary. */
  refused: string[]
  /** Where each taken record applies (《党章》第一条（补入缺文）), for the import summary. */
  taken: string[]
}

/**
 * Backup records pass the checks a pasted official copy passes, passage by passage: the document
 * is a bundled one and the passage is the one the record was checked against; a fill keeps every
 * reproduced piece of the passage and has wording where its gaps are; a replacement stays close
 * to the bundled wording (a rewritten article is not “the official copy”), and the 2017 wording
 * of an amended clause is never taken. Records of documents this version does not have are refused.
 */
export function screenOfficialRecords(records: readonly OfficialTextRecord[], bundled: readonly StudyDocument[], revisionOf: (doc: StudyDocument, anchor: string, text: string) => string | null = () => null): ScreenedRecords {
  const out: ScreenedRecords = { use: [], refused: [], taken: [] }
  const docs = new Map(bundled.map((d) => [d.id, d]))
  for (const record of records) {
    const doc = docs.get(record.docId)
    const passage = doc?.passages.find((p) => p.anchor === record.anchor)
    const name = doc && passage ? `《${doc.shortTitle || doc.title}》${describePassage(passage)}` : `“${record.docId}#${record.anchor}”`
    const refuse = (why: string) => out.refused.push(`${name}：${why}`)
    if (!doc) refuse('本应用没有这份文档，未采用')
    else if (!passage) refuse('文档中没有这一段，未采用')
    else if (record.id !== `${record.docId}#${record.anchor}`) refuse('记录编号有误，未采用')
    else if (passage.text !== record.bundled) refuse('所核对的收录文本与本版本不同，未采用')
    else if (record.kind === 'fill' && !(passage.incomplete && fillsGaps(passage.text, record.text))) refuse('补入的文字与原文保留部分对不上，未采用')
    else if (record.kind === 'replace' && similarity(foldText(withoutGaps(passage.text)), foldText(record.text)) < 0.6) refuse('替换的文字与收录文本出入过大，不像同一条文，未采用')
    else {
      const revision = revisionOf(doc, record.anchor, record.text)
      if (revision) refuse(revision)
      else {
        out.use.push(record)
        out.taken.push(`${name}（${record.kind === 'fill' ? '补入缺文' : '替换文字'}）`)
      }
    }
  }
  return out
}

const STATUS_LABELS: Record<AlignedPassage['status'], string> = {
  identical: '一致',
  'fills-gap': '补入缺文',
  differs: '文字不同',
  'missing-in-official': '正式文本中没有',
  'extra-in-official': '正式文本多出',
}
export { STATUS_LABELS as ALIGN_STATUS_LABELS }

/** A short plain-text report of the differences, for the project's maintainers. */
export function differencesReport(doc: StudyDocument, result: AlignResult, now: Date): string {
  const lines = [
    `《${doc.title}》正式文本核对差异报告`,
    `核对日期：${now.toISOString().slice(0, 10)}`,
    `本应用收录版本：${doc.version}`,
    `结论：${result.verdict === 'accepted' ? '可据以补全' : `未采用（${result.reason ?? ''}）`}`,
    '',
  ]
  const counts = new Map<string, number>()
  for (const p of result.passages) counts.set(p.status, (counts.get(p.status) ?? 0) + 1)
  lines.push(`共 ${result.passages.length} 段：${[...counts].map(([s, n]) => `${STATUS_LABELS[s as AlignedPassage['status']]} ${n}`).join('，')}`, '')
  const notable = result.passages.filter((p) => p.status === 'differs' || p.status === 'missing-in-official' || p.status === 'extra-in-official')
  if (!notable.length) lines.push('除补入的缺文外，没有发现差异。')
  for (const p of notable) {
    lines.push(`【${p.where}】（${p.anchor}）${STATUS_LABELS[p.status]}`)
    if (p.diff) lines.push(`  差异：${p.diff.map((s) => (s.op === 'same' ? s.text : s.op === 'removed' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('')}`)
    else if (p.status === 'missing-in-official') lines.push(`  本应用：${p.bundled ?? ''}`)
    else lines.push(`  正式文本：${p.official ?? ''}`)
    lines.push('')
  }
  lines.push('说明：[-…-] 为本应用收录文本有、正式文本没有的文字；{+…+} 为正式文本有、本应用没有的文字。')
  return lines.join('\n')
}
