import { newestArticle } from '../../engine/articleInfo.ts'
import type { Engine } from '../../engine/engine.ts'
import { articlesText, askText, HELP_TEXT, quoteText, speakersText, summaryText } from '../../presenters/text.ts'
import { sourcesOf } from '../../presenters/sources.ts'

export interface ConsoleReply {
  output: string
  /** The person asked to leave. */
  exit?: boolean
}

const LENGTHS = new Set(['short', 'full'])

function unknownArticle(engine: Engine, slug: string): string {
  return `No article "${slug}". Articles: ${engine.articles().map((article) => article.slug).join(', ')}.`
}

/** `/summary [slug] [short|full]`, in either order; without a slug, the newest article. */
function summaryReply(engine: Engine, argument: string): string {
  const words = argument.trim().split(/\s+/).filter(Boolean)
  const lengths = words.filter((word) => LENGTHS.has(word.toLowerCase()))
  const slugs = words.filter((word) => !LENGTHS.has(word.toLowerCase()))
  if (lengths.length > 1 || slugs.length > 1) return 'Usage: /summary [slug] [short|full]'
  const slug = slugs[0]
  const article = slug === undefined ? newestArticle(engine.articles()) : engine.article(slug)
  if (!article) return unknownArticle(engine, slug ?? '')
  const length = (lengths[0]?.toLowerCase() ?? 'short') as 'short' | 'full'
  const text = summaryText(engine.summary({ length, article: article.slug }), article)
  const count = engine.articles().length
  return slug === undefined && count > 1 ? `${text}\n(The newest of ${count} articles; /summary <slug> picks another, /articles lists them.)` : text
}

/**
 * What the console answers to one typed line: the bot's commands in text form.
 * Pure, so the console's behaviour is tested without a terminal.
 */
export function consoleReply(engine: Engine, line: string): ConsoleReply {
  const input = line.trim()
  if (input === '') return { output: '' }
  const sources = sourcesOf(engine.articles())
  const command = /^\/(\S+)\s*(.*)$/s.exec(input)
  if (!command) return { output: askText(engine.ask(input), sources) }
  const [, name = '', argument = ''] = command
  switch (name.toLowerCase()) {
    case 'ask':
      return { output: askText(engine.ask(argument), sources) }
    case 'quote':
      return { output: quoteText(engine.quote(argument), sources) }
    case 'summary':
      return { output: summaryReply(engine, argument) }
    case 'articles':
      return { output: articlesText(engine.articles()) }
    case 'speakers': {
      const slug = argument.trim()
      if (slug === '') return { output: speakersText(engine.speakers()) }
      if (!engine.article(slug)) return { output: unknownArticle(engine, slug) }
      return { output: speakersText(engine.speakers({ articles: new Set([slug]) })) }
    }
    case 'help':
      return { output: HELP_TEXT }
    case 'exit':
    case 'quit':
      return { output: 'Bye.', exit: true }
    default:
      return { output: `Unknown command /${name}. ${HELP_TEXT}` }
  }
}
