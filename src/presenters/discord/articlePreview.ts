import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbedField } from 'discord.js'
import type { ArticleInfo } from '../../engine/articleInfo.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { escapeMarkdown } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

const SHOWN = 10

function list(items: string[]): string {
  if (items.length === 0) return 'none'
  const shown = items.slice(0, SHOWN).map((item) => `• ${escapeMarkdown(item)}`)
  return items.length > SHOWN ? `${shown.join('\n')}\n• … and ${items.length - SHOWN} more` : shown.join('\n')
}

/** The ephemeral preview `/article add` shows before anything is written, with Add and Cancel. */
export function articlePreviewMessage(article: ArticleInfo, ids: { add: string; cancel: string }, note: string | null): BotMessage {
  const fields: APIEmbedField[] = [
    { name: 'Outlet', value: escapeMarkdown(article.outlet ?? 'not stated'), inline: true },
    { name: 'Published', value: article.published ?? 'not stated', inline: true },
    { name: 'Paragraphs', value: String(article.paragraphs), inline: true },
    { name: 'Sections', value: list(article.sections) },
    { name: 'Quoted', value: list(article.speakers) },
    { name: 'Will be saved as', value: `\`${article.slug}\`${note ? `\n${escapeMarkdown(note)}` : ''}` },
  ]
  return fitMessage({
    content: 'Preview: nothing is added until you press **Add**.',
    embeds: [{ color: EMBED_COLOUR, title: article.title, ...(article.url ? { url: article.url } : {}), fields }],
    components: [choiceRow({ label: 'Add', style: ButtonStyle.Success, id: ids.add }, { label: 'Cancel', id: ids.cancel })],
    mentionUsers: [],
    ephemeral: true,
  })
}

/** The question before `/article remove` deletes anything. */
export function removeConfirmation(article: ArticleInfo, ids: { remove: string; keep: string }): BotMessage {
  return fitMessage({
    content: `Remove “${escapeMarkdown(article.title)}” (\`${article.slug}\`) from this server? Its file is deleted; nobody here can ask about it any more.`,
    embeds: [],
    components: [choiceRow({ label: 'Remove', style: ButtonStyle.Danger, id: ids.remove }, { label: 'Keep it', id: ids.keep })],
    mentionUsers: [],
    ephemeral: true,
  })
}

/** A preview or confirmation replaced by its outcome: text only, no buttons left to press. */
export function outcomeMessage(text: string): BotMessage {
  return fitMessage({ content: text, embeds: [], components: [], mentionUsers: [], ephemeral: true })
}

/** A question's two answers as one row: the action in its colour, the way out in grey. */
function choiceRow(act: { label: string; style: ButtonStyle.Success | ButtonStyle.Danger; id: string }, back: { label: string; id: string }): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: act.style, label: act.label, custom_id: act.id },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: back.label, custom_id: back.id },
    ],
  }
}
