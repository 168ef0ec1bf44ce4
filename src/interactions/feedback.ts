import { createHmac } from 'node:crypto'
import { visibleArticles } from '../engine/articleInfo.ts'
import { FEEDBACK_PREFIX, STALE_VOTE, voteAcknowledgement, voteOfButton } from '../presenters/discord/feedbackButtons.ts'
import { notice } from '../presenters/discord/notice.ts'
import type { ButtonHandler, ButtonResult } from './types.ts'

/**
 * 👍 / 👎 on answers. One vote per person per answer, changeable: the storage
 * keeps a vote under `voterHash(user, answer)`, never the user id, and a
 * second press replaces the first.
 */

/**
 * The voter as stored: an HMAC of the user id and the answer, keyed with a
 * secret salt. Keyed per answer, so the same person's votes on two answers
 * cannot be linked; secret, so a hash cannot be matched against the (public,
 * guessable) user ids.
 */
export function voterHash(userId: string, answerKey: string, salt: string): string {
  return createHmac('sha256', salt).update(`${userId}\u0000${answerKey}`).digest('hex')
}

/**
 * The salt for voter hashes: FEEDBACK_SALT when set; else one derived from
 * the bot token (an HMAC of it, which does not reveal it). Derived rather
 * than random, so every shard, HTTP replica and restart of one bot agrees on
 * it with nothing to store or copy, and it stays secret as the token is.
 * Rotating the token changes it: a vote cast before can then be cast once
 * more (set FEEDBACK_SALT to avoid that). Undefined without either: votes are
 * then not kept.
 */
export function feedbackSalt(settings: { FEEDBACK_SALT?: string | undefined; DISCORD_TOKEN?: string | undefined }): string | undefined {
  if (settings.FEEDBACK_SALT) return settings.FEEDBACK_SALT
  if (settings.DISCORD_TOKEN) return createHmac('sha256', settings.DISCORD_TOKEN).update('article-quote-bot feedback voter salt v1').digest('hex')
  return undefined
}

function reply(message: ButtonResult['message']): ButtonResult {
  return { kind: 'reply', message }
}

/** The handler of every 👍 / 👎 button, whichever command's answer it sits on. */
export const feedbackButtons: ButtonHandler = {
  prefix: FEEDBACK_PREFIX,
  async handle(input, { engine, storage, feedbackSalt: salt, now }) {
    const parsed = voteOfButton(input.customId)
    const passage = parsed ? engine.passage(parsed.passageId) : undefined
    // The passage must still be there, and in an article this server sees: a vote names nothing it could not.
    const visible = passage !== undefined && visibleArticles(engine.articles(), input.guildId).has(passage.articleSlug)
    if (!parsed || !visible) return reply(notice(STALE_VOTE))
    if (!storage || !salt || !input.messageId) return reply(voteAcknowledgement(parsed.vote, 'not-kept'))
    const outcome = await storage.recordVote({
      guildId: input.guildId,
      passageId: parsed.passageId,
      answerKey: input.messageId,
      voterHash: voterHash(input.user.id, input.messageId, salt),
      vote: parsed.vote,
      at: now?.() ?? new Date(),
    })
    return reply(voteAcknowledgement(parsed.vote, outcome))
  },
}
