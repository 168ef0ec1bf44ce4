import { askToJson } from '../../presenters/json.ts'
import { askText } from '../../presenters/text.ts'
import { sourcesOf } from '../../presenters/sources.ts'
import { articleNamed, engineFromEnvironment, parseCommandLine, readLines, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run ask -- [--json] [--article slug] "question"   (with --json and no question: one question per line on stdin)'

export async function askCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean', default: false }, article: { type: 'string' } }, USAGE)
  const question = positionals.join(' ')
  if (positionals.length === 0 && !values.json) throw new UsageError(`a question is required — usage: ${USAGE}`)
  const engine = engineFromEnvironment()
  const articles = values.article === undefined ? engine.articles() : [articleNamed(engine, values.article)]
  const scope = { articles: new Set(articles.map((article) => article.slug)) }
  if (positionals.length === 0) {
    for await (const line of readLines(io.stdin)) writeJson(io, askToJson(engine.ask(line, scope)))
    return
  }
  const result = engine.ask(question, scope)
  if (values.json) writeJson(io, askToJson(result))
  else io.stdout.write(`${askText(result, sourcesOf(articles))}\n`)
}

await runCli(askCommand)
