/**
 * 👍 / 👎 feedback: the buttons' ids, one vote per person per answer (changeable,
 * counted once), the voter kept only as a salted hash, acknowledgements, and
 * what happens without storage. Read back through the storage port.
 */
import { describe, expect, it } from 'vitest'
import { askCommand } from '../../commands/ask.ts'
import { commands } from '../../commands/index.ts'
import { feedbackButtons, feedbackSalt, voterHash } from '../../src/interactions/feedback.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import type { HandlerContext } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { feedbackButtonId, feedbackRow, voteOfButton } from '../../src/presenters/discord/feedbackButtons.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import type { Storage, VoteRecord } from '../../src/storage/storage.ts'
import { buttonInput, commandInput, GUILD_ID, handlerContext, MESSAGE_ID, USER_ID } from './support.ts'

const SALT = 'a-test-salt-of-enough-length'
const PASSAGE = 'istanbul-talks-p5'
const SINCE = new Date(0)

function context(storage: Storage | undefined = new MemoryStorage(), salt: string | undefined = SALT): HandlerContext {
  return { ...handlerContext(), ...(storage ? { storage } : {}), ...(salt ? { feedbackSalt: salt } : {}), now: () => new Date('2026-01-02T03:04:05Z') }
}

async function vote(ctx: HandlerContext, id: string, { userId = USER_ID, messageId = MESSAGE_ID, guildId = GUILD_ID as string | null } = {}): Promise<BotMessage> {
  const routed = await new InteractionRouter(commands).runButton(buttonInput(id, 'Q: anything', false, { user: { id: userId, username: 'voter' }, messageId, guildId }), ctx)
  expect(routed.outcome).toBe('ok')
  expect(routed.result.kind).toBe('reply')
  expect(routed.result.message.ephemeral).toBe(true)
  return routed.result.message
}

const UP = feedbackButtonId('up', PASSAGE) as string
const DOWN = feedbackButtonId('down', PASSAGE) as string

describe('feedback ids and row', () => {
  it('GIVEN a passage id THEN 👍 and 👎 ids decode to the vote and the passage', () => {
    expect(voteOfButton(UP)).toEqual({ vote: 'up', passageId: PASSAGE })
    expect(voteOfButton(DOWN)).toEqual({ vote: 'down', passageId: PASSAGE })
    const row = feedbackRow(PASSAGE)
    expect(row?.components.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual([UP, DOWN])
  })

  it('GIVEN malformed ids THEN refused', () => {
    for (const id of ['vote', 'vote:', 'vote:u', 'vote:u:', 'vote:x:istanbul-talks-p5', 'vote:u:istanbul-talks', 'vote:u:ISTANBUL-p5', 'vote:u:istanbul-talks-p5:1', 'ask:u:istanbul-talks-p5']) {
      expect(voteOfButton(id), id).toBeNull()
    }
  })

  it('GIVEN the longest slug THEN the ids fit 100 characters; a passage id that is no passage id gets no row', () => {
    const slug = `a${'b-'.repeat(39)}c`
    expect((feedbackButtonId('down', `${slug}-p99999.999`) as string).length).toBeLessThanOrEqual(100)
    expect(feedbackRow('not a passage id')).toBeNull()
  })
})

describe('voting', () => {
  it('GIVEN 👍 then 👎 from one person on one answer THEN it counts once, as 👎, and each is acknowledged', async () => {
    const storage = new MemoryStorage()
    const ctx = context(storage)
    expect((await vote(ctx, UP)).content).toBe('Thanks — recorded 👍')
    expect((await vote(ctx, DOWN)).content).toBe('Changed to 👎')
    expect(await storage.votesByPassage({ guildId: GUILD_ID, since: SINCE })).toEqual([{ passageId: PASSAGE, up: 0, down: 1 }])
  })

  it('GIVEN the same vote twice THEN unchanged: still one vote', async () => {
    const storage = new MemoryStorage()
    const ctx = context(storage)
    await vote(ctx, UP)
    expect((await vote(ctx, UP)).content).toMatch(/already voted 👍/)
    expect(await storage.votesByPassage({ guildId: GUILD_ID, since: SINCE })).toEqual([{ passageId: PASSAGE, up: 1, down: 0 }])
  })

  it('GIVEN two people, or one person on two answers THEN separate votes', async () => {
    const storage = new MemoryStorage()
    const ctx = context(storage)
    await vote(ctx, UP, { userId: '777777777777777777' })
    await vote(ctx, UP, { userId: '888888888888888888' })
    await vote(ctx, DOWN, { userId: '888888888888888888', messageId: '999999999999999990' })
    expect(await storage.votesByPassage({ guildId: GUILD_ID, since: SINCE })).toEqual([{ passageId: PASSAGE, up: 2, down: 1 }])
  })

  it('GIVEN a vote THEN the stored record has the guild, passage, answer and time, and no user id anywhere', async () => {
    const recorded: VoteRecord[] = []
    const storage = new MemoryStorage()
    const spy: Storage = Object.assign(Object.create(storage) as Storage, {
      recordVote: (record: VoteRecord) => {
        recorded.push(record)
        return storage.recordVote(record)
      },
    })
    await vote(context(spy), DOWN)
    expect(recorded).toHaveLength(1)
    const [record] = recorded as [VoteRecord]
    expect(record).toMatchObject({ guildId: GUILD_ID, passageId: PASSAGE, answerKey: MESSAGE_ID, vote: 'down', at: new Date('2026-01-02T03:04:05Z') })
    expect(JSON.stringify(record)).not.toContain(USER_ID)
    expect(record.voterHash).toBe(voterHash(USER_ID, MESSAGE_ID, SALT))
  })

  it('GIVEN no storage, or no salt THEN the vote is acknowledged with a note that feedback is not kept', async () => {
    for (const ctx of [context(null as never), context(new MemoryStorage(), null as never)]) {
      const reply = await vote(ctx, UP)
      expect(reply.content).toMatch(/👍/)
      expect(reply.content).toMatch(/isn’t keeping feedback/)
    }
  })

  it('GIVEN a vote on a passage that is gone, or a malformed id THEN one clear ephemeral reply, nothing stored', async () => {
    const storage = new MemoryStorage()
    const ctx = context(storage)
    for (const id of ['vote:u:istanbul-talks-p999', 'vote:u:gone-article-p1']) expect((await vote(ctx, id)).content).toMatch(/out of date/)
    const routed = await feedbackButtons.handle(buttonInput('vote:q:nothing', null), ctx)
    expect(routed.message.content).toMatch(/out of date/)
    expect(await storage.votesByPassage({ guildId: GUILD_ID, since: SINCE })).toEqual([])
  })

  it('GIVEN an /ask answer THEN its 👍 / 👎 name the passage the answer quotes', () => {
    const message = askCommand.execute(commandInput('ask', { question: 'What about suicide bombing?' }), handlerContext()) as BotMessage
    const result = handlerContext().engine.ask('What about suicide bombing?')
    const ids = message.components.at(-1)?.components.map((button) => ('custom_id' in button ? button.custom_id : ''))
    expect(ids).toEqual([feedbackButtonId('up', result.answered ? result.answer.passageId : ''), feedbackButtonId('down', result.answered ? result.answer.passageId : '')])
  })
})

describe('voter hashes and the salt', () => {
  it('GIVEN the same voter and answer THEN the same hash; another answer, user or salt THEN another', () => {
    const hash = voterHash(USER_ID, MESSAGE_ID, SALT)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(voterHash(USER_ID, MESSAGE_ID, SALT)).toBe(hash)
    expect(voterHash(USER_ID, '123456789012345678', SALT)).not.toBe(hash)
    expect(voterHash('123456789012345678', MESSAGE_ID, SALT)).not.toBe(hash)
    expect(voterHash(USER_ID, MESSAGE_ID, `${SALT}x`)).not.toBe(hash)
    expect(hash).not.toContain(USER_ID)
  })

  it('GIVEN FEEDBACK_SALT THEN it is the salt; else one derived from the token that does not contain it; else none', () => {
    const token = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123'
    expect(feedbackSalt({ FEEDBACK_SALT: SALT, DISCORD_TOKEN: token })).toBe(SALT)
    const derived = feedbackSalt({ DISCORD_TOKEN: token }) as string
    expect(derived).toMatch(/^[0-9a-f]{64}$/)
    expect(derived).not.toContain(token)
    expect(feedbackSalt({ DISCORD_TOKEN: token })).toBe(derived)
    expect(feedbackSalt({ DISCORD_TOKEN: `${token}x` })).not.toBe(derived)
    expect(feedbackSalt({})).toBeUndefined()
  })
})
