import { DiscordAPIError, Routes, type REST } from 'discord.js'
import { ChannelActionError, type ChannelActionFailure, type ChannelActions, type PinnedMessage } from '../../interactions/channelActions.ts'
import { toApiMessage } from '../../presenters/discord/botMessage.ts'

/** Discord's JSON error codes that handlers explain to users. */
const FAILURES: Record<number, ChannelActionFailure> = {
  50013: 'missing-permissions',
  50001: 'missing-access',
  30003: 'pin-limit',
  10008: 'unknown-message',
}

/** Pages of the pin list: Discord returns at most 50 at a time, 250 in all. */
const PIN_PAGE = 50
const MAX_PIN_PAGES = 6

interface PinsPage {
  items: Array<{ pinned_at: string; message: { id: string; author: { id: string }; embeds?: Array<{ footer?: { text: string } }> } }>
  has_more: boolean
}

async function translateErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const code = typeof error.code === 'number' ? error.code : null
      throw new ChannelActionError((code !== null && FAILURES[code]) || 'other', code, error.message)
    }
    throw error
  }
}

/**
 * Channel actions over Discord's REST API, on the current pin routes
 * (`/channels/{id}/messages/pins`). Works for any transport that has a REST client.
 */
export function restChannelActions(rest: REST, channelId: string): ChannelActions {
  return {
    channelId,
    post: (message) =>
      translateErrors(async () => {
        const created = (await rest.post(Routes.channelMessages(channelId), { body: toApiMessage({ ...message, ephemeral: false }) })) as { id: string }
        return { id: created.id }
      }),
    listPins: () =>
      translateErrors(async () => {
        const pins: PinnedMessage[] = []
        let before: string | undefined
        for (let page = 0; page < MAX_PIN_PAGES; page++) {
          const query = new URLSearchParams({ limit: String(PIN_PAGE), ...(before ? { before } : {}) })
          const data = (await rest.get(Routes.channelMessagesPins(channelId), { query })) as PinsPage
          for (const item of data.items) {
            pins.push({ id: item.message.id, authorId: item.message.author.id, footers: (item.message.embeds ?? []).flatMap((embed) => (embed.footer ? [embed.footer.text] : [])) })
          }
          if (!data.has_more || data.items.length === 0) break
          before = data.items.at(-1)?.pinned_at
        }
        return pins
      }),
    pin: (messageId) =>
      translateErrors(async () => {
        await rest.put(Routes.channelMessagesPin(channelId, messageId))
      }),
    unpin: (messageId) =>
      translateErrors(async () => {
        await rest.delete(Routes.channelMessagesPin(channelId, messageId))
      }),
    remove: (messageId) =>
      translateErrors(async () => {
        await rest.delete(Routes.channelMessage(channelId, messageId))
      }),
    messageExists: (messageId) =>
      translateErrors(async () => {
        try {
          // Without the Message Content intent the answer has no text, but a deleted message is a 404
          // (10008 Unknown Message; 10003 Unknown Channel when its channel went with it).
          await rest.get(Routes.channelMessage(channelId, messageId))
          return true
        } catch (error) {
          if (error instanceof DiscordAPIError && (error.code === 10008 || error.code === 10003)) return false
          throw error
        }
      }),
  }
}
