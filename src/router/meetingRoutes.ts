import type { RouteRecordRaw } from 'vue-router'

/** Routes of meeting mode (知识竞赛): setup, host, screen, results, paper quiz. */
export const meetingRoutes: RouteRecordRaw[] = []
