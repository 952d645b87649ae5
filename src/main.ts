import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { PRE_SHELL_INPUT } from './composables/usePreShellInput'
import { router } from './router'
import { FIRST_ANSWER_WAIT_MS, holdFirstPageFor } from './router/firstPageGate'
import { useSearchStore } from './stores/useSearchStore'
import './styles/main.css'

// Mounted two tasks after this module runs, in steps: evaluating the app shell (Vue, the router, the stores),
// creating the search store (its first reads of this tab's storage) and rendering the header were one task
// of 0.35–0.5 s on a slowed phone; apart, each stays shorter. The header in index.html (src/preShell.ts)
// takes taps and keys meanwhile, and lists the answer to what was typed there: each step waits for that
// answer to be on screen first (router/firstPageGate.ts), at most FIRST_ANSWER_WAIT_MS in all, or the answer
// would wait behind the step.
// For index.html's page (src/preShell.ts): the app's scripts were fetched and run.
window.studyGardenAppStarted = true
const pinia = createPinia()
const preShell = window.studyGardenPreShell
const answerBy = performance.now() + FIRST_ANSWER_WAIT_MS
const preShellSettled = async () => preShell?.settled(Math.max(0, answerBy - performance.now()))
setTimeout(async () => {
  await preShellSettled()
  if (preShell?.header !== false) useSearchStore(pinia)
  setTimeout(async () => {
    // The app's header replaces index.html's: a word still being composed there is committed first (again:
    // the member may have begun one since), and what was typed moves into the app's box.
    await preShellSettled()
    const typed = preShell?.take()
    const app = createApp(App)
    app.use(pinia)
    app.use(router)
    if (typed) app.provide(PRE_SHELL_INPUT, typed)
    holdFirstPageFor(Boolean(typed?.value.trim()))
    app.mount('#app')
  })
})

// Study progress and the branch's documents live in IndexedDB; ask the browser not to evict them
// under storage pressure (granted silently for installed or often-used sites; harmless if refused).
void navigator.storage?.persist?.().catch(() => false)
