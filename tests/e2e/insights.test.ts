/**
 * End to end, /insights and storage: the real bot (`src/main.ts`, discord.js over the gateway)
 * against the fake Discord, its SQLite file in a temporary DATA_DIR. Tests run in order: a
 * scripted run of answered and unanswered /ask questions, /insights (text and CSV, a refusal),
 * a restart with the same DATA_DIR, then a restart with the clock past the retention period.
 * Last, a corrupt database file: one log line, and the bot keeps answering.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PermissionFlagsBits } from 'discord.js'
import type { APIEmbed } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_PERMISSIONS, option, startFakeDiscord } from '../discord-server/fakeDiscord.ts'
import type { CallbackData, FakeDiscord, InteractionHandle, WebhookRequestRecord } from '../discord-server/fakeDiscord.ts'
import { startThrowawayPostgres } from '../storage/throwawayPostgres.ts'
import { BOT_TOKEN, REPLY_TIMEOUT, startBotAgainst, type Child } from './helpers.ts'

const EPHEMERAL = 64
const GUILD = '1300000000000000100'
const CHANNEL = '1300000000000000200'
const OTHER_GUILD = '1300000000000000900'
const OTHER_CHANNEL = '1300000000000000901'
const MODERATOR = DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild

let discord: FakeDiscord
let bot: Child | null = null
let dataDir: string

type Init = Omit<Parameters<FakeDiscord['slashCommand']>[0], 'name'>

function command(name: string, options: Init['options'] = [], init: Init = {}): InteractionHandle {
  return discord.dispatchInteraction(discord.slashCommand({ name, options, guildId: GUILD, channelId: CHANNEL, ...init }))
}

/** The reply of a command, deferred or not, with the edit's request (files travel on it). */
async function replyOf(handle: InteractionHandle): Promise<{ data: CallbackData; edit: WebhookRequestRecord | null }> {
  const callback = await handle.waitForCallback(REPLY_TIMEOUT)
  if (callback.type !== 5) return { data: callback.data, edit: null }
  const edit = await handle.waitForEditReply(0, 15_000)
  return { data: { ...edit.body, flags: callback.data.flags }, edit }
}

async function ask(question: string, init: Init = {}): Promise<CallbackData> {
  return (await replyOf(command('ask', [option.string('question', question)], init))).data
}

async function insights(options: Init['options'] = [], init: Init = {}) {
  return replyOf(command('insights', options, { memberPermissions: MODERATOR, ...init }))
}

function field(data: CallbackData, name: RegExp): string {
  const embed = (data.embeds as APIEmbed[] | undefined)?.[0]
  return embed?.fields?.find((f) => name.test(f.name))?.value ?? ''
}

async function startBot(extra: Parameters<typeof startBotAgainst>[1] = {}): Promise<Child> {
  bot = await startBotAgainst(discord, { DATA_DIR: dataDir, ...extra })
  return bot
}

async function stopBot(): Promise<void> {
  await bot?.stop()
  bot = null
}

const ANSWERED = ['What did Khawaja Asif say?', 'Where were the peace talks held?']
const UNANSWERED = ['Who won the football match?', 'who won the football match', 'Who won the football match?', 'Who is winning the football match?', 'When does the museum reopen?']

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'insights-e2e-'))
  discord = await startFakeDiscord({
    token: BOT_TOKEN,
    guilds: [
      { id: GUILD, channels: [{ id: CHANNEL, name: 'general' }] },
      { id: OTHER_GUILD, name: 'Other Guild', channels: [{ id: OTHER_CHANNEL, name: 'news' }] },
    ],
  })
  await startBot()
}, 60_000)

afterAll(async () => {
  await stopBot()
  await discord?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('/insights end to end', () => {
  it('logs where storage lives at start', async () => {
    const line = await (bot as Child).waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('storage:'))
    expect(line.msg).toBe(`storage: SQLite at ${join(dataDir, 'bot.sqlite')}`)
  })

  it('after a scripted run of answered and unanswered questions, shows the unanswered ones grouped with counts', async () => {
    for (const question of ANSWERED) expect(field(await ask(question), /^Source$/), question).not.toBe('')
    for (const question of UNANSWERED) expect(field(await ask(question), /^Source$/), question).toBe('')
    const { data } = await insights([option.integer('period', 7)])
    expect(data.flags).toBe(EPHEMERAL)
    expect(field(data, /unanswered/i)).toBe(
      [
        '1. “Who won the football match?” — **4 times**',
        '   also asked as “Who is winning the football match?” (1), “who won the football match” (1)',
        '2. “When does the museum reopen?” — **1 time**',
      ].join('\n'),
    )
    // This /insights is recorded after its reply is under way, so it counts from the next report on.
    expect(field(data, /usage/i)).toBe('`/ask` 7')
  })

  it('refuses a member without Manage Server, ephemerally', async () => {
    const { data } = await replyOf(command('insights', [], { memberPermissions: DEFAULT_MEMBER_PERMISSIONS }))
    expect(data.flags).toBe(EPHEMERAL)
    expect(data.content).toMatch(/for moderators: it needs the \*\*Manage Server\*\* permission/)
    expect(data.embeds ?? []).toEqual([])
  })

  it('format:csv attaches the same report as a CSV file', async () => {
    const { data, edit } = await insights([option.integer('period', 30), option.string('format', 'csv')])
    expect(data.flags).toBe(EPHEMERAL)
    const file = edit?.request.files[0]
    expect(file?.filename).toMatch(/^insights-30d-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = file?.data.toString('utf8').split('\r\n') ?? []
    expect(lines[0]).toBe('section,rank,item,count,up,down,where,detail')
    expect(lines[1]).toBe('unanswered,1,Who won the football match?,4,,,all,Who won the football match? (2) | Who is winning the football match? (1) | who won the football match (1)')
    expect(lines[2]).toBe('unanswered,2,When does the museum reopen?,1,,,all,When does the museum reopen? (1)')
    expect(lines).toContain('command,1,ask,7,,,,')
  })

  it('shows a server only its own questions', async () => {
    const init = { guildId: OTHER_GUILD, channelId: OTHER_CHANNEL }
    expect(field(await ask('What is the price of gold in London?', init), /^Source$/)).toBe('')
    const theirs = await insights([], init)
    expect(field(theirs.data, /unanswered/i)).toBe('1. “What is the price of gold in London?” — **1 time**')
    const ours = await insights()
    expect(field(ours.data, /unanswered/i)).not.toContain('gold')
  })

  it('after restarting the bot process with the same DATA_DIR, the data is still there', async () => {
    await stopBot()
    await startBot()
    const { data } = await insights()
    expect(field(data, /unanswered/i)).toMatch(/^1\. “Who won the football match\?” — \*\*4 times\*\*/)
    expect(field(data, /usage/i)).toMatch(/^`\/ask` 7 · `\/insights` \d+$/)
  })

  it('after the retention period (the clock moved past it), it is gone', async () => {
    await stopBot()
    const restarted = await startBot({ TEST_CLOCK_OFFSET_DAYS: '91' })
    const purged = await restarted.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('storage: purged'))
    expect(purged.msg).toMatch(/^storage: purged \d+ row\(s\) older than 90 days$/)
    const { data } = await insights()
    expect(field(data, /unanswered/i)).toBe('None: every question found an answer.')
    expect(field(data, /usage/i)).toBe('No commands used.')
  })

  it('a corrupt database file: one log line, and the bot keeps answering without storage', async () => {
    await stopBot()
    const corrupt = join(dataDir, 'corrupt')
    mkdirSync(corrupt)
    writeFileSync(join(corrupt, 'bot.sqlite'), 'not a database at all\n'.repeat(100))
    bot = await startBotAgainst(discord, { DATA_DIR: corrupt })
    const off = bot.logs().filter((l) => typeof l.msg === 'string' && l.msg.startsWith('storage'))
    expect(off).toHaveLength(1)
    expect(off[0]?.msg).toMatch(/^storage off: .*bot\.sqlite cannot be used \(file is not a database \(SQLITE_NOTADB\)\); answering without storage$/)
    expect(field(await ask(ANSWERED[0] as string), /^Source$/)).not.toBe('')
    const { data } = await insights()
    expect(data.flags).toBe(EPHEMERAL)
    expect(data.content).toMatch(/^Insights are off: nothing is being stored \(the database file cannot be used/)
  })

  it('with DATABASE_URL: the same on PostgreSQL, and the log line never shows the password', async (context) => {
    await stopBot()
    const server = await startThrowawayPostgres()
    if ('skipped' in server) {
      console.warn(`PostgreSQL end-to-end test skipped: ${server.skipped}`)
      return context.skip()
    }
    try {
      // Trust authentication ignores the password; the point is that it never reaches a log line.
      const url = server.url().replace('test@', 'test:hunter2-secret@')
      const child = await startBotAgainst(discord, { DATABASE_URL: url, DATA_DIR: join(dataDir, 'unused') })
      bot = child
      const line = await child.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('storage'))
      expect(line.msg).toMatch(/^storage: PostgreSQL at postgres:\/\/127\.0\.0\.1:\d+\/postgres$/)
      for (const question of UNANSWERED) await ask(question)
      // Writes are fire and forget, each a round trip on the pool (a new connection can take a moment):
      // the counts arrive shortly after the replies, so read again for a bounded while.
      const expected = /^1\. “Who won the football match\?” — \*\*4 times\*\*\n {3}also asked as .*\n2\. “When does the museum reopen\?” — \*\*1 time\*\*$/
      let shown = ''
      for (let attempt = 0; attempt < 40 && !expected.test(shown); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250))
        shown = field((await insights()).data, /unanswered/i)
      }
      expect(shown).toMatch(expected)
      await stopBot()
      // Nothing the bot wrote, on stdout or stderr, holds the password.
      expect(child.output).not.toContain('hunter2')
    } finally {
      await stopBot()
      server.stop()
    }
  })
})
