import type { RouteRecordRaw } from 'vue-router'

/** Routes of the study feature (self-study with spaced repetition, practice quiz, mistakes, stats). */
export const studyRoutes: RouteRecordRaw[] = []
