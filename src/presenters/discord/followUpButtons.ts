import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js'
import { DISCORD_LIMITS } from './limits.ts'

/**
 * The ids of an /ask answer's follow-up buttons. Stateless: an id carries all
 * a press needs but the question, which is read back from the message's
 * author line, so any process (another shard, an HTTP replica) can answer it.
 *
 *   ask:m:<page>[:<article>]       More: a page of further passages (the article the answer was limited to)
 *   ask:c:<passage id>             Context: the passages around the quoted one
 *   ask:w:<passage id>:<index>     Whole quote: the passage's quotation at that index, whole
 *
 * Passage ids are `slug-pN[.part]` with slugs of at most 80 characters: with paragraphs below 100,000, parts
 * below 1,000 and a passage's first 100 quotations, every id fits Discord's 100 (a button that would not is left out).
 */
export const FOLLOW_UP_PREFIX = 'ask'

export type FollowUp =
  | { kind: 'more'; page: number; article: string | null }
  | { kind: 'context'; passageId: string }
  | { kind: 'whole'; passageId: string; quotation: number }

const SLUG = String.raw`[a-z0-9][a-z0-9-]{0,79}`
const PASSAGE_ID = String.raw`${SLUG}-p\d{1,5}(?:\.\d{1,3})?`
const MORE = new RegExp(String.raw`^ask:m:(-?\d{1,4})(?::(${SLUG}))?$`)
const CONTEXT = new RegExp(String.raw`^ask:c:(${PASSAGE_ID})$`)
const WHOLE = new RegExp(String.raw`^ask:w:(${PASSAGE_ID}):(\d{1,2})$`)

/** A follow-up's custom id; null when it would not fit Discord's limit (the button is then left out, never cut). */
export function followUpId(followUp: FollowUp): string | null {
  const id =
    followUp.kind === 'more'
      ? `${FOLLOW_UP_PREFIX}:m:${followUp.page}${followUp.article ? `:${followUp.article}` : ''}`
      : followUp.kind === 'context'
        ? `${FOLLOW_UP_PREFIX}:c:${followUp.passageId}`
        : `${FOLLOW_UP_PREFIX}:w:${followUp.passageId}:${followUp.quotation}`
  return id.length <= DISCORD_LIMITS.customId && followUpOf(id) !== null ? id : null
}

/** What a follow-up id asks for; null for anything malformed. A page before the first is the first. */
export function followUpOf(customId: string): FollowUp | null {
  const more = MORE.exec(customId)
  if (more) return { kind: 'more', page: Math.max(0, Number(more[1])), article: more[2] ?? null }
  const context = CONTEXT.exec(customId)
  if (context) return { kind: 'context', passageId: context[1] as string }
  const whole = WHOLE.exec(customId)
  if (whole) return { kind: 'whole', passageId: whole[1] as string, quotation: Number(whole[2]) }
  return null
}

/** Which follow-ups an answer offers. */
export interface FollowUpOffer {
  /** Further passages bear on the question (and the question can be read back from the author line). */
  more: boolean
  /** The article the answer was limited to, for More to keep to it. */
  article?: string
  /** The answering passage, for Context. */
  passageId: string
  /** A quotation of that passage the answer sentence cuts, for Whole quote. */
  cutQuotation: number | null
}

function button(label: string, customId: string | null): APIButtonComponent[] {
  return customId ? [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId }] : []
}

/** The row under an answer: More, Context, and Whole quote when the answer cuts a quotation; null when none applies. */
export function followUpRow(offer: FollowUpOffer): APIActionRowComponent<APIButtonComponent> | null {
  const components = [
    ...(offer.more ? button('More', followUpId({ kind: 'more', page: 0, article: offer.article ?? null })) : []),
    ...button('Context', followUpId({ kind: 'context', passageId: offer.passageId })),
    ...(offer.cutQuotation !== null ? button('Whole quote', followUpId({ kind: 'whole', passageId: offer.passageId, quotation: offer.cutQuotation })) : []),
  ]
  return components.length > 0 ? { type: ComponentType.ActionRow, components } : null
}
