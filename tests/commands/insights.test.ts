/**
 * /insights as the router runs it, over the memory adapter and the project's
 * corpus: the refusals (outside a guild, without Manage Server, no storage),
 * grouped counts fed by real /ask handler calls, per-guild separation, and the
 * CSV attachment.
 */
import { PermissionFlagsBits } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { commands } from '../../commands/index.ts'
import { canSeeInsights, insightsCommand } from '../../commands/insights.ts'
import { csvField } from '../../src/insights/insightsCsv.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import type { HandlerContext, OptionValue } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { MemoryStorage } from '../../src/storage/memoryStorage.ts'
import { NoStorage } from '../../src/storage/noStorage.ts'
import { fireAndForgetRecords } from '../../src/storage/storageRuntime.ts'
import type { Storage } from '../../src/storage/storage.ts'
import { commandInput, GUILD_ID, handlerContext } from './support.ts'

const MODERATOR = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages
const OTHER_GUILD = '999999999999999999'
const NOW = new Date('2026-06-10T12:00:00Z')

const router = new InteractionRouter(commands)

function contextWith(storage: Storage | undefined, now = NOW): HandlerContext {
  return { ...handlerContext(), ...(storage ? { storage } : {}), now: () => now }
}

async function run(context: HandlerContext, name: string, options: Record<string, OptionValue> = {}, overrides: Parameters<typeof commandInput>[2] = {}): Promise<BotMessage> {
  return (await router.runCommand(commandInput(name, options, { memberPermissions: MODERATOR, ...overrides }), context)).result
}

/** Records land after the current turn (fire and forget in production; direct here), so wait a tick. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

function fieldOf(message: BotMessage, name: RegExp): string {
  return message.embeds[0]?.fields?.find((field) => name.test(field.name))?.value ?? ''
}

describe('/insights', () => {
  it('is registered guild-only with Manage Server as the default member permission', () => {
    expect(commands.map((command) => command.data.name)).toContain('insights')
    expect(insightsCommand.data.contexts).toEqual([0])
    expect(insightsCommand.data.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild))
    expect(insightsCommand.defer).toEqual({ ephemeral: true })
  })

  it('refuses, ephemerally, a member without Manage Server (the default permission can be overridden by a server)', async () => {
    const reply = await run(contextWith(new MemoryStorage()), 'insights', {}, { memberPermissions: MEMBER })
    expect(reply.ephemeral).toBe(true)
    expect(reply.content).toMatch(/for moderators: it needs the \*\*Manage Server\*\* permission/)
    expect(reply.embeds).toEqual([])
  })

  it('refuses, ephemerally, when Discord sent no member permissions', async () => {
    const reply = await run(contextWith(new MemoryStorage()), 'insights', {}, { memberPermissions: null })
    expect(reply.ephemeral).toBe(true)
    expect(reply.content).toMatch(/Manage Server/)
  })

  it('refuses, ephemerally, outside a server', async () => {
    const reply = await run(contextWith(new MemoryStorage()), 'insights', {}, { guildId: null, memberPermissions: null })
    expect(reply.ephemeral).toBe(true)
    expect(reply.content).toMatch(/works only in a server/)
  })

  it('lets an Administrator in (Discord counts it as every permission)', () => {
    expect(canSeeInsights(PermissionFlagsBits.Administrator)).toBe(true)
    expect(canSeeInsights(PermissionFlagsBits.ManageGuild)).toBe(true)
    expect(canSeeInsights(MEMBER)).toBe(false)
  })

  it('says plainly that insights are off when nothing is stored, and why', async () => {
    const reply = await run(contextWith(new NoStorage('the database file cannot be used (file is not a database)')), 'insights')
    expect(reply.ephemeral).toBe(true)
    expect(reply.content).toMatch(/Insights are off: nothing is being stored \(the database file cannot be used \(file is not a database\)\)/)
    const without = await run(contextWith(undefined), 'insights')
    expect(without.content).toMatch(/Insights are off/)
  })

  it('after answered and unanswered /ask questions, shows the unanswered ones grouped with counts, and usage by command', async () => {
    // Recording as the transports wrap it: after the turn, never waited for.
    const storage = fireAndForgetRecords(new MemoryStorage(), (error) => {
      throw error
    })
    const context = contextWith(storage)
    const unanswered = ['Who won the football match?', 'Who won the football match?', 'who won the football match', 'Who is winning the football match?', 'When does the museum reopen?']
    const answered = ['What did Khawaja Asif say?', 'Where were the peace talks held?']
    // Preconditions: the corpus answers the answered ones and not the others.
    for (const question of unanswered) expect(context.engine.ask(question).answered, question).toBe(false)
    for (const question of answered) expect(context.engine.ask(question).answered, question).toBe(true)
    for (const question of [...unanswered, ...answered]) await run(context, 'ask', { question })
    await run(context, 'summary')
    await settle()
    const reply = await run(context, 'insights', { period: 7 })
    expect(reply.ephemeral).toBe(true)
    expect(reply.files).toBeUndefined()
    const questions = fieldOf(reply, /unanswered/i)
    expect(questions).toMatch(/^1\. “Who won the football match\?” — \*\*4 times\*\*\n {3}also asked as “Who is winning the football match\?” \(1\), “who won the football match” \(1\)/)
    expect(questions).toMatch(/\n2\. “When does the museum reopen\?” — \*\*1 time\*\*$/)
    expect(reply.embeds[0]?.description).toMatch(/^5 unanswered questions \(2 groups\)/)
    // This /insights is recorded after the turn it runs in: it counts from the next report on.
    expect(fieldOf(reply, /usage/i)).toBe('`/ask` 7 · `/summary` 1')
  })

  it('shows the answers with the most 👎 with their article, section and paragraph', async () => {
    const storage = new MemoryStorage()
    const context = contextWith(storage)
    const passage = context.engine.ask('What did Khawaja Asif say?').passages[0]?.passage
    if (!passage) throw new Error('the corpus should answer this')
    await storage.recordVote({ guildId: GUILD_ID, passageId: passage.id, answerKey: 'a1', voterHash: 'h1', vote: 'down', at: NOW })
    await storage.recordVote({ guildId: GUILD_ID, passageId: passage.id, answerKey: 'a1', voterHash: 'h2', vote: 'down', at: NOW })
    await storage.recordVote({ guildId: GUILD_ID, passageId: passage.id, answerKey: 'a1', voterHash: 'h3', vote: 'up', at: NOW })
    await storage.recordVote({ guildId: GUILD_ID, passageId: 'gone-p1', answerKey: 'a2', voterHash: 'h1', vote: 'down', at: NOW })
    await storage.recordVote({ guildId: GUILD_ID, passageId: 'liked-p1', answerKey: 'a3', voterHash: 'h1', vote: 'up', at: NOW })
    const answers = fieldOf(await run(context, 'insights'), /👎/)
    const lines = answers.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(`1. **2 👎** · 1 👍 — ${passage.articleTitle} · ${passage.section ?? 'Opening'} · ¶${passage.paragraph}: “`)
    expect(lines[1]).toBe('2. **1 👎** · 0 👍 — `gone-p1` (no longer in the corpus)')
  })

  it('shows a server only its own questions and only the period asked for', async () => {
    const storage = new MemoryStorage()
    const days = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000)
    await storage.recordUnanswered({ guildId: GUILD_ID, question: 'Who won the football match?', article: null, at: days(1) })
    await storage.recordUnanswered({ guildId: GUILD_ID, question: 'When does the museum reopen?', article: null, at: days(20) })
    await storage.recordUnanswered({ guildId: OTHER_GUILD, question: 'What is the price of gold?', article: null, at: days(1) })
    await storage.recordUnanswered({ guildId: null, question: 'Who wrote the anthem?', article: null, at: days(1) })
    const week = fieldOf(await run(contextWith(storage), 'insights', { period: 7 }), /unanswered/i)
    expect(week).toBe('1. “Who won the football match?” — **1 time**')
    const month = fieldOf(await run(contextWith(storage), 'insights', { period: 30 }), /unanswered/i)
    expect(month.split('\n')).toHaveLength(2)
    expect(month).toContain('When does the museum reopen?')
    expect(month).not.toMatch(/gold|anthem/)
    const theirs = fieldOf(await run(contextWith(storage), 'insights', { period: 30 }, { guildId: OTHER_GUILD }), /unanswered/i)
    expect(theirs).toBe('1. “What is the price of gold?” — **1 time**')
  })

  it('format:csv attaches the same report as a CSV file', async () => {
    const storage = new MemoryStorage()
    const context = contextWith(storage)
    for (const question of ['Who won the football match?', 'who won the football match', '=HYPERLINK("http://example.com","x")']) {
      await storage.recordUnanswered({ guildId: GUILD_ID, question, article: null, at: NOW })
    }
    await storage.recordCommandUse({ guildId: GUILD_ID, command: 'ask', at: NOW })
    const reply = await run(context, 'insights', { period: 30, format: 'csv' })
    expect(reply.ephemeral).toBe(true)
    expect(reply.files).toHaveLength(1)
    const file = reply.files?.[0]
    expect(file?.name).toBe('insights-30d-2026-06-10.csv')
    const lines = file?.data.toString('utf8').split('\r\n') ?? []
    expect(lines[0]).toBe('section,rank,item,count,up,down,where,detail')
    expect(lines[1]).toMatch(/^unanswered,1,(Who|who) won the football match\??,2,,,all,/)
    // A question that starts like a formula is defused, and quoted because it holds commas and quotes.
    expect(lines[2]).toBe(`unanswered,2,${csvField('=HYPERLINK("http://example.com","x")')},1,,,all,${csvField('=HYPERLINK("http://example.com","x") (1)')}`)
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`)
    expect(lines.at(-2)).toBe('command,2,insights,1,,,,')
    expect(lines.at(-1)).toBe('')
    expect(reply.embeds[0]?.footer?.text).toMatch(/the same as CSV attached/)
  })
})
