import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import './styles/main.css'

// Mounted a task after this module runs: evaluating the app shell (Vue, the router, the stores) and
// rendering its header were one task of 0.35–0.5 s on a slowed phone; apart, each stays shorter.
setTimeout(() => {
  const app = createApp(App)
  app.use(createPinia())
  app.use(router)
  app.mount('#app')
})

// Study progress and the branch's documents live in IndexedDB; ask the browser not to evict them
// under storage pressure (granted silently for installed or often-used sites; harmless if refused).
void navigator.storage?.persist?.().catch(() => false)
