import { computed, ref, shallowRef, toRaw, type Ref } from 'vue'
import type { AlignResult } from '@/lib/content/align'
import { readOfficialFile } from '@/lib/content/alignFile'
import { differencesReport, recordsFromReview } from '@/lib/content/alignFills'
import { ImportError } from '@/lib/content/localDocument'
import type { StudyDocument } from '@/lib/content/types'
import { useOfficialTextStore } from '@/stores/useOfficialTextStore'
import { alignOffThread } from '@/workers/contentWorker'
import { downloadText } from './useFileDownload'

export interface UseOfficialTextReviewReturn {
  text: Ref<string>
  error: Ref<string | null>
  result: Readonly<Ref<AlignResult | null>>
  /** Anchors of differing passages the member chose to take over. */
  replace: Ref<string[]>
  done: Ref<string | null>
  fills: Readonly<Ref<number>>
  openFile(file: File): Promise<void>
  /** True while a copy is being aligned (in a worker for a long copy). */
  checking: Readonly<Ref<boolean>>
  check(): Promise<void>
  confirm(): Promise<void>
  downloadReport(): void
}

/** 用正式文本补全 / 核对: the pasted or opened copy, its alignment with the bundled text, and the member's choices. */
export function useOfficialTextReview(bundled: Readonly<Ref<StudyDocument>>): UseOfficialTextReviewReturn {
  const official = useOfficialTextStore()
  const text = ref('')
  const error = ref<string | null>(null)
  const result = shallowRef<AlignResult | null>(null)
  const replace = ref<string[]>([])
  const done = ref<string | null>(null)
  const fills = computed(() => result.value?.passages.filter((p) => p.status === 'fills-gap').length ?? 0)

  async function openFile(file: File) {
    error.value = null
    try {
      text.value = await readOfficialFile(file)
      await check()
    } catch (cause) {
      error.value = cause instanceof ImportError ? cause.message : `无法读取“${file.name}”。`
    }
  }

  const checking = ref(false)
  let run = 0
  async function check() {
    error.value = null
    done.value = null
    replace.value = []
    const mine = ++run
    checking.value = true
    try {
      const aligned = await alignOffThread(toRaw(bundled.value), text.value)
      // A later check (or another copy) wins over one still running.
      if (mine === run) result.value = aligned
    } finally {
      if (mine === run) checking.value = false
    }
  }

  async function confirm() {
    const current = result.value
    if (current?.verdict !== 'accepted') return
    const records = recordsFromReview(current, new Set(replace.value), new Date())
    try {
      await official.confirm(bundled.value.id, records)
      const replaced = records.filter((r) => r.kind === 'replace').length
      done.value = `已补入 ${records.length - replaced} 处缺文${replaced ? `，改用 ${replaced} 段正式文本的文字` : ''}。补入的内容只保存在此浏览器中，可检索、可出题。`
    } catch {
      error.value = '保存失败：此浏览器未能写入本地存储。'
    }
  }

  function downloadReport() {
    if (!result.value) return
    const now = new Date()
    downloadText(`${bundled.value.shortTitle}-正式文本核对差异-${now.toISOString().slice(0, 10)}.txt`, differencesReport(bundled.value, result.value, now))
  }

  return { text, error, result, replace, done, fills, checking, openFile, check, confirm, downloadReport }
}
