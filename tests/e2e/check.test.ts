/**
 * End to end: "Check against the article" (a message context-menu command), its "Post in channel"
 * button, user installs and /help, with the real bot (`src/main.ts`, discord.js over the gateway)
 * against the fake Discord server. Claims are checked against the project's corpus article
 * (`corpus/istanbul-talks.md`); assertions are on facts of the article and on payloads, not on
 * the engine's exact wording.
 */
import type { APIEmbed, APIMessage } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECK_COMMAND_NAME } from '../../commands/check.ts'
import { commandDefinitions } from '../../commands/index.ts'
import { NOT_PRESENT_APP_PERMISSIONS, buildUserMessage, option, startFakeDiscord } from '../discord-server/fakeDiscord.ts'
import type { CallbackData, FakeDiscord, InteractionHandle } from '../discord-server/fakeDiscord.ts'
import { ARTICLE_TITLE, BOT_TOKEN, PARAGRAPHS, REPLY_TIMEOUT, expectRunWithinDiscordLimits, limitBreaches, messageBodyOf, normalise, startBotAgainst, unmarkdown, unquote } from './helpers.ts'
import type { Child } from './helpers.ts'

const EPHEMERAL = 64
/** A server the bot is not a member of, where someone who installed the app for themselves uses it. */
const FOREIGN_GUILD = '1300000000000077100'
const FOREIGN_CHANNEL = '1300000000000077200'

let discord: FakeDiscord
let bot: Child

beforeAll(async () => {
  discord = await startFakeDiscord({ token: BOT_TOKEN })
  bot = await startBotAgainst(discord)
}, 60_000)

afterAll(async () => {
  await bot?.stop()
  await discord?.close()
})

type Where = Omit<Parameters<FakeDiscord['messageCommand']>[0], 'name' | 'target'>

function check(target: APIMessage | null, where: Where = {}): InteractionHandle {
  return discord.dispatchInteraction(discord.messageCommand({ name: CHECK_COMMAND_NAME, target, ...where }))
}

/** Someone posts `content` in the channel, someone right-clicks it: the check's first (and only) response. */
async function checkClaim(content: string, where: Where = {}): Promise<{ handle: InteractionHandle; data: CallbackData; target: APIMessage }> {
  // In a server the bot is not in, the fake knows no channel to keep the message in: Discord just includes it.
  const target = where.installation === 'user' && where.channelId ? buildUserMessage({ content, channelId: where.channelId, author: discord.user }) : discord.postUserMessage({ content })
  const handle = check(target, where)
  const callback = await handle.waitForCallback(REPLY_TIMEOUT)
  expect(callback.type, 'a reply, not deferred').toBe(4)
  return { handle, data: callback.data, target }
}

function onlyEmbed(data: CallbackData): APIEmbed {
  expect(data.embeds, 'one embed').toHaveLength(1)
  return (data.embeds as APIEmbed[])[0] as APIEmbed
}

function buttonIds(data: CallbackData): string[] {
  return ((data.components ?? []) as Array<{ components: Array<{ custom_id?: string }> }>).flatMap((row) => row.components.flatMap((button) => (button.custom_id ? [button.custom_id] : [])))
}

/** The quoted passage of a check: after the lead line, a block quote verbatim from one paragraph of the article. */
function quotedPassage(embed: APIEmbed): { lead: string; passage: string; underlined: string[] } {
  const [lead = '', ...quote] = (embed.description ?? '').split('\n')
  const quoted = quote.filter((line) => line.startsWith('>'))
  expect(quoted.length, 'a block quote').toBeGreaterThan(0)
  const passage = normalise(unmarkdown(unquote(quoted.join('\n'))))
  expect(PARAGRAPHS.some((paragraph) => normalise(paragraph).includes(passage.replace(/\s*…$/, ''))), `verbatim from the article: ${passage}`).toBe(true)
  const underlined = [...quoted.join('\n').matchAll(/__(.+?)__/g)].map((match) => unmarkdown(match[1] ?? '').toLowerCase())
  return { lead: unmarkdown(lead), passage, underlined }
}

/** Clicks "Post in channel" on the ephemeral check a handle answered with. */
async function postInChannel(handle: InteractionHandle, where: Where = {}): Promise<{ data: CallbackData; type: number; handle: InteractionHandle }> {
  const ephemeral = handle.originalMessage()
  expect(ephemeral, 'the ephemeral check is stored').not.toBeNull()
  const [customId] = buttonIds({ components: (ephemeral as APIMessage).components })
  expect(customId).toMatch(/^check:post:\d+$/)
  const click = discord.dispatchInteraction(discord.button({ customId: customId as string, message: ephemeral as APIMessage, ...where }))
  const callback = await click.waitForCallback(REPLY_TIMEOUT)
  return { data: callback.data, type: callback.type, handle: click }
}

describe('Check against the article', () => {
  it('GIVEN a claim a minister makes in the article THEN an ephemeral reply quoting his passage, saying he says it, the claim’s words underlined, a Post button and 👍/👎', async () => {
    const { data, target } = await checkClaim('Tarar said the talks failed because of Kabul’s lack of seriousness')
    expect(data.flags).toBe(EPHEMERAL)
    expect(data.allowed_mentions).toEqual({ parse: [], users: [] })
    const embed = onlyEmbed(data)
    expect(embed.author?.name).toMatch(/^Claim: Tarar said/)
    expect(embed.author?.url).toBe(`https://discord.com/channels/${discord.guildId}/${discord.channelId}/${target.id}`)
    const { lead, passage, underlined } = quotedPassage(embed)
    expect(lead).toMatch(/^The article reports that Attaullah Tarar\b.* says:$/)
    expect(passage).toContain('lack of seriousness')
    expect(underlined).toEqual(expect.arrayContaining(['seriousness', 'failed']))
    // It reports; it never rules.
    expect(`${embed.description} ${embed.footer?.text}`).not.toMatch(/\b(?:true|false|correct|incorrect)\b/i)
    // Post in channel, then 👍/👎 on the passage the check quoted (the one holding Tarar's words).
    const [post, ...votes] = buttonIds(data)
    expect(post).toBe(`check:post:${target.id}`)
    expect(votes).toHaveLength(2)
    const votedOn = votes.map((id) => /^vote:[ud]:(.+)$/.exec(id)?.[1])
    expect(new Set(votedOn).size).toBe(1)
    expect(votedOn[0]).toMatch(/^istanbul-talks-p\d+/)
  })

  it('GIVEN a claim the article reports as denied THEN "The article reports that Islamabad denies this", quoting the denial', async () => {
    const { data } = await checkClaim('Pakistan allowed US drone operations from its territory')
    const embed = onlyEmbed(data)
    const { lead, passage, underlined } = quotedPassage(embed)
    expect(lead).toBe('The article reports that Islamabad denies this:')
    expect(passage).toContain('strongly denies')
    expect(underlined).toEqual(expect.arrayContaining(['drone', 'operations']))
  })

  it('GIVEN a claim the article never addresses THEN it says so plainly, with what the article covers, and quotes nothing', async () => {
    const { data } = await checkClaim('Bananas are a good source of potassium')
    const embed = onlyEmbed(data)
    expect(embed.description).toMatch(/^The article does not address this\./)
    expect(embed.description).not.toContain('>')
    const covers = embed.fields?.find((field) => field.name === 'What the article covers')?.value ?? ''
    expect(unmarkdown(covers)).toContain(ARTICLE_TITLE)
  })

  it('GIVEN "Post in channel" THEN the same check is posted publicly as the interaction’s reply, without buttons, pinging nobody — even when the claim mentions people', async () => {
    const { handle, data: ephemeral } = await checkClaim(`@everyone <@${discord.user.id}> Pakistan allowed US drone operations from its territory`)
    const posted = await postInChannel(handle)
    expect(posted.type).toBe(4)
    expect(posted.data.flags ?? 0).toBe(0)
    expect(posted.data.allowed_mentions).toEqual({ parse: [], users: [] })
    expect(posted.data.components ?? []).toEqual([])
    const [embed] = (posted.data.embeds ?? []) as APIEmbed[]
    expect(embed?.description).toBe(onlyEmbed(ephemeral).description)
    expect(embed?.author?.name).toBe(onlyEmbed(ephemeral).author?.name)
    const stored = posted.handle.originalMessage()
    expect(stored && discord.messages().some((message) => message.id === stored.id), 'a public message in the channel').toBe(true)
    expect(stored?.mentions).toEqual([])
    expect(stored?.mention_everyone).toBe(false)
  })
})

describe('Check against the article: bad input', () => {
  async function refusal(target: APIMessage | null, where: Where = {}): Promise<string> {
    const callback = await check(target, where).waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(4)
    expect(callback.data.flags, 'ephemeral').toBe(EPHEMERAL)
    expect(callback.data.embeds ?? []).toEqual([])
    return callback.data.content ?? ''
  }

  it('GIVEN a 4,000-character claim THEN it is checked on its beginning and says so, within Discord’s limits', async () => {
    const claim = `Pakistan allowed US drone operations from its territory. ${'Everyone knows this already. '.repeat(200)}`.slice(0, 4000)
    expect(claim.length).toBe(4000)
    const { data } = await checkClaim(claim)
    expect(data.flags).toBe(EPHEMERAL)
    const embed = onlyEmbed(data)
    expect(embed.description).toContain('Your message is long: I checked its beginning.')
    expect((embed.author?.name ?? '').length).toBeLessThanOrEqual(256)
    expect(limitBreaches(data as never)).toEqual([])
  })

  it.each([
    ['only a link', 'https://example.com/news/2025/11/story', /only a link/],
    ['only emoji', '😂🔥👍 <:pepe:123456789012345678>', /no words to check/],
  ])('GIVEN a message of %s THEN a clear ephemeral answer', async (_, content, expected) => {
    expect(await refusal(discord.postUserMessage({ content }))).toMatch(expected)
  })

  it('GIVEN a message with only an embed THEN it says the message has only embeds', async () => {
    expect(await refusal(discord.postUserMessage({ content: '', embeds: [{ title: 'Link preview', description: 'Pakistan allowed drones' }] }))).toMatch(/only embeds/)
  })

  it('GIVEN a message with only attachments THEN it says the message has only attachments', async () => {
    expect(await refusal(discord.postUserMessage({ content: '', attachments: ['screenshot.png'] }))).toMatch(/only attachments/)
  })

  it('GIVEN one of the bot’s own messages THEN it says so instead of checking the article against itself', async () => {
    expect(await refusal(discord.postUserMessage({ content: 'Pakistan allowed US drone operations', author: discord.botUser }))).toMatch(/one of my own messages/)
  })

  it('GIVEN a target Discord could not include (deleted meanwhile) THEN one clear ephemeral answer', async () => {
    expect(await refusal(null)).toMatch(/may have been deleted/)
  })

  it('GIVEN the checked message is deleted before "Post in channel" THEN one ephemeral answer saying so, and nothing posted', async () => {
    const { handle, target } = await checkClaim('Pakistan allowed US drone operations from its territory')
    discord.deleteMessage(target.id)
    const before = discord.messages().length
    const posted = await postInChannel(handle)
    expect(posted.data.flags).toBe(EPHEMERAL)
    expect(posted.data.content).toMatch(/has been deleted/)
    expect(discord.messages().length).toBe(before)
  })

  it('GIVEN a "Post in channel" click on a message that is not a check (stale or forged id) THEN a clear ephemeral answer', async () => {
    const click = discord.dispatchInteraction(discord.button({ customId: 'check:post:123' }))
    const callback = await click.waitForCallback(REPLY_TIMEOUT)
    expect(callback.data.flags).toBe(EPHEMERAL)
    expect(callback.data.content).toMatch(/out of date/)
  })
})

describe('user install: in a server without the bot, and in group DMs', () => {
  const foreign: Where = { guildId: FOREIGN_GUILD, channelId: FOREIGN_CHANNEL, installation: 'user' }

  it('GIVEN a check in a server the bot is not in THEN it answers, and "Post in channel" posts through the interaction reply without touching the channel’s REST routes', async () => {
    const { handle, data } = await checkClaim('Pakistan allowed US drone operations from its territory', foreign)
    expect(handle.payload.app_permissions).toBe(NOT_PRESENT_APP_PERMISSIONS.toString())
    expect(onlyEmbed(data).description).toContain('denies this')
    const seq = discord.requests.at(-1)?.seq ?? 0
    const posted = await postInChannel(handle, foreign)
    expect(posted.type).toBe(4)
    expect(posted.data.flags ?? 0).toBe(0)
    expect(posted.data.allowed_mentions).toEqual({ parse: [], users: [] })
    // No channel actions where the bot is not a member (they would fail with 50001).
    expect(discord.requests.filter((r) => r.seq > seq && r.path.startsWith(`/channels/${FOREIGN_CHANNEL}`))).toEqual([])
  })

  it('GIVEN /ask through a user install in a server the bot is not in THEN a normal answer', async () => {
    const callback = await discord.dispatchInteraction(discord.slashCommand({ name: 'ask', options: [option.string('question', 'Where was the temporary truce reached?')], ...foreign })).waitForCallback(REPLY_TIMEOUT)
    expect(callback.type).toBe(4)
    expect(JSON.stringify(callback.data.embeds)).toContain('Doha')
  })

  it('GIVEN /pin-summary through a user install (Discord would not offer it) THEN a clear refusal, no channel touched', async () => {
    const handle = discord.dispatchInteraction(discord.slashCommand({ name: 'pin-summary', ...foreign, memberPermissions: (1n << 51n) | 0x400n }))
    const edit = await handle.waitForEditReply(0, REPLY_TIMEOUT)
    expect(edit.body.content).toMatch(/needs me added to this server/)
  })

  it('GIVEN a check in a group DM THEN it answers there', async () => {
    const channelId = '1300000000000077300'
    const target = discord.postUserMessage({ content: 'Qatar and Turkey brokered a ceasefire', channelId: discord.channelId })
    const callback = await check({ ...target, channel_id: channelId }, { guildId: null, groupDm: true, channelId }).waitForCallback(REPLY_TIMEOUT)
    expect(callback.data.flags).toBe(EPHEMERAL)
    expect(JSON.stringify(callback.data.embeds)).toContain('Doha')
  })
})

describe('/help', () => {
  it('GIVEN /help THEN an ephemeral overview naming every registered command with an example, and the article loaded', async () => {
    const callback = await discord.dispatchInteraction(discord.slashCommand({ name: 'help' })).waitForCallback(REPLY_TIMEOUT)
    expect(callback.data.flags).toBe(EPHEMERAL)
    const embed = onlyEmbed(callback.data)
    const text = unmarkdown(embed.description ?? '')
    for (const command of commandDefinitions()) {
      const shown = command.type === 3 ? `Apps → ${command.name}` : `/${command.name}`
      expect(text, `names ${shown}`).toContain(shown)
    }
    expect(text.match(/e\.g\. `/g)?.length).toBe(commandDefinitions().length)
    expect(unmarkdown(embed.fields?.[0]?.value ?? '')).toContain(ARTICLE_TITLE)
  })
})

describe('the whole run', () => {
  it('every message body the bot sent is within Discord’s limits, and Discord refused none', () => {
    expect(expectRunWithinDiscordLimits(expect, discord.requests)).toBeGreaterThan(10)
    expect(bot.output).not.toMatch(/handler failed|could not answer/)
  })
})
