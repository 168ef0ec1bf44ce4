import { afterAll, describe, expect, it } from 'vitest'
import { option, startFakeDiscord, type FakeDiscord } from '../discord-server/fakeDiscord.ts'
import { BOT_TOKEN, Child, childEnv, REPLY_TIMEOUT, waitUntil } from './helpers.ts'

/**
 * `npm run start:sharded` against a local server whose GET /gateway/bot
 * recommends 2 shards: discord.js's ShardingManager starts two processes,
 * they identify as [0, 2] and [1, 2], each gets the guilds Discord's formula
 * puts on it and answers their interactions; the manager sums their counters.
 */
/** A guild id on a given shard of 2: (id >> 22) % 2. */
function guildOnShard(shard: number, seed: bigint): string {
  return (((seed * 2n + BigInt(shard)) << 22n) | 1n).toString()
}
const GUILDS = [guildOnShard(0, 400_000_000_000n), guildOnShard(1, 400_000_000_000n)]
const CHANNELS = new Map(GUILDS.map((id, i) => [id, guildOnShard(i, 400_000_000_100n)]))

let discord: FakeDiscord | undefined
let manager: Child | undefined

afterAll(async () => {
  await manager?.stop()
  await discord?.close()
})

describe('start:sharded', () => {
  it('GIVEN /gateway/bot says 2 shards THEN two shards identify with [0,2] and [1,2], each answers its guild, metrics are summed, and SIGTERM stops both', async () => {
    discord = await startFakeDiscord({ token: BOT_TOKEN, shards: 2, guilds: GUILDS.map((id) => ({ id, name: `guild ${id.slice(-4)}`, channels: [{ id: CHANNELS.get(id) ?? '' }] })) })
    const fake = discord
    expect(GUILDS.map((id) => fake.shardOf(id))).toEqual([0, 1])
    manager = new Child(['src/transports/gateway/startShardedBot.ts'], childEnv({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: fake.apiUrl, METRICS_PORT: '0' }))
    const metricsUrl = String((await manager.waitForLog((line) => line.msg === 'serving metrics', 20_000)).url)
    await waitUntil(() => fake.readyShards().length === 2, 'both shards to be ready', 40_000)
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ])
    await waitUntil(() => manager!.logs().filter((line) => line.msg.startsWith('ready in')).length === 2, 'both shards to log ready', 20_000)

    for (const guildId of GUILDS) {
      const channelId = CHANNELS.get(guildId) ?? ''
      const callback = await fake.dispatchInteraction(fake.slashCommand({ name: 'ask', guildId, channelId, options: [option.string('question', 'Who mediated the talks?')] })).waitForCallback(REPLY_TIMEOUT)
      expect(callback.type).toBe(4)
      expect(callback.data.embeds?.[0]?.description ?? '').not.toBe('')
    }
    // Each guild was answered by a different shard process.
    await waitUntil(() => manager!.logs().filter((line) => line.msg === 'interaction').length === 2, 'two interaction log lines')
    const answeredBy = new Map(manager.logs().filter((line) => line.msg === 'interaction').map((line) => [line.guildId, JSON.stringify(line.shard)]))
    expect(GUILDS.map((id) => answeredBy.get(id))).toEqual(['0', '1'])

    const text = await (await fetch(metricsUrl)).text()
    expect(text).toMatch(/^bot_interactions_total\{kind="command",command="ask",outcome="ok"\} 2$/m)
    expect(text).toMatch(/^bot_guilds 2$/m)
    expect(text).toMatch(/^bot_shards 2$/m)

    manager.process.kill('SIGTERM')
    expect((await manager.exited).code).toBe(0)
    expect(fake.gatewayCloses.filter((close) => close.code === 1000).map((close) => close.shard?.[0]).sort()).toEqual([0, 1])
  }, 90_000)
})
