import type { OutputBundle, OutputChunk } from 'rolldown'
import type { HtmlTagDescriptor, Plugin } from 'vite'
import { PRELOADS_ELEMENT_ID, type StartUpPreloads } from '../../src/lib/common/startUp'

/**
 * src/boot.ts is the app's first script, an entry of its own: a few hundred bytes that run as soon as they
 * arrive, while the app shell (about 70 KB) is still downloading, and start the work a page waits for first
 * (the search worker, which then fetches the index alongside the shell). Vite folds every module script
 * of an HTML page into one entry, so the boot script is added to index.html here, ahead of the shell's.
 */
export const BOOT_ENTRY = 'src/boot.ts'

/**
 * `pages`: by path prefix, the modules a page opened there needs beyond the shell (ends of module ids). Their
 * chunks, with everything those import and their styles, are listed in index.html for the boot script
 * to ask for at once (src/lib/common/startUp.ts).
 */
export function bootEntry({ pages = {} }: { pages?: Record<string, string[]> } = {}): Plugin {
  let base = '/'
  return {
    name: 'boot-entry',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(page, { path, bundle, chunk }) {
        if (path !== '/index.html') return
        // In the build, the emitted entry chunk; on the dev server, the source module.
        const built = bundle && Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith(BOOT_ENTRY))
        if (bundle && !built) throw new Error(`${BOOT_ENTRY} is not an entry of the build (build.rolldownOptions.input)`)
        const src = built ? `${base}${built.fileName}` : `${base}${BOOT_ENTRY}`
        const first = [`<script type="module" async crossorigin src="${src}"></script>`]
        const tags: HtmlTagDescriptor[] = []
        let html = page
        if (bundle && chunk) {
          const table = preloadTable(bundle as OutputBundle, chunk as OutputChunk, pages, base)
          tags.push({ tag: 'script', attrs: { type: 'application/json', id: PRELOADS_ELEMENT_ID }, children: JSON.stringify(table), injectTo: 'head' })
          // The stylesheets are asked for next, ahead of the shell's four scripts: on HTTP/1.1 (six connections
          // to a host) the page's seventh request waits for a free one, and the first paint waits for the CSS,
          // not for the shell.
          const taken = takeStylesheets(html, [...((chunk as OutputChunk).viteMetadata?.importedCss ?? [])].map((file) => `${base}${file}`))
          html = taken.html
          first.push(...taken.sheets.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`))
        }
        return { html: afterPolicy(html, first), tags }
      },
    },
  }
}

/** The page's first requests go right after its Content-Security-Policy, which covers only what follows it. */
function afterPolicy(html: string, markup: string[]): string {
  const policy = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(html)
  if (!policy) throw new Error('boot-entry: index.html has no Content-Security-Policy <meta>')
  const at = policy.index + policy[0].length
  return `${html.slice(0, at)}${markup.map((tag) => `\n    ${tag}`).join('')}${html.slice(at)}`
}

/** Takes the app shell's stylesheet links out of the built page, in the page's order (the cascade's). */
function takeStylesheets(html: string, hrefs: string[]): { html: string; sheets: string[] } {
  const found = hrefs.map((href) => {
    const link = new RegExp(`[ \\t]*<link rel="stylesheet"[^>]*? href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\n?`).exec(html)
    if (!link) throw new Error(`boot-entry: no <link rel="stylesheet"> for ${href} in index.html`)
    return { href, link }
  })
  found.sort((a, b) => a.link.index - b.link.index)
  for (const { link } of found) html = html.replace(link[0], '')
  return { html, sheets: found.map(({ href }) => href) }
}

function preloadTable(bundle: OutputBundle, shell: OutputChunk, pages: Record<string, string[]>, base: string): StartUpPreloads {
  const chunks = new Map<string, OutputChunk>()
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item)
  const closure = (start: OutputChunk, files: Set<string>, styles: Set<string>) => {
    const visit = (current: OutputChunk) => {
      if (files.has(current.fileName)) return
      files.add(current.fileName)
      for (const css of current.viteMetadata?.importedCss ?? []) styles.add(css)
      for (const name of current.imports) {
        const imported = chunks.get(name)
        if (imported) visit(imported)
      }
    }
    visit(start)
  }
  // What the shell loads anyway is left out.
  const inShell = new Set<string>()
  const shellStyles = new Set<string>()
  closure(shell, inShell, shellStyles)
  const table: StartUpPreloads = {}
  for (const [prefix, modules] of Object.entries(pages)) {
    const files = new Set<string>(inShell)
    const styles = new Set<string>(shellStyles)
    for (const module of modules) {
      const found = [...chunks.values()].find((item) => item.facadeModuleId?.endsWith(module))
      if (!found) throw new Error(`boot-entry: no chunk for ${module} (pages['${prefix}'])`)
      closure(found, files, styles)
    }
    table[prefix] = {
      js: [...files].filter((file) => !inShell.has(file)).map((file) => `${base}${file}`),
      css: [...styles].filter((file) => !shellStyles.has(file)).map((file) => `${base}${file}`),
    }
  }
  return table
}
