import type { SummaryResult } from '../../engine/types.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { escapeMarkdown, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

/** Footer that marks the bot's pinned summaries, so the next /pin-summary can find and replace them. */
export const PINNED_SUMMARY_FOOTER = 'Pinned summary · quoted verbatim from the article · /pin-summary replaces it'

function introductions(sentence: SummaryResult['sentences'][number]): string {
  return sentence.introduces.map(({ mention, label }) => ` · ${escapeMarkdown(mention === label ? label : `${mention}: ${label}`)}`).join('')
}

/** The summary: verbatim sentences in article order, each with its paragraph. */
export function summaryMessage(result: SummaryResult, audience: Audience, { pinned = false } = {}): BotMessage {
  // Who a person is goes beside the verbatim sentence, never inside it.
  const description = result.sentences.map((sentence) => `• ${escapeMarkdown(sentence.text)} *(¶${sentence.paragraph}${introductions(sentence)})*`).join('\n')
  const content = mentionPrefix(audience.mentionUserId)
  return fitMessage({
    ...(content ? { content } : {}),
    embeds: [
      {
        color: EMBED_COLOUR,
        title: `Summary: ${result.article.title}`,
        description,
        footer: { text: pinned ? PINNED_SUMMARY_FOOTER : `${result.length === 'full' ? 'Full' : 'Short'} summary · every sentence quoted verbatim from the article` },
      },
    ],
    components: [],
    mentionUsers: audience.mentionUserId ? [audience.mentionUserId] : [],
    ephemeral: audience.ephemeral,
  })
}
