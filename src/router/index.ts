import { createRouter, createWebHistory, START_LOCATION } from 'vue-router'
import { useLibraryStore } from '@/stores/useLibraryStore'
import HomeView from '@/views/HomeView.vue'
import { firstPageMayRender } from './firstPageGate'
import { meetingRoutes } from './meetingRoutes'
import { whenReaderReady } from './readerReady'
import { studyRoutes } from './studyRoutes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: HomeView, meta: { title: '书库', nav: '书库', navOrder: 0 } },
    { path: '/search', name: 'search', component: () => import('@/views/SearchView.vue'), meta: { title: '检索', nav: '检索', navOrder: 10 } },
    {
      path: '/read/:docId',
      name: 'read',
      component: () => import('@/views/ReaderView.vue'),
      // The texts are fetched alongside the reader's own code, not after it: a deep link waits for both.
      beforeEnter: (to) => void (String(to.params.docId).startsWith('local-') || useLibraryStore().loadBundled().catch(() => undefined)),
      meta: { title: '阅读' },
    },
    ...studyRoutes,
    ...meetingRoutes,
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: '页面不存在' } },
  ],
  scrollBehavior(to, from, saved) {
    // The reader scrolls to its own anchors once the text has loaded; back/forward restores the place after that.
    if (to.name === 'read') return saved ? whenReaderReady(to.path).then(() => saved) : false
    if (saved) return saved
    // A fresh page is already at the top: scrolling there would force a layout inside the first render,
    // the longest task of a start-up on a slow phone.
    if (from === START_LOCATION) return false
    return { top: 0 }
  },
})

// The first page renders a task after the app shell: the header and its search box are on screen, taking
// keys, before the page's own render (on a slowed phone the two together held the main thread for 0.7 s);
// after the box's first answer if something was typed before the app ran (firstPageGate.ts).
// Waited for once the page's code is in, so its chunks and texts are already on their way.
let firstNavigation = true
router.beforeResolve(async () => {
  if (!firstNavigation) return
  firstNavigation = false
  await Promise.all([new Promise((resolve) => setTimeout(resolve)), firstPageMayRender()])
})

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} · 学习园地` : '学习园地'
})

// After an update, a page still running the old version may ask for a chunk the server no longer
// has; loading the target page afresh picks up the new version instead of showing an error.
router.onError((error: unknown, to) => {
  const message = error instanceof Error ? error.message : String(error)
  if (/dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message)) window.location.assign(to.fullPath)
})
