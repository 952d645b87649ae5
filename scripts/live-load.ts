/**
 * npm run -s live-load -- --json [--players N] [--buzzers M]
 * Starts the meeting server on 127.0.0.1 (free port), 300 phones join and answer within one
 * second, 50 buzzers press within 5 ms; stops everything and prints one JSON object.
 *
 * npm run -s live-load -- --json --nodes 3 --rooms 10 --players 3000 [--kill-node]
 * The contest on Redis: a private redis-server and N nodes, the phones spread over rooms and
 * nodes; with --kill-node one node dies (SIGKILL) in the middle of the answering second.
 */
import { parseArgs } from './cliArgs'
import { runLiveLoad } from './bench/live'
import { runLiveClusterLoad } from './bench/liveCluster'

const args = parseArgs(process.argv.slice(2), { flags: ['json', 'kill-node'], options: ['players', 'buzzers', 'nodes', 'rooms'] })
const count = (name: string, fallback: number, max: number) => {
  const value = Number(args.options[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    process.stderr.write(`--${name} must be an integer from 1 to ${max}\n`)
    process.exit(2)
  }
  return value
}
const cluster = args.options.nodes !== undefined || args.options.rooms !== undefined || args.flags['kill-node'] === true
const players = count('players', 300, cluster ? 5000 : 500)
const buzzers = Math.min(count('buzzers', 50, 500), players)
const result = cluster
  ? await runLiveClusterLoad({ nodes: count('nodes', 3, 8), rooms: count('rooms', 10, 100), players, buzzers, kill: args.flags['kill-node'] === true })
  : await runLiveLoad(players, buzzers)
process.stdout.write(args.flags.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`)
process.exit(0)
