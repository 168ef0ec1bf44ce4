import type { APIEmbed, APIEmbedField } from 'discord.js'
import type { AskResult, UnansweredQuestion } from '../../engine/types.ts'
import { describeSpeaker, paragraphLabel } from '../citation.ts'
import { sourceLine, theArticles, type Sources } from '../sources.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { blockQuote, escapeMarkdown, markedPassage, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

const NOT_ANSWERED_COLOUR = 0x718096

function notAnsweredEmbed(result: UnansweredQuestion, sources: Sources | undefined): APIEmbed {
  const them = theArticles(sources)
  const description =
    result.reason === 'no-question'
      ? `Ask me something about ${them}, for example *“What did the defence minister say?”*`
      : result.reason === 'unknown-names'
        ? `${sources?.several ? 'None of the articles mentions' : 'The article doesn’t mention'} ${result.missing.map((word) => `**${escapeMarkdown(word)}**`).join(', ')}, so ${sources?.several ? 'they' : 'it'} can’t answer that.`
        : result.reason === 'no-author'
          ? `${sources?.several ? 'The articles don’t' : 'The article doesn’t'} name an author, so I can’t say who wrote ${them}.`
          : `${sources?.several ? 'The articles don’t say' : 'The article doesn’t say'}. I only answer with quotes from ${them}, and none of ${sources?.several ? 'them' : 'it'} answers this.`
  return {
    color: NOT_ANSWERED_COLOUR,
    author: { name: `Q: ${result.question || '(empty question)'}` },
    description,
    fields: [{ name: `What ${them} cover${sources?.several ? '' : 's'}`, value: result.topics.map((topic) => `• ${escapeMarkdown(topic)}`).join('\n') }],
  }
}

/** The reply to /ask: the answering passage quoted with its answer sentence marked, and its source. */
export function askMessage(result: AskResult, audience: Audience, sources?: Sources): BotMessage {
  const [top, ...more] = result.passages
  let embed: APIEmbed
  if (!result.answered || !top) {
    embed = notAnsweredEmbed(result as UnansweredQuestion, sources)
  } else if (result.summary) {
    // "tl;dr": the short summary, each sentence verbatim with its paragraph, and where the full one is.
    embed = {
      color: EMBED_COLOUR,
      author: { name: `Q: ${result.question}` },
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
      author: { name: `Q: ${result.question}` },
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
    components: [],
    mentionUsers: audience.mentionUserId ? [audience.mentionUserId] : [],
    ephemeral: audience.ephemeral,
  })
}
