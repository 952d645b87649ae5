/**
 * What a page asks for before the app shell has even run, decided by its path alone (src/boot.ts runs before
 * the router, or Vue, has loaded). `base` is the app's base path (Vite's BASE_URL).
 */

/**
 * The pages where a member's first act is to search (书库 and 检索): there the index loads at once, from
 * the app's very first script; elsewhere the page's own content comes first and the index when idle.
 */
export function searchComesFirst(path: string, base: string): boolean {
  const page = inApp(path, base)
  return page === '/' || page === '/search'
}

/**
 * The pages opened without the app header (the meeting projector, a member's phone in the live quiz): there
 * the header written into index.html (src/preShell.ts) is hidden before it is painted. The router marks the
 * same pages `meta.bare` (a unit test holds the two together: the boot script cannot import the router).
 */
export const PAGES_WITHOUT_HEADER: readonly string[] = ['/meeting/screen', '/join']

export function pageHasHeader(path: string, base: string): boolean {
  return !PAGES_WITHOUT_HEADER.includes(inApp(path, base))
}

/** The chunks and styles a page needs beyond the shell, by path prefix; written into index.html at build time. */
export type StartUpPreloads = Record<string, { js: string[]; css: string[] }>

/** The id of the data block in index.html that holds the table. */
export const PRELOADS_ELEMENT_ID = 'study-garden-preloads'

/** What a page at `path` needs beyond the shell (a text opened from a link: the reader and the texts). */
export function preloadsFor(path: string, table: StartUpPreloads, base: string): { js: string[]; css: string[] } {
  const page = inApp(path, base)
  const prefix = Object.keys(table).find((start) => page.startsWith(start))
  return prefix ? table[prefix]! : { js: [], css: [] }
}

function inApp(path: string, base: string): string {
  const inside = path.startsWith(base) ? `/${path.slice(base.length)}` : path
  return inside.length > 1 ? inside.replace(/\/+$/, '') : inside
}

/**
 * A result's address in the reader, for index.html's search box before the router has loaded
 * (src/preShellResults.ts): the address the app's result links lead to (SearchResultItem), a passage with
 * the query that found it, or a whole text. Followed as a plain link, so the page loads there.
 */
export function readerHref(base: string, docId: string, passage?: { anchor: string; query: string }): string {
  const text = `${base}read/${encodeURIComponent(docId)}`
  return passage ? `${text}?q=${encodeURIComponent(passage.query)}#${encodeURI(passage.anchor)}` : text
}
