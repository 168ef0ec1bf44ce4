import type { BotMessage } from './botMessage.ts'
import { notice } from './notice.ts'

/** For an interaction that arrives while the bot is shutting down. */
export function restartingNotice(): BotMessage {
  return notice('🔄 I’m restarting. Please try again in a few seconds.')
}

/** For an interaction the bot could not finish before shutting down; its effects were undone. */
export function gaveUpNotice(): BotMessage {
  return notice('🔄 I’m restarting and couldn’t finish this, so nothing was changed. Please try again in a few seconds.')
}
