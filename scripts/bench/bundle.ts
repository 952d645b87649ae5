import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Manifest } from 'vite'
import { ROOT } from '../build/contentFiles'

export interface BundlePart {
  name: string
  files: number
  raw: number
  gzip: number
}

/** Builds the app into a temporary folder and splits JS+CSS into the app shell (what index.html loads) and lazy chunks. */
export async function measureBundle(): Promise<BundlePart[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'study-garden-bench-'))
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true'
  try {
    await build({ root: ROOT, logLevel: 'silent', build: { outDir, manifest: true, emptyOutDir: true } })
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest
    const shell = new Set<string>()
    const visit = (key: string) => {
      const chunk = manifest[key]
      if (!chunk || shell.has(chunk.file)) return
      shell.add(chunk.file)
      for (const css of chunk.css ?? []) shell.add(css)
      for (const imported of chunk.imports ?? []) visit(imported)
    }
    visit('index.html')
    const all = new Set<string>()
    for (const chunk of Object.values(manifest)) {
      all.add(chunk.file)
      for (const css of chunk.css ?? []) all.add(css)
    }
    const measure = (name: string, files: string[]): BundlePart => {
      const assets = files.filter((f) => /\.(js|css)$/.test(f))
      const contents = assets.map((f) => readFileSync(join(outDir, f)))
      return { name, files: assets.length, raw: contents.reduce((n, c) => n + c.length, 0), gzip: contents.reduce((n, c) => n + gzipSync(c).length, 0) }
    }
    const lazy = [...all].filter((f) => !shell.has(f))
    const parts = [measure('app shell (index.html loads)', [...shell]), measure('lazy chunks (all)', lazy)]
    for (const name of ['search-vocabulary', 'study-corpus']) {
      const files = lazy.filter((f) => f.includes(name))
      if (files.length) parts.push(measure(`  of which ${name}`, files))
    }
    return parts
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
