import type { QuoteMatch, QuoteResult } from '../../engine/types.ts'
import { paragraphLabel, speakerLabel, speakerWithOutlets } from '../citation.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { pageButtons } from './pageButtons.ts'
import { blockQuote, escapeMarkdown, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'
import { escapeUserText } from './escape.ts'
import type { Sources } from '../sources.ts'

/** The reply's author line names the look-up; page buttons read the query back from it. */
const AUTHOR_PREFIX = 'Quotations: '

/** The query a /quote reply answers, from its embed's author line; null for any other message. */
export function queryOfQuoteMessage(authorName: string | null): string | null {
  return authorName?.startsWith(AUTHOR_PREFIX) ? authorName.slice(AUTHOR_PREFIX.length) : null
}

/** Quotations per page: four long ones still fit one embed comfortably. */
export const QUOTES_PER_PAGE = 4

/** "— Khawaja Asif, Pakistan’s Defence Minister (via Dawn) · ¶3" */
export function quoteByline({ attribution, passage }: QuoteMatch, sources?: Sources): string {
  // With several articles in scope, each quotation says which one it is from.
  const where = sources?.several ? `${sources.article(passage.articleSlug)?.title ?? passage.articleTitle} · ${paragraphLabel(passage)}` : paragraphLabel(passage)
  if (!attribution) return `— speaker not stated · ${where}`
  const { speaker, via } = attribution
  const who = speakerLabel(speaker)
  return `— ${who}${via ? ` (via ${via})` : ''} · ${where}`
}

/** Who is quoted, article by article when there are several. */
function speakersByArticle(result: QuoteResult, sources: Sources | undefined): string {
  if (!sources?.several) {
    const speakers = result.speakers.map((speaker) => `• ${escapeMarkdown(speakerWithOutlets(speaker))}`).join("\n")
    return `**Quoted in the article:**\n${speakers || '• nobody'}`
  }
  return sources.articles
    .map((article) => `**Quoted in ${escapeMarkdown(article.title)}:**\n${article.speakers.map((name) => `• ${escapeMarkdown(name)}`).join('\n') || '• nobody'}`)
    .join('\n\n')
}

export function pageCount(result: QuoteResult): number {
  return Math.max(1, Math.ceil(result.quotes.length / QUOTES_PER_PAGE))
}

/**
 * The reply to /quote: one page of verbatim quotations with their speakers, and
 * buttons to page when there are more. `pageButtonId` names a page's button.
 */
export function quoteMessage(result: QuoteResult, page: number, audience: Audience, pageButtonId: (page: number) => string, sources?: Sources): BotMessage {
  const pages = pageCount(result)
  const current = Math.min(Math.max(0, page), pages - 1)
  let description: string
  if (result.quotes.length === 0) {
    const asked = result.query.trim() === '' ? 'Give a speaker or words to look up.' : `No quotation matches “${escapeUserText(result.query)}”.`
    description = `${asked}\n\n${speakersByArticle(result, sources)}`
  } else {
    description = result.quotes
      .slice(current * QUOTES_PER_PAGE, (current + 1) * QUOTES_PER_PAGE)
      .map((match) => `${blockQuote(`“${escapeMarkdown(match.text)}”`)}\n${escapeMarkdown(quoteByline(match, sources))}`)
      .join('\n\n')
  }
  const components = pageButtons(current, pages, pageButtonId)
  const count = result.quotes.length
  const content = mentionPrefix(audience.mentionUserId)
  return fitMessage({
    ...(content ? { content } : {}),
    embeds: [
      {
        color: EMBED_COLOUR,
        author: { name: `${AUTHOR_PREFIX}${result.query}` },
        description,
        ...(count > 0 ? { footer: { text: `${count} quotation${count === 1 ? '' : 's'}${pages > 1 ? ` · page ${current + 1} of ${pages}` : ''}` } } : {}),
      },
    ],
    components,
    mentionUsers: audience.mentionUserId ? [audience.mentionUserId] : [],
    ephemeral: audience.ephemeral,
  })
}
