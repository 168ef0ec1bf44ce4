import type { APIEmbed, APIEmbedField } from 'discord.js'
import type { AskResult, UnansweredQuestion } from '../../engine/types.ts'
import { describeSpeaker, paragraphLabel, passageLocation } from '../citation.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { blockQuote, escapeMarkdown, markedPassage, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

const NOT_ANSWERED_COLOUR = 0x718096

function notAnsweredEmbed(result: UnansweredQuestion): APIEmbed {
  const description =
    result.reason === 'no-question'
      ? 'Ask me something about the article, for example *“What did the defence minister say?”*'
      : result.reason === 'unknown-names'
        ? `The article doesn’t mention ${result.missing.map((word) => `**${escapeMarkdown(word)}**`).join(', ')}, so it can’t answer that.`
        : result.reason === 'no-author'
          ? 'The article doesn’t name its author, so I can’t say who wrote it.'
          : 'The article doesn’t say. I only answer with quotes from it, and none of it answers this.'
  return {
    color: NOT_ANSWERED_COLOUR,
    author: { name: `Q: ${result.question || '(empty question)'}` },
    description,
    fields: [{ name: 'What the article covers', value: result.topics.map((topic) => `• ${escapeMarkdown(topic)}`).join('\n') }],
  }
}

/** The reply to /ask: the answering passage quoted with its answer sentence marked, and its source. */
export function askMessage(result: AskResult, audience: Audience): BotMessage {
  const [top, ...more] = result.passages
  let embed: APIEmbed
  if (!result.answered || !top) {
    embed = notAnsweredEmbed(result as UnansweredQuestion)
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
    const fields: APIEmbedField[] = [{ name: 'Source', value: escapeMarkdown(passageLocation(top.passage)) }]
    const speakers = top.passage.attributions.map(describeSpeaker)
    if (speakers.length > 0) fields.push({ name: 'Speaking', value: escapeMarkdown(speakers.join('\n')) })
    for (const ranked of more) {
      fields.push({
        name: `See also · ${ranked.passage.section ?? 'Opening'} · ${paragraphLabel(ranked.passage)}`,
        value: blockQuote(escapeMarkdown(ranked.passage.text)),
      })
    }
    embed = {
      color: EMBED_COLOUR,
      author: { name: `Q: ${result.question}` },
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
