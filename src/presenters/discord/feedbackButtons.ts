import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js'
import type { BotMessage } from './botMessage.ts'
import { DISCORD_LIMITS } from './limits.ts'
import { notice } from './notice.ts'

/**
 * 👍 / 👎 under an answer, for /ask and any other command whose reply quotes
 * a passage. The id names the vote and the passage answered
 * (`vote:u:<passage id>`, `vote:d:<passage id>`); which answer it is on is the
 * message the button sits on, and the voter is the person pressing, so the
 * buttons need no state.
 */
export const FEEDBACK_PREFIX = 'vote'

export type FeedbackVote = 'up' | 'down'

const PASSAGE_ID = String.raw`[a-z0-9][a-z0-9-]{0,79}-p\d{1,5}(?:\.\d{1,3})?`
const VOTE = new RegExp(String.raw`^vote:([ud]):(${PASSAGE_ID})$`)

const EMOJI: Record<FeedbackVote, string> = { up: '👍', down: '👎' }

/** A vote button's id; null when it would not fit Discord's limit. */
export function feedbackButtonId(vote: FeedbackVote, passageId: string): string | null {
  const id = `${FEEDBACK_PREFIX}:${vote === 'up' ? 'u' : 'd'}:${passageId}`
  return id.length <= DISCORD_LIMITS.customId && VOTE.test(id) ? id : null
}

/** The vote and passage a feedback id names; null for anything malformed. */
export function voteOfButton(customId: string): { vote: FeedbackVote; passageId: string } | null {
  const match = VOTE.exec(customId)
  return match ? { vote: match[1] === 'u' ? 'up' : 'down', passageId: match[2] as string } : null
}

/** The 👍 / 👎 row for an answer that quotes `passageId`; null when the id cannot carry it. */
export function feedbackRow(passageId: string): APIActionRowComponent<APIButtonComponent> | null {
  const up = feedbackButtonId('up', passageId)
  const down = feedbackButtonId('down', passageId)
  if (!up || !down) return null
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: EMOJI.up }, custom_id: up },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: EMOJI.down }, custom_id: down },
    ],
  }
}

/** What became of a vote, as the voter is told. */
export type VoteAcknowledged = 'recorded' | 'changed' | 'unchanged' | 'not-kept'

/** The ephemeral answer to a vote. */
export function voteAcknowledgement(vote: FeedbackVote, outcome: VoteAcknowledged): BotMessage {
  const emoji = EMOJI[vote]
  switch (outcome) {
    case 'recorded':
      return notice(`Thanks — recorded ${emoji}`)
    case 'changed':
      return notice(`Changed to ${emoji}`)
    case 'unchanged':
      return notice(`You already voted ${emoji} on this answer; it counts once.`)
    case 'not-kept':
      return notice(`Thanks for the ${emoji} — but this bot isn’t keeping feedback, so it wasn’t stored.`)
  }
}

export const STALE_VOTE = 'This feedback button is out of date (the answer’s article changed or is gone). Ask again to vote on a fresh answer.'
