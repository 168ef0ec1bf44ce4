import { quoteToJson } from '../../presenters/json.ts'
import { quoteText } from '../../presenters/text.ts'
import { engineFromEnvironment, parseCommandLine, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run quote -- [--json] "speaker or phrase"'

export function quoteCommand(argv: string[], io: CliIO): void {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean', default: false } }, USAGE)
  if (positionals.length === 0) throw new UsageError(`a speaker or phrase is required — usage: ${USAGE}`)
  const result = engineFromEnvironment().quote(positionals.join(' '))
  if (values.json) writeJson(io, quoteToJson(result))
  else io.stdout.write(`${quoteText(result)}\n`)
}

await runCli(quoteCommand)
