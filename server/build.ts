import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { UserFacingError } from './journal'

const INPUTS = ['src', 'content', 'public', 'index.html', 'join.html', 'vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** Whether dist/ is missing or older than any source of the app. */
export function isStale(root: string): boolean {
  const built = join(root, 'dist', 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return INPUTS.some((input) => newestMtime(join(root, input)) > builtAt)
}

/** Builds the app (quietly: the first lines the host sees are the addresses). */
export function buildApp(root: string): void {
  process.stderr.write('正在构建应用（首次运行或源文件有更新），约需一分钟……\n')
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    throw new UserFacingError('构建应用失败（见上方输出）。')
  }
}
