import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'

/** A short ephemeral message to the person who acted: errors, refusals, confirmations. */
export function notice(text: string, { ephemeral = true } = {}): BotMessage {
  return fitMessage({ content: text, embeds: [], components: [], mentionUsers: [], ephemeral })
}

export const SOMETHING_WENT_WRONG = '⚠️ Something went wrong while answering. It has been logged; please try again.'
