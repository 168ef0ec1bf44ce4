import type { APIEmbed } from 'discord.js'
import type { BotMessage } from './botMessage.ts'
import { DISCORD_LIMITS as LIMITS } from './limits.ts'
import { trimToLimit } from './trim.ts'

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  )
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed }
  if (fitted.title !== undefined) fitted.title = trimToLimit(fitted.title, LIMITS.embedTitle)
  if (fitted.description !== undefined) fitted.description = trimToLimit(fitted.description, LIMITS.embedDescription)
  if (fitted.author) fitted.author = { ...fitted.author, name: trimToLimit(fitted.author.name, LIMITS.author) }
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: trimToLimit(fitted.footer.text, LIMITS.footer) }
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map((field) => ({
      ...field,
      name: trimToLimit(field.name, LIMITS.fieldName) || '\u200b',
      value: trimToLimit(field.value, LIMITS.fieldValue) || '\u200b',
    }))
  }
  return fitted
}

/**
 * The one gate every reply passes: content, embeds and buttons trimmed to
 * Discord's limits (at sentence boundaries), so that no reply fails on length.
 */
export function fitMessage(message: BotMessage): BotMessage {
  const embeds = message.embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed)
  // Over the shared 6,000: drop trailing fields, then shorten the longest description.
  let total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0)
  for (let index = embeds.length - 1; index >= 0 && total > LIMITS.embedTotal; index--) {
    const embed = embeds[index] as APIEmbed
    while (embed.fields && embed.fields.length > 0 && total > LIMITS.embedTotal) {
      const dropped = embed.fields.pop()
      total -= (dropped?.name.length ?? 0) + (dropped?.value.length ?? 0)
    }
    if (total > LIMITS.embedTotal && embed.description) {
      const keep = Math.max(0, embed.description.length - (total - LIMITS.embedTotal))
      const shorter = trimToLimit(embed.description, keep)
      total -= embed.description.length - shorter.length
      embed.description = shorter
    }
  }
  // Still over (titles, authors, footers): drop trailing embeds, then shorten the first one's footer.
  while (total > LIMITS.embedTotal && embeds.length > 1) total -= embedLength(embeds.pop() as APIEmbed)
  const first = embeds[0]
  if (total > LIMITS.embedTotal && first?.footer) {
    const keep = Math.max(0, first.footer.text.length - (total - LIMITS.embedTotal))
    total -= first.footer.text.length - keep
    if (keep > 0) first.footer = { ...first.footer, text: trimToLimit(first.footer.text, keep) }
    else delete first.footer
  }
  const components = message.components.slice(0, LIMITS.rowsPerMessage).map((row) => ({
    ...row,
    components: row.components.slice(0, LIMITS.buttonsPerRow).map((button) => ({
      ...button,
      ...('label' in button && button.label !== undefined ? { label: trimToLimit(button.label, LIMITS.buttonLabel) } : {}),
      ...('custom_id' in button ? { custom_id: button.custom_id.slice(0, LIMITS.customId) } : {}),
    })),
  }))
  // A file cannot be cut at a sentence: one over the size limit is left off (its producer keeps files small).
  const files = message.files?.filter((file) => file.data.length <= LIMITS.fileBytes).slice(0, LIMITS.filesPerMessage)
  return {
    ...message,
    ...(message.content !== undefined ? { content: trimToLimit(message.content, LIMITS.content) } : {}),
    embeds,
    components,
    ...(files ? { files } : {}),
  }
}
