import type { StudyDocument } from '@/lib/content/types'
import { cardRunner } from './cardJobs'

const run = cardRunner(() => import('virtual:manual-cards').then((module) => module.default))
self.addEventListener('message', (event: MessageEvent<{ id: number; documents: StudyDocument[] }>) => {
  const { id, documents } = event.data
  void run(documents).then((answer) => self.postMessage({ id, answer }))
})
