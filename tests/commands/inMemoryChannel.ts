/**
 * An in-memory `ChannelActions`: records every call in order, keeps the
 * channel's messages and pins, refuses a pin past Discord's 250 like Discord
 * does, and throws configured failures (`ChannelActionError` or anything else).
 */
import { ChannelActionError, type ChannelActions, type PinnedMessage } from '../../src/interactions/channelActions.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'

export type ChannelOperation = 'post' | 'listPins' | 'pin' | 'unpin' | 'remove'

export interface ChannelCall {
  op: ChannelOperation
  /** The message id for pin, unpin and remove; the new id for post. */
  id?: string
}

/** Discord's cap on pinned messages per channel (checked here independently of the handler's constant). */
const DISCORD_PIN_CAP = 250

export class InMemoryChannel implements ChannelActions {
  readonly calls: ChannelCall[] = []
  /** Messages the bot posted and has not removed, by id. */
  readonly posted = new Map<string, BotMessage>()
  /** Newest pin first, as `listPins` returns them. */
  pins: PinnedMessage[]
  /** A failure to throw from one operation, every time it is called. */
  readonly failures: Partial<Record<ChannelOperation, Error>>
  #nextId = 900_000_000_000_000_000n

  constructor(
    readonly channelId: string,
    readonly botUserId: string,
    { pins = [], failures = {} }: { pins?: PinnedMessage[]; failures?: Partial<Record<ChannelOperation, Error>> } = {},
  ) {
    this.pins = [...pins]
    this.failures = failures
  }

  ops(): ChannelOperation[] {
    return this.calls.map((call) => call.op)
  }

  #fail(op: ChannelOperation): void {
    const failure = this.failures[op]
    if (failure) throw failure
  }

  async post(message: BotMessage): Promise<{ id: string }> {
    const call: ChannelCall = { op: 'post' }
    this.calls.push(call)
    this.#fail('post')
    const id = String(this.#nextId++)
    call.id = id
    this.posted.set(id, message)
    return { id }
  }

  async listPins(): Promise<PinnedMessage[]> {
    this.calls.push({ op: 'listPins' })
    this.#fail('listPins')
    return this.pins.map((pin) => ({ ...pin, footers: [...pin.footers] }))
  }

  async pin(messageId: string): Promise<void> {
    this.calls.push({ op: 'pin', id: messageId })
    this.#fail('pin')
    if (this.pins.some((pin) => pin.id === messageId)) return
    if (this.pins.length >= DISCORD_PIN_CAP) throw new ChannelActionError('pin-limit', 30003, 'Maximum number of pins reached (250)')
    const message = this.posted.get(messageId)
    if (!message) throw new ChannelActionError('unknown-message', 10008, 'Unknown Message')
    this.pins.unshift({ id: messageId, authorId: this.botUserId, footers: message.embeds.flatMap((embed) => (embed.footer ? [embed.footer.text] : [])) })
  }

  async unpin(messageId: string): Promise<void> {
    this.calls.push({ op: 'unpin', id: messageId })
    this.#fail('unpin')
    this.pins = this.pins.filter((pin) => pin.id !== messageId)
  }

  async remove(messageId: string): Promise<void> {
    this.calls.push({ op: 'remove', id: messageId })
    this.#fail('remove')
    if (!this.posted.delete(messageId)) throw new ChannelActionError('unknown-message', 10008, 'Unknown Message')
    this.pins = this.pins.filter((pin) => pin.id !== messageId)
  }
}

/** `count` pins by other people, newest first, with ids that say what they are. */
export function otherPeoplesPins(count: number, footers: string[] = []): PinnedMessage[] {
  return Array.from({ length: count }, (_, index) => ({ id: `other-${index}`, authorId: '666666666666666666', footers: [...footers] }))
}
