import { quoteToJson } from '../../presenters/json.ts'
import { quoteText } from '../../presenters/text.ts'
import { sourcesOf } from '../../presenters/sources.ts'
import { articleNamed, engineFromEnvironment, parseCommandLine, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run quote -- [--json] [--article slug] "speaker or phrase"'

export function quoteCommand(argv: string[], io: CliIO): void {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean', default: false }, article: { type: 'string' } }, USAGE)
  if (positionals.length === 0) throw new UsageError(`a speaker or phrase is required — usage: ${USAGE}`)
  const engine = engineFromEnvironment()
  const articles = values.article === undefined ? engine.articles() : [articleNamed(engine, values.article)]
  const result = engine.quote(positionals.join(' '), { articles: new Set(articles.map((article) => article.slug)) })
  if (values.json) writeJson(io, quoteToJson(result))
  else io.stdout.write(`${quoteText(result, sourcesOf(articles))}\n`)
}

await runCli(quoteCommand)
