/**
 * The pages where a member's first act is to search (书库 and 检索): there the index loads at once, from
 * the app's very first module; elsewhere the page's own content comes first and the index when idle.
 * By path, not by route name, because it is asked before the router (or Vue) has loaded.
 */
export function searchComesFirst(path: string, base: string = import.meta.env.BASE_URL): boolean {
  const inApp = path.startsWith(base) ? `/${path.slice(base.length)}` : path
  const page = inApp.replace(/\/+$/, '') || '/'
  return page === '/' || page === '/search'
}
