import type { RouteRecordRaw } from 'vue-router'

/** Routes of meeting mode (知识竞赛): setup, host, screen, results, paper quiz. */
export const meetingRoutes: RouteRecordRaw[] = [
  { path: '/meeting', name: 'meeting', component: () => import('@/views/meeting/MeetingSetupView.vue'), meta: { title: '知识竞赛', nav: '竞赛', navOrder: 50 } },
  { path: '/meeting/host', name: 'meeting-host', component: () => import('@/views/meeting/MeetingHostView.vue'), meta: { title: '竞赛主持' } },
  // The projector view: no app header (App.vue hides it for `bare` routes; the view also covers it).
  { path: '/meeting/screen', name: 'meeting-screen', component: () => import('@/views/meeting/MeetingScreenView.vue'), meta: { title: '竞赛投影', bare: true } },
  { path: '/meeting/results', name: 'meeting-results', component: () => import('@/views/meeting/MeetingResultsView.vue'), meta: { title: '竞赛成绩' } },
  // A member's phone in the live quiz (served by `npm run meeting-server`): no app chrome.
  { path: '/join', name: 'meeting-join', component: () => import('@/views/meeting/MeetingJoinView.vue'), meta: { title: '加入竞赛', bare: true } },
  { path: '/meeting/paper', name: 'meeting-paper', component: () => import('@/views/meeting/MeetingPaperView.vue'), meta: { title: '纸质试卷' } },
]
