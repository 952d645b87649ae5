/**
 * npm run cluster -- [--nodes N] [--port BASE] [--data DIR]
 *
 * A local trial of the county-wide contest on this machine: a private redis-server (AOF on, its
 * files under --data) and N meeting-server nodes on 127.0.0.1:BASE, BASE+1, … Per-node ports, no
 * proxy: every node serves every room, so a phone may use any of them, and stopping one shows the
 * takeover directly; a proxy would be one more process to run and to fail on one laptop, and a real
 * deployment puts its own load balancer in front (README). Ctrl+C stops everything.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from './cliArgs'
import { startNode, startRedis, type NodeProcess } from '../server/cluster/harness'
import { SEATS_PER_ADDRESS } from '../src/lib/live/room'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = parseArgs(process.argv.slice(2), { flags: [], options: ['nodes', 'port', 'data'] })
const count = Number(args.options.nodes ?? 3)
const base = Number(args.options.port ?? 8787)
if (!Number.isInteger(count) || count < 1 || count > 8) {
  process.stderr.write('错误：--nodes 应为 1–8 的整数。\n')
  process.exit(2)
}
if (!Number.isInteger(base) || base < 1024 || base + count > 65535) {
  process.stderr.write('错误：--port 应为 1024–65535 之间的整数。\n')
  process.exit(2)
}
const dataDir = resolve(args.options.data ?? join(ROOT, 'meeting-data', 'redis'))
mkdirSync(dataDir, { recursive: true })

const redis = await startRedis({ dir: dataDir })
const nodes: NodeProcess[] = []
try {
  for (let i = 0; i < count; i++) nodes.push(await startNode(redis.url, `node${i + 1}`, { port: base + i, env: { MEETING_SERVER_NO_BUILD: process.env.MEETING_SERVER_NO_BUILD ?? '0', LIVE_SEATS_PER_ADDRESS: process.env.LIVE_SEATS_PER_ADDRESS ?? String(SEATS_PER_ADDRESS) }, timeoutMs: 300_000 }))
} catch (error) {
  await Promise.all(nodes.map((n) => n.stop()))
  await redis.stop()
  process.stderr.write(`错误：节点未能启动：${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
process.stdout.write(
  [
    `Redis：${redis.url}（数据文件夹 ${dataDir}，AOF 每秒落盘）`,
    ...nodes.map((n) => `节点 ${n.nodeId}：http://127.0.0.1:${n.port}`),
    `组织者页面：http://127.0.0.1:${nodes[0]!.port}/organiser（开设会场、查看各会场、导出成绩表）`,
    '每个节点都可服务任一会场；停止某个节点后，它主持的会场约 3 秒内由其他节点接管。按 Ctrl+C 全部停止。',
  ].join('\n') + '\n',
)
let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await Promise.all(nodes.map((n) => n.stop('SIGTERM')))
  await redis.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
