import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { addToSets, importedCards, type AddedQuestions, type ImportedBankSet } from '@/lib/bank/importedSet'
import type { ImportedQuestion } from '@/lib/bank/toCard'
import type { Card } from '@/lib/cards/types'
import { openBankDb, type BankRepository } from '@/lib/storage/bankDb'
import { openOnce } from '@/lib/storage/openOnce'

/**
 * The question banks the branch imported and kept (accepted in the preview), stored in this
 * browser. Their cards join the card bank (useCardBankStore) beside the generated ones.
 */
export const useImportedBankStore = defineStore('importedBank', () => {
  const sets = shallowRef<readonly ImportedBankSet[]>([])
  const storageError = ref<string | null>(null)

  const openRepository = openOnce(openBankDb, () => (storageError.value = '此浏览器无法保存导入的题库（可能处于无痕模式），题目仅在本次打开期间可用。'))

  async function load(): Promise<void> {
    const repo = await openRepository()
    if (!repo) return
    try {
      sets.value = markRaw(await repo.all())
    } catch (error) {
      console.warn('imported banks could not be read', error)
      storageError.value = '导入的题库暂时无法读取，请刷新页面后再试。'
    }
  }
  const ready = load()

  // Other tabs read the sets again when one keeps or deletes a bank, as they do for ratings.
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('study-garden-banks') : null
  if (channel) channel.onmessage = () => void load()
  const changed = () => channel?.postMessage('changed')

  const cards = computed<readonly Card[]>(() => markRaw(importedCards(sets.value)))

  /** Keeps accepted questions as cards; a question already kept is not added twice. */
  async function add(fileName: string, questions: readonly ImportedQuestion[]): Promise<AddedQuestions> {
    await ready
    const outcome = addToSets(sets.value, fileName, questions, new Date())
    if (outcome.added) {
      await (await openRepository())?.put(outcome.set)
      sets.value = markRaw([...sets.value.filter((s) => s.id !== outcome.set.id), outcome.set].sort((a, b) => a.addedAt.localeCompare(b.addedAt)))
      changed()
    }
    return outcome
  }

  /** Deletes a set after a snapshot (like deleting a document): its progress stays, unused, as a deleted document's does. */
  async function remove(id: string): Promise<void> {
    const set = sets.value.find((s) => s.id === id)
    const { useProgressStore } = await import('./useProgressStore')
    await useProgressStore().snapshot(`删除导入的题库“${set?.fileName ?? id}”`)
    await (await openRepository())?.delete(id)
    sets.value = markRaw(sets.value.filter((s) => s.id !== id))
    changed()
  }

  return { sets, cards, storageError, ready, add, remove, /** Re-reads the sets after a restored backup wrote them. */ reload: load }
})
