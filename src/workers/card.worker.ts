import { cardRunner, type CardRequest } from './cardJobs'

const run = cardRunner({
  manual: () => import('virtual:manual-cards').then((module) => module.default),
  bundled: () => import('virtual:study-corpus').then((module) => module.default),
})
self.addEventListener('message', (event: MessageEvent<{ id: number; request: CardRequest }>) => {
  const { id, request } = event.data
  void run(request).then((answer) => self.postMessage({ id, answer }))
})
