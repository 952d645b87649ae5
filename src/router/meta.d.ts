import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Document title. */
    title?: string
    /** Label in the main navigation; routes without it are not listed. */
    nav?: string
    navOrder?: number
    /** A full-screen view (the meeting projector screen): no app header. */
    bare?: boolean
  }
}
