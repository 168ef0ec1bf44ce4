import type { BotMessage } from '../presenters/discord/botMessage.ts'

export interface PinnedMessage {
  id: string
  authorId: string
  /** Footers of its embeds: how the bot recognises its own summaries. */
  footers: string[]
}

/** Things a handler may do in the interaction's channel, whatever the transport. */
export interface ChannelActions {
  readonly channelId: string
  post(message: BotMessage): Promise<{ id: string }>
  /** Every pinned message of the channel, newest pin first. */
  listPins(): Promise<PinnedMessage[]>
  pin(messageId: string): Promise<void>
  unpin(messageId: string): Promise<void>
  /** Deletes one of the bot's own messages. */
  remove(messageId: string): Promise<void>
  /** Whether a message is still in the channel (false once deleted); optional for adapters that cannot look. */
  messageExists?(messageId: string): Promise<boolean>
}

export type ChannelActionFailure = 'missing-permissions' | 'missing-access' | 'pin-limit' | 'unknown-message' | 'other'

/** A channel action Discord refused, with Discord's reason kept as a plain code. */
export class ChannelActionError extends Error {
  override name = 'ChannelActionError'
  constructor(
    readonly failure: ChannelActionFailure,
    readonly discordCode: number | null,
    message: string,
  ) {
    super(message)
  }
}
