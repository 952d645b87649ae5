import type { RouteRecordRaw } from 'vue-router'

/** Routes of the study feature (self-study with spaced repetition, practice quiz, mistakes, stats). */
export const studyRoutes: RouteRecordRaw[] = [
  { path: '/study', name: 'study', component: () => import('@/views/StudyView.vue'), meta: { title: '今日学习', nav: '学习', navOrder: 20 } },
  { path: '/study/review', name: 'study-review', component: () => import('@/views/ReviewView.vue'), meta: { title: '今日复习' } },
  { path: '/daily', name: 'daily', component: () => import('@/views/DailyView.vue'), meta: { title: '每日一练' } },
  { path: '/quiz', name: 'quiz', component: () => import('@/views/QuizView.vue'), meta: { title: '练习', nav: '练习', navOrder: 21 } },
  { path: '/mistakes', name: 'mistakes', component: () => import('@/views/MistakesView.vue'), meta: { title: '错题本', nav: '错题本', navOrder: 22 } },
  { path: '/stats', name: 'stats', component: () => import('@/views/StatsView.vue'), meta: { title: '学习统计', nav: '统计', navOrder: 23 } },
]
