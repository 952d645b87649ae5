export interface ParsedArgs {
  flags: Record<string, boolean>
  options: Record<string, string | undefined>
  positional: string[]
}

/** A small argv parser: `--flag`, `--option value` / `--option=value`, and positionals; unknown options are errors. */
export function parseArgs(argv: readonly string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const result: ParsedArgs = { flags: {}, options: {}, positional: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      result.positional.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--')) {
      result.positional.push(arg)
      continue
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (spec.flags.includes(name)) result.flags[name] = true
    else if (spec.options.includes(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw usage(`--${name} needs a value`)
      result.options[name] = value
    } else throw usage(`unknown option --${name}`)
  }
  return result
}

function usage(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
