/**
 * `/pin-summary` against an in-memory channel: who may use it, what the bot
 * needs, and what happens to the channel's pins (post, pin, unpin, remove) —
 * including Discord's 250-pin cap and refusals from the channel port.
 */
import { PermissionFlagsBits } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { commands } from '../../commands/index.ts'
import { pinSummaryCommand } from '../../commands/pinSummary.ts'
import { ChannelActionError, type PinnedMessage } from '../../src/interactions/channelActions.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import type { Invocation, OptionValue } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { PINNED_SUMMARY_FOOTER, pinnedSummaryFooter } from '../../src/presenters/discord/summaryMessage.ts'
import { InMemoryChannel, otherPeoplesPins, type ChannelOperation } from './inMemoryChannel.ts'
import { ARTICLE_TITLE, BOT_CAN_PIN, BOT_USER_ID, CHANNEL_ID, commandInput, handlerContext } from './support.ts'

const CHANNEL_MENTION = `<#${CHANNEL_ID}>`

function channel(pins: PinnedMessage[] = [], failures: Partial<Record<ChannelOperation, Error>> = {}) {
  return new InMemoryChannel(CHANNEL_ID, BOT_USER_ID, { pins, failures })
}

function run(target: InMemoryChannel | null, overrides: Partial<Invocation> = {}, options: Record<string, OptionValue> = {}): Promise<BotMessage> {
  return Promise.resolve(pinSummaryCommand.execute(commandInput('pin-summary', options, overrides), handlerContext(target)))
}

function ownSummary(id: string): PinnedMessage {
  return { id, authorId: BOT_USER_ID, footers: [PINNED_SUMMARY_FOOTER] }
}

function contentOf(message: BotMessage): string {
  return message.content ?? ''
}

describe('/pin-summary: who may use it', () => {
  it.each([
    ['no Pin Messages permission at all', PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages],
    ['only Manage Messages (which no longer allows pinning)', PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ManageMessages],
    ['no permissions', 0n],
  ])('GIVEN a member with %s THEN they are refused, ephemerally, naming Pin Messages, and the channel is not touched', async (_, memberPermissions) => {
    const target = channel()
    const reply = await run(target, { memberPermissions })
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toContain('Pin Messages')
    expect(target.calls).toEqual([])
  })

  it('GIVEN a member without permissions data inside a guild THEN they are refused and the channel is not touched', async () => {
    const target = channel()
    const reply = await run(target, { memberPermissions: null })
    expect(contentOf(reply)).toContain('Pin Messages')
    expect(target.calls).toEqual([])
  })

  it('GIVEN a member with Administrator only THEN the summary is posted and pinned', async () => {
    const target = channel()
    await run(target, { memberPermissions: PermissionFlagsBits.Administrator })
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'listPins'])
  })

  it.each([
    ['a DM (no guild)', { guildId: null }, true],
    ['a transport without channel actions', {}, false],
  ] as const)('GIVEN %s THEN the reply says it works in a server channel, and nothing is called', async (_, overrides, withChannel) => {
    const target = channel()
    const reply = await run(withChannel ? target : null, overrides)
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toMatch(/server channel/)
    expect(contentOf(reply)).toMatch(/DM/)
    expect(target.calls).toEqual([])
  })
})

describe('/pin-summary: what the bot needs in the channel', () => {
  // Discord's names for the permissions, as its settings show them.
  const needed: Array<[string, bigint]> = [
    ['View Channel', PermissionFlagsBits.ViewChannel],
    ['Send Messages', PermissionFlagsBits.SendMessages],
    ['Embed Links', PermissionFlagsBits.EmbedLinks],
    ['Read Message History', PermissionFlagsBits.ReadMessageHistory],
    ['Pin Messages', PermissionFlagsBits.PinMessages],
  ]

  it.each(needed)('GIVEN the bot lacks only %s THEN the reply names it and the channel, and nothing is called', async (name, flag) => {
    const target = channel()
    const reply = await run(target, { appPermissions: BOT_CAN_PIN & ~flag })
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toContain(name)
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
    for (const [other] of needed.filter(([otherName]) => otherName !== name)) expect(contentOf(reply)).not.toContain(other)
    expect(target.calls).toEqual([])
  })

  it('GIVEN the bot lacks every needed permission THEN each one is named, and nothing is called', async () => {
    const target = channel()
    const reply = await run(target, { appPermissions: PermissionFlagsBits.AddReactions })
    for (const [name] of needed) expect(contentOf(reply)).toContain(name)
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
    expect(target.calls).toEqual([])
  })

  it('GIVEN the bot has Administrator only THEN it posts and pins', async () => {
    const target = channel()
    await run(target, { appPermissions: PermissionFlagsBits.Administrator })
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'listPins'])
  })

  it('GIVEN the transport does not report the bot’s permissions THEN the handler tries (Discord will say if it may not)', async () => {
    const target = channel()
    await run(target, { appPermissions: null })
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'listPins'])
  })
})

describe('/pin-summary: posting and pinning', () => {
  it('GIVEN a channel with no pins THEN one public summary with the pinned-summary footer is posted and pinned, and the ephemeral reply names the channel', async () => {
    const target = channel()
    const reply = await run(target)
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'listPins'])
    expect(target.posted.size).toBe(1)
    const [id, posted] = [...target.posted][0] as [string, BotMessage]
    expect(target.calls[2]).toEqual({ op: 'pin', id })
    expect(posted.ephemeral).toBe(false)
    expect(posted.mentionUsers).toEqual([])
    expect(posted.embeds).toHaveLength(1)
    expect(posted.embeds[0]?.footer?.text).toBe(pinnedSummaryFooter('istanbul-talks'))
    expect(posted.embeds[0]?.title).toContain(ARTICLE_TITLE)
    expect(target.pins.map((pin) => pin.id)).toEqual([id])
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
    expect(contentOf(reply)).not.toMatch(/unpinned/)
  })

  it('GIVEN length "full" THEN the posted summary has more sentences than the default short one', async () => {
    const short = channel()
    const full = channel()
    await run(short)
    const reply = await run(full, {}, { length: 'full' })
    const bullets = (target: InMemoryChannel) => ([...target.posted.values()][0]?.embeds[0]?.description ?? '').split('\n').length
    expect(bullets(full)).toBeGreaterThan(bullets(short))
    expect(contentOf(reply)).toContain('full')
  })

  it('GIVEN earlier pins THEN only the bot’s previous summaries are unpinned — not other people’s pins (even with the same footer), not the bot’s other pins — and only after the new one is pinned', async () => {
    const pins: PinnedMessage[] = [
      ownSummary('own-summary-new'),
      { id: 'impostor', authorId: '777777777777777777', footers: [PINNED_SUMMARY_FOOTER] },
      { id: 'bot-other', authorId: BOT_USER_ID, footers: ['Short summary · every sentence quoted verbatim from the article'] },
      { id: 'bot-no-embed', authorId: BOT_USER_ID, footers: [] },
      ...otherPeoplesPins(3),
      ownSummary('own-summary-old'),
    ]
    const target = channel(pins)
    const reply = await run(target)
    const [newId] = [...target.posted.keys()]
    expect(target.calls).toEqual([
      { op: 'listPins' },
      { op: 'post', id: newId },
      { op: 'pin', id: newId },
      { op: 'unpin', id: 'own-summary-new' },
      { op: 'unpin', id: 'own-summary-old' },
      { op: 'listPins' },
    ])
    expect(target.pins.map((pin) => pin.id).sort()).toEqual([newId, 'impostor', 'bot-other', 'bot-no-embed', 'other-0', 'other-1', 'other-2'].sort())
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toMatch(/unpinned/)
    expect(contentOf(reply)).toContain('2')
  })

  it('GIVEN 250 pins, none of them the bot’s summary THEN the reply says the limit is reached and nothing is posted', async () => {
    const target = channel(otherPeoplesPins(250))
    const reply = await run(target)
    expect(target.ops()).toEqual(['listPins'])
    expect(target.posted.size).toBe(0)
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toContain('250')
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
  })

  it('GIVEN 250 pins including the bot’s summary THEN the old summary is unpinned first, then the new one posted and pinned', async () => {
    const target = channel([...otherPeoplesPins(200), ownSummary('own-summary'), ...otherPeoplesPins(49).map((pin) => ({ ...pin, id: `late-${pin.id}` }))])
    expect(target.pins).toHaveLength(250)
    await run(target)
    const [newId] = [...target.posted.keys()]
    expect(target.calls).toEqual([{ op: 'listPins' }, { op: 'unpin', id: 'own-summary' }, { op: 'post', id: newId }, { op: 'pin', id: newId }, { op: 'listPins' }])
    expect(target.pins).toHaveLength(250)
    expect(target.pins[0]?.id).toBe(newId)
    expect(target.pins.some((pin) => pin.id === 'own-summary')).toBe(false)
  })
})

describe('/pin-summary: when the channel refuses', () => {
  it('GIVEN pinning fails with Discord’s pin limit (30003) THEN the reply states the limit, the posted copy is removed and the old summary stays pinned', async () => {
    const target = channel([ownSummary('own-summary')], { pin: new ChannelActionError('pin-limit', 30003, 'Maximum number of pins reached (250)') })
    const reply = await run(target)
    const postedId = target.calls.find((call) => call.op === 'post')?.id
    expect(postedId).toBeDefined()
    expect(target.calls).toContainEqual({ op: 'remove', id: postedId })
    expect(target.posted.size).toBe(0)
    expect(target.ops()).not.toContain('unpin')
    expect(target.pins.map((pin) => pin.id)).toEqual(['own-summary'])
    expect(reply.ephemeral).toBe(true)
    expect(contentOf(reply)).toContain('250')
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
  })

  it.each(['missing-permissions', 'missing-access'] as const)(
    'GIVEN pinning fails with %s THEN the reply names the channel and the needed permissions, and the posted copy is removed',
    async (failure) => {
      const target = channel([], { pin: new ChannelActionError(failure, failure === 'missing-access' ? 50001 : 50013, 'Missing Permissions') })
      const reply = await run(target)
      const postedId = target.calls.find((call) => call.op === 'post')?.id
      expect(target.calls.at(-1)).toEqual({ op: 'remove', id: postedId })
      expect(target.posted.size).toBe(0)
      expect(reply.ephemeral).toBe(true)
      expect(contentOf(reply)).toContain(CHANNEL_MENTION)
      expect(contentOf(reply)).toContain('Pin Messages')
    },
  )

  it('GIVEN pinning fails AND removing the copy fails too THEN the reply still explains the pin failure', async () => {
    const target = channel([], {
      pin: new ChannelActionError('missing-permissions', 50013, 'Missing Permissions'),
      remove: new ChannelActionError('missing-access', 50001, 'Missing Access'),
    })
    const reply = await run(target)
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'remove'])
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
  })

  // BUG: once the new summary is posted and pinned, a failure to unpin an old one is reported as if
  // the whole command failed. If the old summary was deleted meanwhile (Discord answers 10008 Unknown
  // Message), the new summary is pinned and nothing is wrong, yet the reply reads "Discord refused the
  // request in <#…>: Unknown Message" — so the moderator runs it again and posts a second copy.
  // Reproduction: pins = [own summary 'own-summary'], unpin throws ChannelActionError('unknown-message',
  // 10008, 'Unknown Message') → calls listPins, post, pin, unpin; reply has no "📌 Posted and pinned".
  it('GIVEN the previous summary was deleted meanwhile (unpin → unknown-message) THEN the reply still confirms the new summary is pinned', async () => {
    const target = channel([ownSummary('own-summary')], { unpin: new ChannelActionError('unknown-message', 10008, 'Unknown Message') })
    const reply = await run(target)
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'unpin', 'listPins', 'unpin'])
    expect(target.pins[0]?.id).toBe([...target.posted.keys()][0])
    expect(contentOf(reply)).toMatch(/pinned/i)
    expect(contentOf(reply)).not.toMatch(/refused/)
  })

  it('GIVEN posting is refused (missing access) THEN the reply names the channel and nothing is pinned', async () => {
    const target = channel([], { post: new ChannelActionError('missing-access', 50001, 'Missing Access') })
    const reply = await run(target)
    expect(target.ops()).toEqual(['listPins', 'post'])
    expect(contentOf(reply)).toContain(CHANNEL_MENTION)
  })

  it('GIVEN the port throws something other than a ChannelActionError THEN the handler rethrows it (after removing an unpinned copy)', async () => {
    const boom = new TypeError('socket hang up')
    const target = channel([], { pin: boom })
    await expect(run(target)).rejects.toBe(boom)
    expect(target.ops()).toEqual(['listPins', 'post', 'pin', 'remove'])
    expect(target.posted.size).toBe(0)
  })

  it('GIVEN listing pins throws a plain error THEN the router turns it into the ephemeral apology with outcome "error", keeping the error', async () => {
    const boom = new Error('ECONNRESET')
    const target = channel([], { listPins: boom })
    const routed = await new InteractionRouter(commands).runCommand(commandInput('pin-summary'), handlerContext(target))
    expect(routed.outcome).toBe('error')
    expect(routed.error).toBe(boom)
    expect(routed.result.ephemeral).toBe(true)
    expect(contentOf(routed.result)).toContain('Something went wrong')
    expect(contentOf(routed.result)).not.toContain('ECONNRESET')
    expect(target.posted.size).toBe(0)
  })
})

describe('/pin-summary: registration', () => {
  it('GIVEN the command definition THEN it is guild-only, defers ephemerally, and is shown by default to members with Pin Messages', () => {
    expect(pinSummaryCommand.data.name).toBe('pin-summary')
    expect(pinSummaryCommand.defer).toEqual({ ephemeral: true })
    expect(pinSummaryCommand.data.default_member_permissions).toBe(String(PermissionFlagsBits.PinMessages))
    expect(pinSummaryCommand.data.contexts).toEqual([0])
  })
})
