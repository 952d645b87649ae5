/**
 * npm run -s live-load -- --json [--players N] [--buzzers M]
 * Starts the meeting server on 127.0.0.1 (free port), 300 phones join and answer within one
 * second, 50 buzzers press within 5 ms; stops everything and prints one JSON object.
 */
import { parseArgs } from './cliArgs'
import { runLiveLoad } from './bench/live'

const args = parseArgs(process.argv.slice(2), { flags: ['json'], options: ['players', 'buzzers'] })
const count = (name: string, fallback: number, max: number) => {
  const value = Number(args.options[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    process.stderr.write(`--${name} must be an integer from 1 to ${max}\n`)
    process.exit(2)
  }
  return value
}
const players = count('players', 300, 500)
const buzzers = Math.min(count('buzzers', 50, 500), players)
const result = await runLiveLoad(players, buzzers)
process.stdout.write(args.flags.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`)
process.exit(0)
