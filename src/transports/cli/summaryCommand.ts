import { z } from 'zod'
import { summaryToJson } from '../../presenters/json.ts'
import { summaryText } from '../../presenters/text.ts'
import { newestArticle } from '../../engine/articleInfo.ts'
import { articleNamed, engineFromEnvironment, parseCommandLine, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run summary -- [--json] [--length short|full] [--article slug]'
const lengthSchema = z.enum(['short', 'full'])

export function summaryCommand(argv: string[], io: CliIO): void {
  const { values, positionals } = parseCommandLine(
    argv,
    { json: { type: 'boolean', default: false }, length: { type: 'string', default: 'short' }, article: { type: 'string' } },
    USAGE,
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" — usage: ${USAGE}`)
  const length = lengthSchema.safeParse(values.length)
  if (!length.success) throw new UsageError(`--length must be short or full, not "${values.length}" — usage: ${USAGE}`)
  const engine = engineFromEnvironment()
  // Without --article: the only article, or the newest (published, else the file added last).
  const article = values.article === undefined ? newestArticle(engine.articles()) : articleNamed(engine, values.article)
  if (!article) throw new UsageError('the corpus has no articles')
  const result = engine.summary({ length: length.data, article: article.slug })
  if (values.json) writeJson(io, summaryToJson(result))
  else io.stdout.write(`${summaryText(result, article)}\n`)
}

await runCli(summaryCommand)
