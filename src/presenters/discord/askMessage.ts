import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js'
import { cutQuotations } from '../../engine/followUps.ts'
import type { AnsweredQuestion, AskResult, UnansweredQuestion } from '../../engine/types.ts'
import { describeSpeaker, paragraphLabel, toldBy } from '../citation.ts'
import { sourceLine, theArticles, type Sources } from '../sources.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { feedbackRow } from './feedbackButtons.ts'
import { fitMessage } from './fitMessage.ts'
import { followUpRow } from './followUpButtons.ts'
import { ANSWER_AUTHOR, questionFitsAuthor } from './followUpMessages.ts'
import { blockQuote, escapeMarkdown, markedPassage, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

const NOT_ANSWERED_COLOUR = 0x718096

function notAnsweredDescription(result: UnansweredQuestion, sources: Sources | undefined): string {
  const them = theArticles(sources)
  switch (result.reason) {
    case 'no-question':
      return `Ask me something about ${them}, for example *“What did the defence minister say?”*`
    case 'unknown-names':
      return `${sources?.several ? 'None of the articles mentions' : 'The article doesn’t mention'} ${result.missing.map((word) => `**${escapeMarkdown(word)}**`).join(', ')}, so ${sources?.several ? 'they' : 'it'} can’t answer that.`
    case 'not-told':
      return `${sources?.several ? 'The articles don’t' : 'The article doesn’t'} quote anything ${escapeMarkdown(toldBy(result.missing))}, so I won’t pass off other words as that.`
    case 'no-author':
      return `${sources?.several ? 'The articles don’t' : 'The article doesn’t'} name an author, so I can’t say who wrote ${them}.`
    case 'not-covered':
      return `${sources?.several ? 'The articles don’t say' : 'The article doesn’t say'}. I only answer with quotes from ${them}, and none of ${sources?.several ? 'them' : 'it'} answers this.`
  }
}

function notAnsweredEmbed(result: UnansweredQuestion, sources: Sources | undefined): APIEmbed {
  const them = theArticles(sources)
  const description = notAnsweredDescription(result, sources)
  return {
    color: NOT_ANSWERED_COLOUR,
    author: { name: `${ANSWER_AUTHOR}${result.question || '(empty question)'}` },
    description,
    fields: [{ name: `What ${them} cover${sources?.several ? '' : 's'}`, value: result.topics.map((topic) => `• ${escapeMarkdown(topic)}`).join('\n') }],
  }
}

/** What the caller knows about an answer's follow-ups beyond the answer itself. */
export interface AnswerButtons {
  /** The engine has further passages for the question (the More button). */
  more: boolean
  /** The article the answer was limited to, which More keeps to. */
  article?: string
}

/**
 * An answer's button rows: More, Context and Whole quote (when the answer
 * sentence cuts a quotation), then 👍 / 👎. A summary answer has no passage to
 * page from or around, only feedback; an abstention has none.
 */
export function answerRows(result: AnsweredQuestion, buttons: AnswerButtons): Array<APIActionRowComponent<APIButtonComponent>> {
  const top = result.passages[0]?.passage
  if (!top) return []
  const followUps = result.summary
    ? null
    : followUpRow({
        more: buttons.more && questionFitsAuthor(result.question),
        ...(buttons.article ? { article: buttons.article } : {}),
        passageId: top.id,
        cutQuotation: cutQuotations(top, result.answer)[0] ?? null,
      })
  const feedback = feedbackRow(result.answer.passageId)
  return [...(followUps ? [followUps] : []), ...(feedback ? [feedback] : [])]
}

/**
 * The reply to /ask: the answering passage quoted with its answer sentence marked, and its source.
 * With `buttons`, an answer carries its follow-up and feedback rows.
 */
export function askMessage(result: AskResult, audience: Audience, sources?: Sources, buttons?: AnswerButtons): BotMessage {
  const [top, ...more] = result.passages
  let embed: APIEmbed
  if (!result.answered || !top) {
    embed = notAnsweredEmbed(result as UnansweredQuestion, sources)
  } else if (result.summary) {
    // "tl;dr": the short summary, each sentence verbatim with its paragraph, and where the full one is.
    embed = {
      color: EMBED_COLOUR,
      author: { name: `${ANSWER_AUTHOR}${result.question}` },
      title: `Summary: ${result.summary.article.title}`,
      description: result.summary.sentences.map((sentence) => `• ${escapeMarkdown(sentence.text)} *(¶${sentence.paragraph})*`).join('\n'),
      footer: { text: 'Short summary, quoted verbatim from the article · /summary length:full gives more' },
    }
  } else {
    const fields: APIEmbedField[] = [{ name: 'Source', value: escapeMarkdown(sourceLine(top.passage, sources)) }]
    const article = sources?.article(top.passage.articleSlug)
    const speakers = top.passage.attributions.map(describeSpeaker)
    if (speakers.length > 0) fields.push({ name: 'Speaking', value: escapeMarkdown(speakers.join('\n')) })
    for (const ranked of more) {
      fields.push({
        // Another article's passage says which article it is.
        name: `See also · ${ranked.passage.articleSlug === top.passage.articleSlug ? '' : `${sources?.article(ranked.passage.articleSlug)?.title ?? ranked.passage.articleTitle} · `}${ranked.passage.section ?? 'Opening'} · ${paragraphLabel(ranked.passage)}`,
        value: blockQuote(escapeMarkdown(ranked.passage.text)),
      })
    }
    embed = {
      color: EMBED_COLOUR,
      author: { name: `${ANSWER_AUTHOR}${result.question}` },
      // The title links to the original where the article has a URL.
      ...(article?.url ? { title: article.title, url: article.url } : {}),
      description: markedPassage(top.passage.text, result.answer, result.answer.highlights),
      fields,
      footer: { text: 'Quoted verbatim from the article · the answer is in bold' },
    }
  }
  const content = mentionPrefix(audience.mentionUserId)
  return fitMessage({
    ...(content ? { content } : {}),
    embeds: [embed],
    components: buttons && result.answered ? answerRows(result, buttons) : [],
    mentionUsers: audience.mentionUserId ? [audience.mentionUserId] : [],
    ephemeral: audience.ephemeral,
  })
}
