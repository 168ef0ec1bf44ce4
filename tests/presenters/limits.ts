/**
 * Discord's message limits, written out here from Discord's documentation (not
 * imported from src), and a checker that lists every breach of a message.
 */
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'

export const LIMIT = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  embeds: 10,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
} as const

export function limitBreaches(message: BotMessage): string[] {
  const problems: string[] = []
  if (message.content !== undefined && message.content.length > LIMIT.content) problems.push(`content ${message.content.length}`)
  if (message.embeds.length > LIMIT.embeds) problems.push(`${message.embeds.length} embeds`)
  let total = 0
  message.embeds.forEach((embed, i) => {
    const title = embed.title ?? ''
    const description = embed.description ?? ''
    const author = embed.author?.name ?? ''
    const footer = embed.footer?.text ?? ''
    const fields = embed.fields ?? []
    if (title.length > LIMIT.title) problems.push(`embed ${i} title ${title.length}`)
    if (description.length > LIMIT.description) problems.push(`embed ${i} description ${description.length}`)
    if (author.length > LIMIT.author) problems.push(`embed ${i} author ${author.length}`)
    if (footer.length > LIMIT.footer) problems.push(`embed ${i} footer ${footer.length}`)
    if (fields.length > LIMIT.fields) problems.push(`embed ${i} ${fields.length} fields`)
    for (const field of fields) {
      if (field.name.length === 0 || field.name.length > LIMIT.fieldName) problems.push(`embed ${i} field name ${field.name.length}`)
      if (field.value.length === 0 || field.value.length > LIMIT.fieldValue) problems.push(`embed ${i} field value ${field.value.length}`)
    }
    total += title.length + description.length + author.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  })
  if (total > LIMIT.embedTotal) problems.push(`embeds total ${total}`)
  if (message.components.length > LIMIT.rows) problems.push(`${message.components.length} rows`)
  message.components.forEach((row, r) => {
    if (row.components.length > LIMIT.buttonsPerRow) problems.push(`row ${r} has ${row.components.length} buttons`)
    for (const button of row.components) {
      if ('custom_id' in button && button.custom_id.length > LIMIT.customId) problems.push(`row ${r} custom_id ${button.custom_id.length}`)
      if ('label' in button && button.label !== undefined && button.label.length > LIMIT.label) problems.push(`row ${r} label ${button.label.length}`)
    }
  })
  return problems
}

/** Numbered sentences, padded to exactly `length` characters, never ending on a space. */
export function sentences(length: number, word = 'Sentence'): string {
  let text = ''
  for (let i = 1; text.length < length; i++) text += `${word} ${i} of the text ends here. `
  return text.slice(0, length).replace(/\s$/, 'x')
}

export { seededRandom } from '../support/random.ts'

/** `kept` is `original` cut short: what remains once the trailing "…" is dropped starts `original`. */
export function isPrefixTrim(kept: string, original: string): boolean {
  if (kept === original) return true
  if (!kept.endsWith('…')) return false
  return original.startsWith(kept.replace(/\s*…$/, ''))
}
