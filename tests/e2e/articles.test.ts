/**
 * End to end, several articles and a live corpus: the real bot (`src/main.ts`, discord.js over the
 * gateway) against the fake Discord with two servers, a temporary corpus folder, and a local HTTP
 * server standing in for news sites. Tests run in order: articles are added, then removed.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PermissionFlagsBits } from 'discord.js'
import type { APIEmbed, APIMessage } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_PERMISSIONS, option, startFakeDiscord } from '../discord-server/fakeDiscord.ts'
import type { CallbackData, FakeDiscord, InteractionHandle } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, PIN_MESSAGES, REPLY_TIMEOUT, ROOT, limitBreaches, messageBodyOf, startBotAgainst, unmarkdown } from './helpers.ts'
import type { Child } from './helpers.ts'

const EPHEMERAL = 64
const GUILD_A = '1300000000000000100'
const CHANNEL_A = '1300000000000000200'
const GUILD_B = '1300000000000000900'
const CHANNEL_B = '1300000000000000901'
const MODERATOR = DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild | PIN_MESSAGES

const ISTANBUL = { slug: 'istanbul-talks', title: 'Pakistan warns Taliban after Istanbul peace talks collapse' }
const WIRE = { slug: 'valdoria-budget', title: 'Valdoria unveils austerity budget as dockers threaten strike', outlet: 'Example Wire', url: 'https://example.com/world/valdoria-budget', published: '2024-03-12' }
const PAGE_TITLE = 'Harbour cranes idle as dockworkers strike'
const PAGE_SLUG = 'harbour-cranes-idle-as-dockworkers-strike'

/** A fictional article attached as a file: its speaker and words exist nowhere else. */
const ATTACHED_SLUG = 'merrow-ferry'
const ATTACHED = `---
title: "Lake Merrow ferry returns after winter refit"
outlet: "Merrow Post"
published: 2025-04-02
---

The Lake Merrow ferry returned to service on Wednesday after a four-month refit that replaced both of its engines and added a heated passenger deck.

## Timetable

“We will run eleven crossings a day through the summer,” said Odile Brenner, the ferry company’s operations manager. The first crossing leaves Kessing pier at 6.40 in the morning.
`

let discord: FakeDiscord
let bot: Child
let site: Server
let siteUrl: string
let corpus: string
const dispatched: InteractionHandle[] = []

function send(payload: Parameters<FakeDiscord['dispatchInteraction']>[0]): InteractionHandle {
  const handle = discord.dispatchInteraction(payload)
  dispatched.push(handle)
  return handle
}

type Init = Omit<Parameters<FakeDiscord['slashCommand']>[0], 'name'>

function inB(init: Init = {}): Init {
  return { guildId: GUILD_B, channelId: CHANNEL_B, ...init }
}

function command(name: string, options: Init['options'] = [], init: Init = {}) {
  return send(discord.slashCommand({ name, options, ...init }))
}

/** The reply of a command, deferred or not. */
async function replyOf(handle: InteractionHandle): Promise<CallbackData> {
  const callback = await handle.waitForCallback(REPLY_TIMEOUT)
  // A deferred reply's ephemerality is set by the deferral; the edit carries the content.
  if (callback.type === 5) return { ...(await handle.waitForEditReply(0, 15_000)).body, flags: callback.data.flags }
  return callback.data
}

function onlyEmbed(data: CallbackData): APIEmbed {
  expect(data.embeds, 'one embed').toHaveLength(1)
  return (data.embeds as APIEmbed[])[0] as APIEmbed
}

function field(embed: APIEmbed, name: RegExp): string | undefined {
  return embed.fields?.find((f) => name.test(f.name))?.value
}

function buttons(data: CallbackData): Array<{ label: string; custom_id: string }> {
  return ((data.components ?? []) as Array<{ components: Array<{ label: string; custom_id: string }> }>).flatMap((row) => row.components)
}

async function choices(name: string, focused: string, value: string, init: Init = {}) {
  const handle = send(discord.autocomplete({ name, focused: { name: focused, value }, ...init }))
  return (await handle.waitForCallback(REPLY_TIMEOUT)).data.choices ?? []
}

/** Presses a button on the message a command replied with. */
function press(handle: InteractionHandle, label: RegExp, data: CallbackData, init: Init = {}) {
  const button = buttons(data).find((b) => label.test(b.label))
  expect(button, `a ${label} button`).toBeDefined()
  const message = handle.originalMessage() as APIMessage
  expect(message, 'the message the button is on').not.toBeNull()
  return send(discord.button({ customId: button?.custom_id as string, message, memberPermissions: MODERATOR, ...init }))
}

async function articleAdd(source: ReturnType<typeof option.string>, init: Init = {}) {
  const handle = command('article', [option.subcommand('add', [source])], { memberPermissions: MODERATOR, ...init })
  return { handle, data: await replyOf(handle) }
}

/** Asks until the answer comes from `title` (the article went live), for at most `withinMs`. */
async function askUntilAnsweredFrom(question: string, title: string, withinMs: number, init: Init = {}): Promise<number> {
  const started = Date.now()
  for (let attempt = 0; attempt < 50; attempt++) {
    const data = await replyOf(command('ask', [option.string('question', question)], init))
    const source = field(onlyEmbed(data), /^Source$/)
    if (source && unmarkdown(source).includes(title)) return Date.now() - started
    if (Date.now() - started > withinMs) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no answer from “${title}” within ${withinMs} ms`)
}

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'articles-e2e-'))
  copyFileSync(join(ROOT, 'corpus/istanbul-talks.md'), join(corpus, 'istanbul-talks.md'))
  copyFileSync(join(ROOT, 'tests/fixtures/wire-corpus/valdoria-budget.md'), join(corpus, 'valdoria-budget.md'))
  // A bad file beside good ones: skipped with one log line, the bot still starts.
  writeFileSync(join(corpus, 'broken-title.md'), '---\ntitle: [unclosed\n---\n\nA paragraph.\n')
  const page = readFileSync(join(ROOT, 'tests/fixtures/html/news-with-boilerplate.html'))
  site = createServer((req, res) => {
    switch (req.url) {
      case '/story':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(page)
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' })
        return res.end(Buffer.alloc(2 * 1024 * 1024 + 1024, 'a'))
      case '/loop':
        res.writeHead(302, { location: '/loop' })
        return res.end()
      case '/data.json':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end('{"title":"not a page"}')
      default:
        res.writeHead(404)
        return res.end()
    }
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  discord = await startFakeDiscord({
    token: BOT_TOKEN,
    guilds: [
      { id: GUILD_A, channels: [{ id: CHANNEL_A, name: 'general' }] },
      { id: GUILD_B, name: 'Other Guild', channels: [{ id: CHANNEL_B, name: 'news' }] },
    ],
  })
  bot = await startBotAgainst(discord, { CORPUS_DIR: corpus, ARTICLE_FETCH_ALLOW_HOSTS: '127.0.0.1' })
}, 60_000)

afterAll(async () => {
  await bot?.stop()
  await discord?.close()
  site?.closeAllConnections()
  await new Promise((resolve) => site?.close(resolve))
  rmSync(corpus, { recursive: true, force: true })
})

describe('start-up and live files', () => {
  it('a bad file at start-up is skipped with one log line naming the file and the field', () => {
    const lines = bot.logs().filter((line) => String(line.msg).includes('broken-title.md'))
    expect(lines).toHaveLength(1)
    expect(lines[0]?.msg).toMatch(/"title"/)
  })

  it('a bad file landing while running gets one log line; the rest keeps serving', async () => {
    writeFileSync(join(corpus, 'bad-date.md'), '---\ntitle: T\npublished: 12 March 2024\n---\n\nA paragraph.\n')
    await bot.waitForLog((line) => String(line.msg).includes('bad-date.md') && String(line.msg).includes('"published"'), 10_000)
    const listed = onlyEmbed(await replyOf(command('articles')))
    expect(listed.fields?.map((f) => f.name).sort()).toEqual([ISTANBUL.title, WIRE.title].sort())
    rmSync(join(corpus, 'bad-date.md'))
  })
})

describe('two articles', () => {
  it('article autocomplete: one choice per article, value the slug, label title with outlet and date (≤ 100)', async () => {
    for (const name of ['ask', 'quote', 'summary', 'pin-summary']) {
      const found = await choices(name, 'article', '', name === 'pin-summary' ? { memberPermissions: MODERATOR } : {})
      expect(found.map((choice) => choice.value).sort(), name).toEqual([ISTANBUL.slug, WIRE.slug])
      const wire = found.find((choice) => choice.value === WIRE.slug)
      expect(wire?.name.startsWith(WIRE.title.slice(0, 40))).toBe(true)
      expect(wire?.name.length).toBeLessThanOrEqual(100)
    }
    // Typing narrows the choices.
    expect((await choices('ask', 'article', 'valdoria')).map((choice) => choice.value)).toEqual([WIRE.slug])
  })

  it('/articles lists each with title, outlet, date, link, slug, paragraph count and who is quoted', async () => {
    const embed = onlyEmbed(await replyOf(command('articles')))
    expect(embed.fields?.map((f) => f.name).sort()).toEqual([ISTANBUL.title, WIRE.title].sort())
    const wire = field(embed, new RegExp(`^${WIRE.title}$`)) ?? ''
    expect(wire).toContain(WIRE.outlet)
    expect(wire).toContain(WIRE.published)
    expect(wire).toContain(WIRE.url)
    expect(wire).toContain(`\`${WIRE.slug}\``)
    expect(wire).toMatch(/10 paragraphs/)
    expect(wire).toContain('Tomas Varga')
  })

  it('/ask names its article: source line with title, outlet and date, the URL as the embed url', async () => {
    const embed = onlyEmbed(await replyOf(command('ask', [option.string('question', 'By how much is public spending cut?')])))
    const source = unmarkdown(field(embed, /^Source$/) ?? '')
    expect(source).toContain(WIRE.title)
    expect(source).toContain(WIRE.outlet)
    expect(source).toContain(WIRE.published)
    expect(embed.url).toBe(WIRE.url)
  })

  it('/ask article:<slug> searches only that article', async () => {
    const embed = onlyEmbed(await replyOf(command('ask', [option.string('question', 'By how much is public spending cut?'), option.string('article', ISTANBUL.slug)])))
    expect(field(embed, /^Source$/) ?? '').not.toContain(WIRE.title)
  })

  it('/summary article:<slug> summarises that article; without it, the newest, saying article: picks another', async () => {
    for (const article of [ISTANBUL, WIRE]) {
      const embed = onlyEmbed(await replyOf(command('summary', [option.string('article', article.slug)])))
      expect(embed.title).toBe(`Summary: ${article.title}`)
      expect((embed.description ?? '').length).toBeGreaterThan(0)
    }
    const fallback = onlyEmbed(await replyOf(command('summary')))
    expect([ISTANBUL, WIRE].map((article) => `Summary: ${article.title}`)).toContain(fallback.title)
    expect(field(fallback, /^Article$/)).toMatch(/article:/)
  })

  it('/pin-summary per article: two pinned in one channel, then one re-pinned: exactly two, the old one of that article unpinned', async () => {
    const pinOf = async (slug: string) => {
      const data = await replyOf(command('pin-summary', [option.string('article', slug)], { memberPermissions: MODERATOR }))
      expect(data.flags).toBe(EPHEMERAL)
      return data
    }
    const botSummaries = () =>
      discord
        .pinnedMessageIds(CHANNEL_A)
        .map((id) => discord.message(id) as APIMessage)
        .filter((message) => message.author.id === discord.applicationId)
    await pinOf(ISTANBUL.slug)
    await pinOf(WIRE.slug)
    const before = botSummaries()
    expect(before.map((message) => message.embeds[0]?.title).sort()).toEqual([`Summary: ${ISTANBUL.title}`, `Summary: ${WIRE.title}`].sort())
    const oldWire = before.find((message) => message.embeds[0]?.title === `Summary: ${WIRE.title}`) as APIMessage
    const oldIstanbul = before.find((message) => message.embeds[0]?.title === `Summary: ${ISTANBUL.title}`) as APIMessage
    await pinOf(WIRE.slug)
    const after = botSummaries()
    expect(after).toHaveLength(2)
    expect(after.map((message) => message.id)).toContain(oldIstanbul.id)
    expect(after.map((message) => message.id)).not.toContain(oldWire.id)
  })
})

describe('/article add and remove', () => {
  it('refuses a member without Manage Server, ephemerally, and writes nothing', async () => {
    const attachment = discord.uploadAttachment(`${ATTACHED_SLUG}.md`, ATTACHED, 'text/markdown; charset=utf-8')
    const data = await replyOf(command('article', [option.subcommand('add', [option.attachment('file', attachment)])], { memberPermissions: DEFAULT_MEMBER_PERMISSIONS }))
    expect(data.content).toMatch(/Manage Server/)
    expect(existsSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`))).toBe(false)
  })

  it.each([
    ['a private address without the allow list', () => 'http://10.20.30.40/story', /private or local address/],
    ['a page over 2 MB', () => `${siteUrl}/huge`, /larger than 2 MB/],
    ['a redirect loop', () => `${siteUrl}/loop`, /redirects more than 3 times/],
    ['a content type that is not HTML or text', () => `${siteUrl}/data.json`, /application\/json/],
    ['a scheme other than http(s)', () => 'ftp://127.0.0.1/story', /only fetch http and https/],
  ])('refuses %s with one ephemeral sentence', async (_label, url, reason) => {
    const { data } = await articleAdd(option.string('url', url()))
    expect(data.flags ?? EPHEMERAL).toBe(EPHEMERAL)
    expect(data.embeds ?? []).toEqual([])
    expect(data.components ?? []).toEqual([])
    expect(data.content).toMatch(reason)
    expect(data.content?.split('\n')).toHaveLength(1)
  })

  it('refuses a malformed .md, naming the field', async () => {
    const bad = discord.uploadAttachment('broken.md', '---\ntitle: [unclosed\n---\n\nA paragraph.\n', 'text/markdown')
    const { data } = await articleAdd(option.attachment('file', bad))
    expect(data.content).toMatch(/broken\.md.*"title"/)
    expect(data.components ?? []).toEqual([])
  })

  it('from an attachment: ephemeral preview with Add and Cancel; Add writes guilds/<id>/<slug>.md; /ask answers from it within 5 s', async () => {
    const attachment = discord.uploadAttachment(`${ATTACHED_SLUG}.md`, ATTACHED, 'text/markdown; charset=utf-8')
    const { handle, data } = await articleAdd(option.attachment('file', attachment))
    const preview = onlyEmbed(data)
    expect(preview.title).toBe('Lake Merrow ferry returns after winter refit')
    expect(field(preview, /^Outlet$/)).toBe('Merrow Post')
    expect(field(preview, /^Published$/)).toBe('2025-04-02')
    expect(field(preview, /^Paragraphs$/)).toBe('2')
    expect(field(preview, /^Sections$/)).toContain('Timetable')
    expect(field(preview, /^Quoted$/)).toContain('Odile Brenner')
    expect(buttons(data).map((b) => b.label)).toEqual(['Add', 'Cancel'])
    expect(existsSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`)), 'nothing written before Add').toBe(false)

    const added = await press(handle, /^Add$/, data).waitForCallback(REPLY_TIMEOUT)
    const pressedAt = Date.now()
    expect(added.type).toBe(7)
    expect(added.data.content).toMatch(new RegExp(`/ask article:${ATTACHED_SLUG}`))
    expect(added.data.components ?? []).toEqual([])
    expect(readFileSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`), 'utf8')).toContain('Odile Brenner')
    const elapsed = await askUntilAnsweredFrom('How many crossings a day will the ferry run?', 'Lake Merrow ferry', 5_000)
    expect(Date.now() - pressedAt).toBeLessThan(5_000)
    expect(elapsed).toBeLessThan(5_000)
  })

  it('from a URL on a local site: the page’s paragraphs, title and outlet; answered within 5 s', async () => {
    const { handle, data } = await articleAdd(option.string('url', `${siteUrl}/story`))
    const preview = onlyEmbed(data)
    expect(preview.title).toBe(PAGE_TITLE)
    expect(field(preview, /^Outlet$/)).toBe('The Coastal Courier')
    expect(field(preview, /^Published$/)).toBe('2025-06-03')
    expect(field(preview, /^Paragraphs$/)).toBe('5')
    expect(field(preview, /^Quoted$/)).toContain('Teodor Brandt')
    const added = await press(handle, /^Add$/, data).waitForCallback(REPLY_TIMEOUT)
    expect(added.data.content).toContain(PAGE_SLUG)
    const file = readFileSync(join(corpus, 'guilds', GUILD_A, `${PAGE_SLUG}.md`), 'utf8')
    expect(file).not.toMatch(/cookies|Comments|Related stories|All rights reserved/)
    await askUntilAnsweredFrom('How many dockworkers walked out over night-shift pay?', PAGE_TITLE, 5_000)
  })

  it('Cancel writes nothing', async () => {
    const attachment = discord.uploadAttachment('cancelled-story.txt', 'A cancelled story\nIts only paragraph says nothing of note.\n', 'text/plain; charset=utf-8')
    const { handle, data } = await articleAdd(option.attachment('file', attachment))
    expect(onlyEmbed(data).title).toBe('A cancelled story')
    const cancelled = await press(handle, /^Cancel$/, data).waitForCallback(REPLY_TIMEOUT)
    expect(cancelled.data.content).toMatch(/nothing was added/i)
    expect(existsSync(join(corpus, 'guilds', GUILD_A, 'cancelled-story.md'))).toBe(false)
  })

  it('another server sees none of it: ask, quote, autocomplete and /articles are scoped', async () => {
    const asked = onlyEmbed(await replyOf(command('ask', [option.string('question', 'How many crossings a day will the ferry run?')], inB())))
    expect(unmarkdown(field(asked, /^Source$/) ?? '')).not.toContain('Lake Merrow')
    const quoted = onlyEmbed(await replyOf(command('quote', [option.string('query', 'Odile Brenner')], inB())))
    expect(quoted.description ?? '').not.toContain('eleven crossings')
    expect((await choices('ask', 'article', '', inB())).map((choice) => choice.value).sort()).toEqual([ISTANBUL.slug, WIRE.slug])
    expect((await choices('quote', 'query', 'Odile', inB())).map((choice) => choice.name).join(' ')).not.toContain('Odile')
    const listed = onlyEmbed(await replyOf(command('articles', [], inB())))
    expect(listed.fields?.map((f) => f.name).sort()).toEqual([ISTANBUL.title, WIRE.title].sort())
    // Naming it does not help either: the same answer as any unknown slug.
    const named = await replyOf(command('summary', [option.string('article', ATTACHED_SLUG)], inB()))
    expect(named.content).toMatch(/no article/i)
    // The server that added it sees all four.
    const own = onlyEmbed(await replyOf(command('articles')))
    expect(own.fields).toHaveLength(4)
  })

  it('a shared article cannot be removed from Discord; another server cannot remove this one', async () => {
    const shared = await replyOf(command('article', [option.subcommand('remove', [option.string('article', ISTANBUL.slug)])], { memberPermissions: MODERATOR }))
    expect(shared.content).toMatch(/shared by every server/)
    expect(shared.components ?? []).toEqual([])
    const foreign = await replyOf(command('article', [option.subcommand('remove', [option.string('article', ATTACHED_SLUG)])], inB({ memberPermissions: MODERATOR })))
    expect(foreign.content).toMatch(/no article/)
    expect(existsSync(join(corpus, 'istanbul-talks.md'))).toBe(true)
    expect(existsSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`))).toBe(true)
  })

  it('/article remove autocompletes only this server’s own articles', async () => {
    const own = send(discord.autocomplete({ name: 'article', subcommand: 'remove', focused: { name: 'article', value: '' }, memberPermissions: MODERATOR }))
    expect(((await own.waitForCallback(REPLY_TIMEOUT)).data.choices ?? []).map((choice) => choice.value).sort()).toEqual([ATTACHED_SLUG, PAGE_SLUG].sort())
    const other = send(discord.autocomplete({ name: 'article', subcommand: 'remove', focused: { name: 'article', value: '' }, memberPermissions: MODERATOR, ...inB() }))
    expect((await other.waitForCallback(REPLY_TIMEOUT)).data.choices ?? []).toEqual([])
  })

  it('/article remove asks first, then deletes the file and the article stops answering', async () => {
    const handle = command('article', [option.subcommand('remove', [option.string('article', ATTACHED_SLUG)])], { memberPermissions: MODERATOR })
    const data = await replyOf(handle)
    expect(data.flags).toBe(EPHEMERAL)
    expect(buttons(data).map((b) => b.label)).toEqual(['Remove', 'Keep it'])
    expect(existsSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`)), 'nothing deleted before confirming').toBe(true)
    const removed = await press(handle, /^Remove$/, data).waitForCallback(REPLY_TIMEOUT)
    expect(removed.data.content).toMatch(/Removed/)
    expect(existsSync(join(corpus, 'guilds', GUILD_A, `${ATTACHED_SLUG}.md`))).toBe(false)
    const listed = onlyEmbed(await replyOf(command('articles')))
    expect(listed.fields?.map((f) => f.name)).not.toContain('Lake Merrow ferry returns after winter refit')
  })
})

describe('the whole run', () => {
  it('every body sent fits Discord’s limits, nothing was refused 50035, every interaction got one response', async () => {
    const breaches = discord.requests.flatMap((request) => {
      const body = messageBodyOf(request)
      return body ? limitBreaches(body).map((problem) => `${request.route}: ${problem}`) : []
    })
    expect(breaches).toEqual([])
    expect(discord.requests.filter((request) => (request.response as { code?: number } | undefined)?.code === 50035)).toEqual([])
    for (const handle of dispatched) expect((await handle.waitForCallback(REPLY_TIMEOUT)).status).toBeLessThan(300)
  })
})
