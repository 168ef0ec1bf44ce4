import { MORE_PAGE_SIZE, type MoreResult, type PassageContext, type WholeQuotation } from '../../engine/followUps.ts'
import type { Passage } from '../../passages/types.ts'
import { paragraphLabel, passageSpeakers } from '../citation.ts'
import { sourceLine, type Sources } from '../sources.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { blockQuote, escapeMarkdown } from './formatting.ts'
import { DISCORD_LIMITS, EMBED_COLOUR } from './limits.ts'
import { pageButtons } from './pageButtons.ts'
import { quoteByline } from './quoteMessage.ts'

/**
 * The replies to an answer's follow-up buttons. Each is ephemeral: one
 * person's exploring must not rewrite the answer everyone in the channel sees.
 */

/** An /ask answer's author line: "Q: <question>". */
export const ANSWER_AUTHOR = 'Q: '
/** A More reply's author line: its page buttons read the question back from it. */
export const MORE_AUTHOR = 'More on: '

/** Whether a question can be read back whole from either author line (Discord cuts an author at 256). */
export function questionFitsAuthor(question: string): boolean {
  return Math.max(ANSWER_AUTHOR.length, MORE_AUTHOR.length) + question.length <= DISCORD_LIMITS.author
}

/** The question a message answers, from its embed's author line, and which kind of message it is; null for any other. */
export function questionOfFollowUp(authorName: string | null): { question: string; on: 'answer' | 'more' } | null {
  if (authorName?.startsWith(ANSWER_AUTHOR)) return { question: authorName.slice(ANSWER_AUTHOR.length), on: 'answer' }
  if (authorName?.startsWith(MORE_AUTHOR)) return { question: authorName.slice(MORE_AUTHOR.length), on: 'more' }
  return null
}

/** One passage as the follow-ups show it: where it is, the text verbatim, who speaks. */
function passageBlock(passage: Passage, sources: Sources | undefined, heading = escapeMarkdown(sourceLine(passage, sources))): string {
  const speakers = passageSpeakers(passage)
  return [`**${heading}**`, blockQuote(escapeMarkdown(passage.text)), ...(speakers ? [`— ${escapeMarkdown(speakers)}`] : [])].join('\n')
}

/** A page of further passages for a question, with Previous/Next while there are more pages. */
export function moreMessage(result: MoreResult, page: number, sources: Sources | undefined, pageId: (page: number) => string): BotMessage {
  const pages = Math.max(1, Math.ceil(result.total / MORE_PAGE_SIZE))
  const first = result.offset + 1
  const last = result.offset + result.passages.length
  return fitMessage({
    embeds: [
      {
        color: EMBED_COLOUR,
        author: { name: `${MORE_AUTHOR}${result.question}` },
        description: result.passages.map((ranked) => passageBlock(ranked.passage, sources)).join('\n\n'),
        footer: { text: `Further passages ${first}–${last} of ${result.total} that bear on the question · quoted verbatim` },
      },
    ],
    components: pageButtons(page, pages, pageId),
    mentionUsers: [],
    ephemeral: true,
  })
}

/** The passage an answer quoted, between the ones before and after it. */
export function contextMessage(context: PassageContext, sources: Sources | undefined): BotMessage {
  const { before, passage, after } = context
  const article = sources?.article(passage.articleSlug)
  const blocks = [
    ...(before ? [passageBlock(before, sources, `Before · ${escapeMarkdown(paragraphLabel(before))}`)] : []),
    passageBlock(passage, sources, `Quoted in the answer · ${escapeMarkdown(paragraphLabel(passage))}`),
    ...(after ? [passageBlock(after, sources, `After · ${escapeMarkdown(paragraphLabel(after))}`)] : []),
  ]
  const edges = [!before ? 'it opens the article' : '', !after ? 'it ends the article' : ''].filter(Boolean).join('; ')
  return fitMessage({
    embeds: [
      {
        color: EMBED_COLOUR,
        title: `Context: ${article?.title ?? passage.articleTitle}`,
        ...(article?.url ? { url: article.url } : {}),
        description: blocks.join('\n\n'),
        footer: { text: `${sourceLine(passage, sources)} · quoted verbatim${edges ? ` · ${edges}` : ''}` },
      },
    ],
    components: [],
    mentionUsers: [],
    ephemeral: true,
  })
}

/** A quotation whole, as the article gives it, with its speaker. */
export function wholeQuoteMessage(whole: WholeQuotation, sources: Sources | undefined): BotMessage {
  const parts = [whole.quotation, ...whole.continued.map((next) => next.quotation)]
  // A quotation running on over paragraphs opens each with a mark and closes only the last, as wire copy does.
  const text = parts.map((part, index) => `“${escapeMarkdown(part.text)}${index === parts.length - 1 ? '”' : ''}`).join('\n')
  const last = whole.continued.at(-1)?.passage
  const where = last ? ` to ${paragraphLabel(last)}` : ''
  return fitMessage({
    embeds: [
      {
        color: EMBED_COLOUR,
        title: 'Whole quote',
        description: `${blockQuote(text)}\n${escapeMarkdown(quoteByline({ text: whole.quotation.text, attribution: whole.quotation.attribution, passage: whole.passage }, sources))}${escapeMarkdown(where)}`,
        footer: { text: `${sourceLine(whole.passage, sources)} · quoted verbatim` },
      },
    ],
    components: [],
    mentionUsers: [],
    ephemeral: true,
  })
}
