/**
 * Writes a released card bank as the fingerprint table the migration reads
 * (src/lib/cards/identity.ts), from the bank that release printed:
 *
 *   npm run -s cards -- --json > bank.json          # in a checkout of the release
 *   npx tsx scripts/legacy-bank.ts "<release name>" < bank.json > src/lib/cards/legacy/<release>.json
 *
 * Run it for every release, so members upgrading from it keep every review.
 */
import { readFileSync } from 'node:fs'
import { encodeFingerprint, fingerprintOf, type LegacyBank } from '../src/lib/cards/identity'
import type { Card } from '../src/lib/cards/types'

const release = process.argv[2]
if (!release) {
  process.stderr.write('用法：npx tsx scripts/legacy-bank.ts <版本名> < bank.json\n')
  process.exit(2)
}
const cards = JSON.parse(readFileSync(0, 'utf8')) as Card[]
const table: LegacyBank = { release, cards: cards.map((c) => encodeFingerprint(fingerprintOf(c))) }
process.stdout.write(`{\n  "release": ${JSON.stringify(table.release)},\n  "cards": [\n${table.cards.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n  ]\n}\n`)
