import { describe, expect, it } from 'vitest'
import { CHECK_COMMAND_NAME, checkCommand } from '../../commands/check.ts'
import { commands } from '../../commands/index.ts'
import { ChannelActionError, type ChannelActions } from '../../src/interactions/channelActions.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import type { MessageCommandInput, TargetMessage } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { markedText } from '../../src/presenters/discord/checkMessage.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { BOT_USER_ID, buttonInput, CHANNEL_ID, handlerContext, invocation } from './support.ts'

function target(overrides: Partial<TargetMessage> = {}): TargetMessage {
  return { id: '900000000000000001', content: 'Pakistan allowed US drone operations from its territory', authorId: '800000000000000001', fromThisBot: false, embeds: 0, attachments: 0, ...overrides }
}

function input(message: TargetMessage | null): MessageCommandInput {
  return { ...invocation(), commandName: CHECK_COMMAND_NAME, target: message }
}

async function run(message: TargetMessage | null, channel: ChannelActions | null = null): Promise<BotMessage> {
  const routed = await new InteractionRouter(commands).runMessageCommand(input(message), handlerContext(channel))
  expect(routed.outcome).toBe('ok')
  return routed.result
}

/** A channel that only answers whether a message exists. */
function channelWhere(exists: () => Promise<boolean>): ChannelActions {
  const refuse = () => Promise.reject(new Error('not used'))
  return { channelId: CHANNEL_ID, post: refuse, listPins: refuse, pin: refuse, unpin: refuse, remove: refuse, messageExists: exists }
}

describe('the check handler', () => {
  it('GIVEN a claim THEN the router runs the message command: an ephemeral check with a Post button carrying the message id', async () => {
    const reply = await run(target())
    expect(reply.ephemeral).toBe(true)
    expect(reply.embeds[0]?.description).toContain('denies this')
    expect(reply.components[0]?.components[0]).toMatchObject({ label: 'Post in channel', custom_id: 'check:post:900000000000000001' })
  })

  it('GIVEN an addressed claim THEN 👍/👎 on the passage it quoted, and a vote through the router is stored once per person', async () => {
    const reply = await run(target())
    const votes = reply.components[1]?.components.map((button) => ('custom_id' in button ? button.custom_id : '')) ?? []
    expect(votes).toHaveLength(2)
    expect(votes.every((id) => id.startsWith('vote:'))).toBe(true)
    const storage = new MemoryStorage()
    const context = { ...handlerContext(), storage, feedbackSalt: 'a-salt-of-sixteen-chars' }
    const router = new InteractionRouter(commands)
    await router.runButton(buttonInput(votes[0] as string, reply.embeds[0]?.author?.name ?? null, true), context)
    await router.runButton(buttonInput(votes[1] as string, reply.embeds[0]?.author?.name ?? null, true), context)
    const tallies = await storage.votesByPassage({ guildId: invocation().guildId, since: new Date(0) })
    expect(tallies).toEqual([{ passageId: votes[0]?.split(':')[2], up: 0, down: 1 }])
  })

  it('GIVEN a claim the article does not address THEN no vote buttons', async () => {
    const reply = await run(target({ content: 'The cricket final was won on penalties at the kebab house' }))
    expect(reply.components.flatMap((row) => row.components).some((button) => 'custom_id' in button && button.custom_id?.startsWith('vote:'))).toBe(false)
  })

  it('GIVEN a message by this bot (recognised by its user id too) THEN it declines', async () => {
    expect((await run(target({ fromThisBot: true }))).content).toMatch(/one of my own messages/)
    expect((await run(target({ authorId: BOT_USER_ID }))).content).toMatch(/one of my own messages/)
  })

  it('GIVEN embeds and attachments but no text THEN it names both', async () => {
    expect((await run(target({ content: ' ', embeds: 1, attachments: 2 }))).content).toMatch(/only embeds .* and attachments/)
  })

  it('GIVEN the message command under a name the router does not know THEN the unknown-command reply', async () => {
    const routed = await new InteractionRouter(commands).runMessageCommand({ ...input(target()), commandName: 'Gone command' }, handlerContext())
    expect(routed.outcome).toBe('unknown')
    expect(routed.result.ephemeral).toBe(true)
  })

  const checkReply = async () => (await run(target())).embeds

  it('GIVEN Post in channel and the channel says the message is gone THEN refused; when it cannot tell (missing access) THEN posted', async () => {
    const embeds = await checkReply()
    const click = { ...buttonInput('check:post:900000000000000001', embeds[0]?.author?.name ?? null, true), messageEmbeds: embeds }
    const gone = await checkCommand.buttons?.handle(click, handlerContext(channelWhere(async () => false)))
    expect(gone?.message.content).toMatch(/has been deleted/)
    const unknown = await checkCommand.buttons?.handle(click, handlerContext(channelWhere(() => Promise.reject(new ChannelActionError('missing-access', 50001, 'Missing Access')))))
    expect(unknown?.kind).toBe('reply')
    expect(unknown?.message.ephemeral).toBe(false)
    expect(unknown?.message.mentionUsers).toEqual([])
    expect(unknown?.message.components).toEqual([])
    expect(unknown?.message.embeds[0]?.description).toBe(embeds[0]?.description)
  })

  it('GIVEN Post in channel on a message that is not a check THEN out of date, nothing posted', async () => {
    const click = { ...buttonInput('check:post:900000000000000001', 'Q: something else', true), messageEmbeds: [{ author: { name: 'Q: something else' }, description: 'x' }] }
    const result = await checkCommand.buttons?.handle(click, handlerContext())
    expect(result?.message.ephemeral).toBe(true)
    expect(result?.message.content).toMatch(/out of date/)
  })
})

describe('markedText', () => {
  it('GIVEN underlined words at the edges of the bold sentence THEN the marks nest and balance', () => {
    const text = 'First one. Drones flew here. Last.'
    const marked = markedText(text, [{ start: 11, end: 17 }, { start: 23, end: 27 }], { start: 11, end: 28 })
    expect(marked).toBe('> First one. **__Drones__ flew __here__.** Last.')
  })

  it('GIVEN a word straddling the bold edge THEN it is left unmarked rather than breaking Markdown', () => {
    expect(markedText('abc def', [{ start: 2, end: 5 }], { start: 4, end: 7 })).toBe('> abc **def**')
  })
})
