import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
}

/**
 * The path of a request target, decoded, or null when it is not a well-formed address (`/%`,
 * `/assets/%zz`, `http://[::1/`, a NUL byte). Anyone on the room's Wi-Fi can type such an address,
 * so it is an answer (400), never an exception.
 */
export function requestPath(url: string | undefined): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname)
  } catch {
    return null
  }
  return pathname.includes('\u0000') ? null : pathname
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' })
  res.end(text)
}

/** Serves dist/: hashed assets cached for a year, everything else revalidated, unknown paths get the app (SPA fallback). */
export function createStaticHandler(root: string) {
  const index = join(root, 'index.html')
  // The phone's page: the address the projector shows (/join) and the server's bare address.
  const phonePage = join(root, 'join.html')
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    const pathname = requestPath(req.url)
    if (pathname === null) return plain(res, 400, '地址格式不对。请核对投影上的地址后重新输入。\n')
    const candidate = normalize(join(root, pathname))
    const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
    let file = index
    const forPhones = pathname === '/' || pathname === '/join' || pathname === '/join/'
    try {
      if (forPhones && existsSync(phonePage)) file = phonePage
      else if (inside && existsSync(candidate) && statSync(candidate).isFile()) file = candidate
    } catch {
      // A name the file system refuses (too long, not a folder) is just not one of ours.
    }
    if (file === index && !existsSync(index)) return plain(res, 503, '应用尚未构建：请在主持电脑上重新运行 npm run meeting-server。\n')
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cache-Control', pathname.startsWith('/assets/') && file !== index ? 'public, max-age=31536000, immutable' : 'no-cache')
    if (req.method === 'HEAD') {
      res.writeHead(200).end()
      return
    }
    const stream = createReadStream(file)
    // A file removed or replaced mid-request (a rebuild) costs this response, not the server.
    stream.on('error', () => (res.headersSent ? res.destroy() : plain(res, 500, '读取文件失败，请刷新页面。\n')))
    stream.pipe(res)
  }
}
