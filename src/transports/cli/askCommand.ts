import { askToJson } from '../../presenters/json.ts'
import { askText } from '../../presenters/text.ts'
import { engineFromEnvironment, parseCommandLine, readLines, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run ask -- [--json] "question"   (with --json and no question: one question per line on stdin)'

export async function askCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean', default: false } }, USAGE)
  const question = positionals.join(' ')
  if (positionals.length === 0 && !values.json) throw new UsageError(`a question is required — usage: ${USAGE}`)
  const engine = engineFromEnvironment()
  if (positionals.length === 0) {
    for await (const line of readLines(io.stdin)) writeJson(io, askToJson(engine.ask(line)))
    return
  }
  const result = engine.ask(question)
  if (values.json) writeJson(io, askToJson(result))
  else io.stdout.write(`${askText(result)}\n`)
}

await runCli(askCommand)
