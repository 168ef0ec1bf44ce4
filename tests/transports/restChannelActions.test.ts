import { REST } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChannelActionError } from '../../src/interactions/channelActions.ts'
import { restChannelActions } from '../../src/transports/discordRest/restChannelActions.ts'
import { DEFAULT_CHANNEL_ID, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'

/** Channel actions over REST against the local Discord-compatible server: what "Post in channel" asks before posting. */
const HIDDEN_CHANNEL = '1300000000000000299'
let discord: FakeDiscord
let rest: REST

beforeAll(async () => {
  discord = await startFakeDiscord({ guilds: [{ channels: [{ id: DEFAULT_CHANNEL_ID }, { id: HIDDEN_CHANNEL, name: 'hidden', botPermissions: 0n }] }] })
  rest = new REST({ api: discord.apiUrl }).setToken(discord.token)
})

afterAll(async () => {
  rest.clearHashSweeper()
  rest.clearHandlerSweeper()
  await discord.close()
})

describe('restChannelActions.messageExists', () => {
  it('GIVEN a message in the channel THEN true; once deleted THEN false (10008)', async () => {
    const message = discord.postUserMessage({ content: 'a claim' })
    const channel = restChannelActions(rest, discord.channelId)
    expect(await channel.messageExists?.(message.id)).toBe(true)
    discord.deleteMessage(message.id)
    expect(await channel.messageExists?.(message.id)).toBe(false)
  })

  it('GIVEN a channel that does not exist THEN false (10003: the message went with it)', async () => {
    expect(await restChannelActions(rest, '1300000000000000777').messageExists?.('1300000000000000778')).toBe(false)
  })

  it('GIVEN a channel the bot cannot see THEN a ChannelActionError (it cannot tell), not a false "deleted"', async () => {
    const error = await restChannelActions(rest, HIDDEN_CHANNEL).messageExists?.('1300000000000000778').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ChannelActionError)
    expect((error as ChannelActionError).failure).toBe('missing-access')
  })
})
