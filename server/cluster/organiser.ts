import { randomBytes, randomInt } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contestSheetCsv, roomOverview } from '../../src/lib/live/contest'
import { replay, type LiveEvent, type LiveRoom } from '../../src/lib/live/room'
import { keys, readLog, type Redis } from './keys'
import type { createNode } from './node'

/*
 * The organiser's endpoint, on every node: /organiser (the page), /organiser/rooms (GET: every room;
 * POST: a new room), /organiser/results.csv (one sheet). Every room is rebuilt from its stream, so
 * the organiser sees what the owners decided, whichever node answers.
 */

type Node = ReturnType<typeof createNode>

async function allRooms(redis: Redis): Promise<{ room: LiveRoom; name: string; ended: boolean; hostSecret: string }[]> {
  const running = (await redis.sMembers(keys.rooms)) as string[]
  const ended = (await redis.sMembers(keys.ended)) as string[]
  const names = (await redis.hGetAll(keys.names)) as Record<string, string>
  const out = []
  for (const code of [...running, ...ended].sort()) {
    const room = replay((await readLog(redis, code)).map((line) => JSON.parse(line) as LiveEvent))
    if (room) out.push({ room, name: names[code] ?? '', ended: ended.includes(code), hostSecret: room.hostSecret })
  }
  return out
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage, limit = 4096): Promise<string> {
  return new Promise((done, fail) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
      if (body.length > limit) fail(new Error('too large'))
    })
    req.on('end', () => done(body))
    req.on('error', fail)
  })
}

export function createOrganiser(redis: Redis, node: Node, base: () => string) {
  return async function organiser(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/organiser' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" })
      res.end(ORGANISER_PAGE)
      return
    }
    if (path === '/organiser/rooms' && req.method === 'GET') {
      const rooms = await allRooms(redis)
      json(res, 200, {
        rooms: rooms.map(({ room, name, ended, hostSecret }) => ({
          ...roomOverview(room, name),
          ended,
          joinUrl: `${base()}/join?room=${room.code}`,
          hostUrl: `${base()}/meeting#host=${hostSecret}`,
        })),
      })
      return
    }
    if (path === '/organiser/rooms' && req.method === 'POST') {
      let name = ''
      try {
        name = String((JSON.parse((await readBody(req)) || '{}') as { name?: unknown }).name ?? '').trim()
      } catch {
        return json(res, 400, { error: '请求格式不正确。' })
      }
      if (!name || name.length > 40) return json(res, 400, { error: '请填写会场名称（不超过 40 个字）。' })
      // Six digits: a county has many rooms at once, and a code is typed on a phone.
      for (let tries = 0; tries < 20; tries++) {
        const open: Extract<LiveEvent, { e: 'open' }> = { e: 'open', at: Date.now(), code: String(randomInt(100000, 1000000)), hostSecret: randomBytes(18).toString('base64url') }
        if (await node.createRoom(open, name)) return json(res, 201, { code: open.code, joinUrl: `${base()}/join?room=${open.code}`, hostUrl: `${base()}/meeting#host=${open.hostSecret}` })
      }
      return json(res, 503, { error: '暂时无法开设会场，请稍后重试。' })
    }
    if (path === '/organiser/results.csv' && req.method === 'GET') {
      const csv = contestSheetCsv(await allRooms(redis))
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('竞赛成绩.csv')}`, 'Cache-Control': 'no-store' })
      res.end(csv)
      return
    }
    json(res, 404, { error: '没有这个地址。' })
  }
}

/** Plain page, no framework: the organiser's machine opens it from a node; text goes in with textContent only. */
const ORGANISER_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>竞赛组织者 · 学习园地</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#222}
h1{color:#b71c1c;font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-top:1rem}
th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;font-size:.95rem}th{background:#fbe9e7}
form{display:flex;gap:.5rem;flex-wrap:wrap}input{padding:.4rem;font-size:1rem;min-width:16rem}
button,a.button{padding:.4rem .9rem;font-size:1rem;background:#b71c1c;color:#fff;border:0;border-radius:4px;text-decoration:none;cursor:pointer}
#message{color:#b71c1c;min-height:1.2rem}
</style></head><body>
<h1>党章党规知识竞赛 · 组织者页面</h1>
<form id="create"><input id="name" maxlength="40" placeholder="会场名称，如：城关镇第一党支部" required><button>开设会场</button>
<a class="button" href="/organiser/results.csv">导出成绩表（CSV）</a></form>
<p id="message"></p>
<table><thead><tr><th>会场号</th><th>会场名称</th><th>进度</th><th>参赛人数</th><th>作答次数</th><th>前三名</th><th>手机加入</th><th>主持页面</th></tr></thead><tbody id="rooms"></tbody></table>
<script>
const rows = document.getElementById('rooms'), message = document.getElementById('message')
function cell(tr, text, href) {
  const td = document.createElement('td')
  if (href) { const a = document.createElement('a'); a.href = href; a.textContent = text; a.target = '_blank'; td.append(a) } else td.textContent = text
  tr.append(td)
}
async function refresh() {
  try {
    const r = await fetch('/organiser/rooms'); const data = await r.json()
    rows.replaceChildren(...data.rooms.map((room) => {
      const tr = document.createElement('tr')
      cell(tr, room.code); cell(tr, room.name); cell(tr, room.ended ? '已结束' : room.state)
      cell(tr, String(room.players)); cell(tr, String(room.answers))
      cell(tr, room.leaders.map((l) => l.name + ' ' + l.score + '分').join('、') || '—')
      cell(tr, '加入链接', room.joinUrl); cell(tr, room.ended ? '—' : '打开', room.ended ? '' : room.hostUrl)
      return tr
    }))
    if (!data.rooms.length) { const tr = document.createElement('tr'); cell(tr, '还没有会场：请在上方开设。'); rows.append(tr) }
  } catch { message.textContent = '无法读取会场列表，请检查服务器是否在运行。' }
}
document.getElementById('create').addEventListener('submit', async (event) => {
  event.preventDefault()
  const name = document.getElementById('name').value.trim()
  const r = await fetch('/organiser/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) })
  const data = await r.json().catch(() => ({}))
  message.textContent = r.ok ? '已开设会场 ' + data.code + '。' : (data.error || '开设失败，请重试。')
  if (r.ok) document.getElementById('name').value = ''
  refresh()
})
refresh(); setInterval(refresh, 3000)
</script></body></html>
`
