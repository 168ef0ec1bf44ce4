import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js'
import type { CheckedPassage, CheckResult, Stance } from '../../engine/check.ts'
import type { Span } from '../../passages/types.ts'
import { speakerLabel } from '../citation.ts'
import { sourceLine, theArticles, type Sources } from '../sources.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { blockQuote, escapeMarkdown } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'
import { notice } from './notice.ts'

const NOT_ADDRESSED_COLOUR = 0x718096

/** The reply's author line names the claim; Discord shows it, and the repost keeps it. */
export const CLAIM_PREFIX = 'Claim: '

/** What a "Post in channel" button carries: the checked message's id, so a deleted one is noticed. */
export function postButtonId(messageId: string): string {
  return `check:post:${messageId}`
}

export function messageIdOfPostButton(customId: string): string | null {
  return /^check:post:(\d{1,20})$/.exec(customId)?.[1] ?? null
}

/**
 * "The article reports that Islamabad denies this:": what the article says and
 * who says it, never whether the claim is true.
 */
export function stanceLead(stance: Stance): string {
  // The passage is from one article (the Source field names it), however many are in scope.
  const article = 'The article'
  if (!stance.speaker) return stance.kind === 'denies' ? `${article} reports otherwise:` : `${article} says:`
  const who = `**${escapeMarkdown(speakerLabel(stance.speaker))}**${stance.via ? ` (as quoted by ${escapeMarkdown(stance.via)})` : ''}`
  return stance.kind === 'denies' ? `${article} reports that ${who} denies this:` : `${article} reports that ${who} says:`
}

/** A passage as a block quote: the claim's words underlined, and one span (the stance's sentence) in bold. */
export function markedText(text: string, highlights: readonly Span[], bold?: Span): string {
  const marks = new Map<number, { closeUnderline?: true; closeBold?: true; openBold?: true; openUnderline?: true }>()
  const at = (offset: number) => marks.get(offset) ?? (marks.set(offset, {}).get(offset) as NonNullable<ReturnType<typeof marks.get>>)
  for (const span of highlights) {
    // An underline must not straddle the bold sentence's edge, or Markdown breaks.
    if (bold && span.start < bold.end && span.end > bold.start && (span.start < bold.start || span.end > bold.end)) continue
    at(span.start).openUnderline = true
    at(span.end).closeUnderline = true
  }
  if (bold) {
    at(bold.start).openBold = true
    at(bold.end).closeBold = true
  }
  const pieces: string[] = []
  let cursor = 0
  for (const offset of [...marks.keys()].sort((a, b) => a - b)) {
    const mark = marks.get(offset) ?? {}
    pieces.push(escapeMarkdown(text.slice(cursor, offset)))
    // Inner marks close first and open last: "__word__**", "**__word".
    pieces.push(`${mark.closeUnderline ? '__' : ''}${mark.closeBold ? '**' : ''}${mark.openBold ? '**' : ''}${mark.openUnderline ? '__' : ''}`)
    cursor = offset
  }
  pieces.push(escapeMarkdown(text.slice(cursor)))
  return blockQuote(pieces.join(''))
}

/** The buttons under a check: "Post in channel", and the 👍/👎 row when the check quoted something. */
export function checkButtons(messageId: string, followUpRow?: APIActionRowComponent<APIButtonComponent>): Array<APIActionRowComponent<APIButtonComponent>> {
  const post: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Post in channel', custom_id: postButtonId(messageId) }],
  }
  return followUpRow ? [post, followUpRow] : [post]
}

function seeAlso(checked: CheckedPassage, sources: Sources | undefined): APIEmbedField {
  return { name: `Also · ${escapeMarkdown(sourceLine(checked.passage, sources))}`, value: markedText(checked.passage.text, checked.highlights) }
}

export interface CheckContext {
  /** Link to the checked message (shown on the author line). */
  jumpUrl?: string
  /** The checked message's id, for the "Post in channel" button. */
  messageId: string
  sources?: Sources
  /** A row of extra buttons (feedback) under the reply. */
  followUpRow?: APIActionRowComponent<APIButtonComponent>
}

/**
 * The reply to "Check against the article": ephemeral, the passages that bear
 * on the claim with its words marked, what the article reports and who says
 * it, and a button that posts the same publicly.
 */
export function checkMessage(result: CheckResult, context: CheckContext): BotMessage {
  const { sources } = context
  if (result.kind === 'nothing-to-check') {
    const why = result.why === 'only-links' ? 'That message is only a link' : result.why === 'empty' ? 'That message has no text' : 'That message has no words to check (only emoji, mentions or punctuation)'
    return notice(`${why}, so there is nothing to check against ${theArticles(sources)}. Try it on a message that makes a claim in words.`)
  }
  const author = { name: `${CLAIM_PREFIX}${result.claim}`, ...(context.jumpUrl ? { url: context.jumpUrl } : {}) }
  const cut = result.truncated ? '\n\n*Your message is long: I checked its beginning.*' : ''
  let embed: APIEmbed
  if (result.kind === 'not-addressed') {
    const them = theArticles(sources)
    const names = result.reason === 'unknown-names' && result.missing.length > 0 ? ` It never mentions ${result.missing.map((word) => `**${escapeMarkdown(word)}**`).join(', ')}.` : ''
    embed = {
      color: NOT_ADDRESSED_COLOUR,
      author,
      description: `${them.replace(/^t/, 'T')} ${sources?.several ? 'do' : 'does'} not address this.${names}${cut}`,
      fields: [{ name: `What ${them} cover${sources?.several ? '' : 's'}`, value: result.topics.map((topic) => `• ${escapeMarkdown(topic)}`).join('\n') || '• (nothing yet)' }],
      footer: { text: 'I only report what the article says, quoted verbatim' },
    }
  } else {
    const [best, ...more] = result.passages as [CheckedPassage, ...CheckedPassage[]]
    const article = sources?.article(best.passage.articleSlug)
    embed = {
      color: EMBED_COLOUR,
      author,
      ...(article?.url ? { title: article.title, url: article.url } : {}),
      description: `${stanceLead(result.stance)}\n${markedText(best.passage.text, best.highlights, result.stance.sentence)}${cut}`,
      fields: [{ name: 'Source', value: escapeMarkdown(sourceLine(best.passage, sources)) }, ...more.map((checked) => seeAlso(checked, sources))],
      footer: { text: 'Quoted verbatim · the claim’s words are underlined · what the article reports, not a verdict' },
    }
  }
  return fitMessage({ embeds: [embed], components: checkButtons(context.messageId, context.followUpRow), mentionUsers: [], ephemeral: true })
}

/** Only the fields a repost needs, whatever else Discord sent back with the embed. */
function plainEmbed(embed: APIEmbed): APIEmbed {
  return {
    ...(embed.color !== undefined ? { color: embed.color } : {}),
    ...(embed.author?.name ? { author: { name: embed.author.name, ...(embed.author.url ? { url: embed.author.url } : {}) } } : {}),
    ...(embed.title ? { title: embed.title } : {}),
    ...(embed.url ? { url: embed.url } : {}),
    ...(embed.description ? { description: embed.description } : {}),
    ...(embed.fields?.length ? { fields: embed.fields.map(({ name, value }) => ({ name, value })) } : {}),
    ...(embed.footer?.text ? { footer: { text: embed.footer.text } } : {}),
  }
}

/** Whether embeds are a check reply (its author line names a claim). */
export function isCheckReply(embeds: readonly APIEmbed[] | undefined): boolean {
  return embeds?.[0]?.author?.name?.startsWith(CLAIM_PREFIX) ?? false
}

/** The check as posted for everyone: the same embeds, no buttons, pinging nobody. */
export function publicCheck(embeds: readonly APIEmbed[]): BotMessage {
  return fitMessage({ embeds: embeds.map(plainEmbed), components: [], mentionUsers: [], ephemeral: false })
}
