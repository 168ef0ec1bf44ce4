import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  Client,
  InteractionContextType,
  DiscordAPIError,
  DiscordjsError,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  REST,
  Routes,
} from 'discord.js';
import type { Interaction, Message, TextChannel } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  MAX_PINS,
  NOT_PRESENT_APP_PERMISSIONS,
  PIN_MESSAGES,
  buildUser,
  option,
  startFakeDiscord,
} from './fakeDiscord.ts';
import type { FakeDiscord, FakeDiscordOptions } from './fakeDiscord.ts';

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

function newClient(discord: FakeDiscord): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
}

async function loginReady(discord: FakeDiscord): Promise<Client> {
  const client = newClient(discord);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  return client;
}

function nextInteraction(client: Client): Promise<Interaction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

function textChannel(client: Client, id: string = DEFAULT_CHANNEL_ID): TextChannel {
  const channel = client.channels.cache.get(id);
  if (!channel || channel.type !== ChannelType.GuildText) throw new Error(`channel ${id} not cached as a text channel`);
  return channel;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** A fake Discord plus a logged-in client for one describe block. */
function useFakeDiscordWithClient(options: FakeDiscordOptions = {}) {
  const ctx = {} as { discord: FakeDiscord; client: Client };
  beforeAll(async () => {
    ctx.discord = await startFakeDiscord(options);
    ctx.client = await loginReady(ctx.discord);
  });
  afterAll(async () => {
    await ctx.client?.destroy();
    await ctx.discord?.close();
  });
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// gateway and login
// ---------------------------------------------------------------------------------------------

describe('fake Discord: login and gateway', () => {
  let discord: FakeDiscord;
  let client: Client | null = null;

  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterEach(async () => {
    await client?.destroy();
    client = null;
  });
  afterAll(async () => {
    await discord.close();
  });

  it('GIVEN the default options WHEN a discord.js Client logs in THEN it is ready quickly with 1 guild, the cached channel and the bot permissions', async () => {
    const started = Date.now();
    client = await loginReady(discord);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(client.guilds.cache.size).toBe(1);
    expect(client.user?.id).toBe(discord.applicationId);
    expect(client.user?.bot).toBe(true);

    const identify = await discord.waitForIdentify();
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.token).toBe(discord.token);
    expect(identify.shard).toEqual([0, 1]);
    expect(discord.identifyPayload).toBe(identify);
    const ready = await discord.waitForReady();
    expect(ready.intents).toBe(GatewayIntentBits.Guilds);

    const gatewayRequest = await discord.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gatewayRequest.headers.authorization).toBe(`Bot ${discord.token}`);
    expect(gatewayRequest.apiVersion).toBe(10);

    const guild = client.guilds.cache.get(DEFAULT_GUILD_ID);
    const channel = textChannel(client);
    expect(channel.guildId).toBe(DEFAULT_GUILD_ID);
    const me = guild?.members.me;
    expect(me).toBeTruthy();
    expect(me && channel.permissionsFor(me).bitfield).toBe(DEFAULT_BOT_PERMISSIONS);
  });

  it('GIVEN a wrong token WHEN the client logs in THEN login rejects with TokenInvalid after a 401 on /gateway/bot', async () => {
    client = newClient(discord);
    const error = await rejection(client.login('wrong-token'));
    expect(error).toBeInstanceOf(DiscordjsError);
    expect((error as DiscordjsError).code).toBe('TokenInvalid');
    const request = await discord.waitForRequest((r) => r.path === '/gateway/bot' && r.status === 401);
    expect(request.response).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  it('GIVEN a raw gateway connection THEN HELLO comes first, heartbeats are acked and a wrong IDENTIFY token closes with 4004', async () => {
    const ws = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    const received: { op: number; d: unknown }[] = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const acked = new Promise<void>((resolve) => {
      ws.on('message', (raw) => {
        const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
        received.push(payload);
        if (payload.op === GatewayOpcodes.Hello) ws.send(JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: null }));
        if (payload.op === GatewayOpcodes.HeartbeatAck) resolve();
      });
    });
    await acked;
    expect(received[0]).toEqual({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 }, s: null, t: null });
    ws.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: 'nope', intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);
  });

  it('GIVEN a ready client WHEN the server asks it to reconnect THEN it RESUMEs and still receives interactions', async () => {
    client = await loginReady(discord);
    const resumed = new Promise<void>((resolve) => client?.once(Events.ShardResume, () => resolve()));
    discord.reconnectClient();
    await resumed;
    expect(discord.gatewayPayloads.some((p) => p.op === GatewayOpcodes.Resume)).toBe(true);

    const received = nextInteraction(client);
    const callback = discord.sendInteraction(discord.slashCommand({ name: 'ping' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply('pong');
    expect((await callback).type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });
});

// ---------------------------------------------------------------------------------------------
// interactions
// ---------------------------------------------------------------------------------------------

describe('fake Discord: interactions', () => {
  const ctx = useFakeDiscordWithClient();

  it('GIVEN a slash command with string, user and boolean options THEN discord.js builds a ChatInputCommandInteraction and an ephemeral reply withResponse arrives as a type-4 callback with flags 64', async () => {
    const { discord, client } = ctx;
    const target = buildUser({ username: 'someone' });
    const payload = discord.slashCommand({
      name: 'quote',
      options: [option.string('question', 'who won?'), option.user('mention', target, 0n), option.boolean('hide', true)],
    });
    const received = nextInteraction(client);
    const handle = discord.dispatchInteraction(payload);
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    expect(interaction.commandName).toBe('quote');
    expect(interaction.channelId).toBe(discord.channelId);
    expect(interaction.guildId).toBe(discord.guildId);
    expect(interaction.inCachedGuild()).toBe(true);
    expect(interaction.user.id).toBe(discord.user.id);
    expect(interaction.options.getString('question')).toBe('who won?');
    expect(interaction.options.getUser('mention')?.username).toBe('someone');
    expect(interaction.options.getBoolean('hide')).toBe(true);
    expect(interaction.appPermissions.has(PIN_MESSAGES)).toBe(true);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(interaction.locale).toBe('en-US');

    const response = await interaction.reply({ content: 'secret answer', flags: MessageFlags.Ephemeral, withResponse: true });
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.data.content).toBe('secret answer');
    expect(callback.withResponse).toBe(true);
    expect(callback.status).toBe(200);
    expect(callback.request.headers.authorization).toBeUndefined();

    expect(response.interaction.responseMessageEphemeral).toBe(true);
    expect(response.resource?.message?.content).toBe('secret answer');
    expect(response.resource?.message?.flags.has(MessageFlags.Ephemeral)).toBe(true);
    // Ephemeral replies are not channel messages.
    expect(discord.messages().some((m) => m.content === 'secret answer')).toBe(false);
    expect(handle.originalMessage()?.content).toBe('secret answer');
  });

  it('GIVEN a public reply THEN the message is stored in the channel as a type-20 message by the bot', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(discord.slashCommand({ name: 'quote' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply({ content: 'public answer', allowedMentions: { parse: [] } });
    const callback = await callbackPromise;
    expect(callback.status).toBe(204);
    expect(callback.withResponse).toBe(false);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    const stored = discord.messages().find((m) => m.content === 'public answer');
    expect(stored?.type).toBe(MessageType.ChatInputCommand);
    expect(stored?.author.id).toBe(discord.botUser.id);
    expect(stored?.interaction_metadata?.id).toBe(interaction.id);
  });

  it('GIVEN an autocomplete interaction THEN respond() arrives as a type-8 callback with the choices', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(discord.autocomplete({ name: 'quote', focused: { name: 'question', value: 'wh' } }));
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected an autocomplete interaction');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'question', value: 'wh' });
    await interaction.respond([{ name: 'who won?', value: 'who won?' }]);
    const callback = await callbackPromise;
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data.choices).toEqual([{ name: 'who won?', value: 'who won?' }]);
    expect(callback.request.query).toEqual({});
  });

  it('GIVEN an autocomplete answer with 26 choices THEN the fake rejects it with 50035', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    discord.dispatchInteraction(discord.autocomplete({ name: 'quote', focused: { name: 'question', value: '' } }));
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected an autocomplete interaction');
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    const error = await rejection(interaction.respond(choices));
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
  });

  it('GIVEN deferReply THEN editReply PATCHes @original and followUp POSTs to the webhook with wait=true', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    const handle = discord.dispatchInteraction(discord.slashCommand({ name: 'quote' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    await interaction.deferReply();
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.request.query).toEqual({ with_response: 'false' });
    expect(handle.originalMessage()?.flags).toBe(MessageFlags.Loading);

    const edited = await interaction.editReply('final answer');
    expect(edited.content).toBe('final answer');
    const edit = await handle.waitForEditReply();
    expect(edit.request.method).toBe('PATCH');
    expect(edit.request.path).toBe(`/webhooks/${discord.applicationId}/${interaction.token}/messages/@original`);
    expect(handle.originalMessage()?.content).toBe('final answer');
    expect(handle.originalMessage()?.flags).toBe(0);

    const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
    expect(followUp.content).toBe('more');
    const post = await handle.waitForFollowUp();
    expect(post.request.path).toBe(`/webhooks/${discord.applicationId}/${interaction.token}`);
    expect(post.request.query.wait).toBe('true');
    expect(post.body.flags).toBe(MessageFlags.Ephemeral);
    expect(handle.followUpMessages().map((m) => m.content)).toEqual(['more']);

    const fetched = await interaction.fetchReply();
    expect(fetched.content).toBe('final answer');
  });

  it('GIVEN a deferred ephemeral reply WHEN the first followUp comes THEN it replaces the thinking message and stays ephemeral', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    const handle = discord.dispatchInteraction(discord.slashCommand({ name: 'quote' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const message = await interaction.followUp('done');
    expect(message.id).toBe(handle.originalMessage()?.id);
    expect(message.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(message.flags.has(MessageFlags.Loading)).toBe(false);
  });

  it('GIVEN an interaction already replied to WHEN it is answered again THEN the fake returns 40060 and discord.js surfaces it', async () => {
    const { discord, client } = ctx;
    const payload = discord.slashCommand({ name: 'quote' });
    const first = nextInteraction(client);
    discord.dispatchInteraction(payload);
    const interaction = await first;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply('first');

    // The same interaction object refuses locally without a request.
    const local = await rejection(interaction.reply('again'));
    expect(local).toBeInstanceOf(DiscordjsError);
    expect((local as DiscordjsError).code).toBe('InteractionAlreadyReplied');

    // A second delivery of the same interaction (another object) reaches Discord and gets 40060.
    const second = nextInteraction(client);
    const handle = discord.dispatchInteraction(payload);
    const duplicate = await second;
    if (!duplicate.isChatInputCommand()) throw new Error('expected a chat input command');
    const error = await rejection(duplicate.reply('second'));
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(40060);
    expect((error as DiscordAPIError).status).toBe(400);
    expect(handle.callbacks().map((c) => c.status)).toEqual([204, 400]);
  });

  it('GIVEN a button interaction THEN update() arrives as a type-7 callback and edits the message', async () => {
    const { discord, client } = ctx;
    const payload = discord.button({ customId: 'next-page' });
    const received = nextInteraction(client);
    const handle = discord.dispatchInteraction(payload);
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a button interaction');
    expect(interaction.customId).toBe('next-page');
    expect(interaction.message.id).toBe(payload.message.id);
    await interaction.update({ content: 'page 2', components: [] });
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
    const message = discord.message(payload.message.id);
    expect(message?.content).toBe('page 2');
    expect(message?.edited_timestamp).not.toBeNull();
  });

  it('GIVEN a DM slash command THEN the interaction has no guild and the reply lands in the DM channel', async () => {
    const { discord, client } = ctx;
    const payload = discord.slashCommand({ name: 'quote', guildId: null });
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(payload);
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.user.id).toBe(discord.user.id);
    await interaction.reply('hi in DM');
    await callbackPromise;
    expect(discord.messages(payload.channel.id).map((m) => m.content)).toEqual(['hi in DM']);
  });

  it('GIVEN a message command on a user’s message THEN discord.js builds a MessageContextMenuCommandInteraction whose target carries content, embeds and attachments', async () => {
    const { discord, client } = ctx;
    const target = discord.postUserMessage({ content: 'a claim', embeds: [{ title: 'preview' }], attachments: ['photo.png'] });
    const payload = discord.messageCommand({ name: 'Check this', target });
    expect(payload.data.type).toBe(ApplicationCommandType.Message);
    expect(payload.data.target_id).toBe(target.id);
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(payload);
    const interaction = await received;
    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message context menu command');
    expect(interaction.targetMessage.content).toBe('a claim');
    expect(interaction.targetMessage.embeds).toHaveLength(1);
    expect(interaction.targetMessage.attachments.size).toBe(1);
    expect(interaction.authorizingIntegrationOwners.guildId).toBe(discord.guildId);
    await interaction.reply({ content: 'checked', flags: MessageFlags.Ephemeral });
    expect((await callbackPromise).data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN a message command whose target Discord did not resolve THEN discord.js has no target message (and does not throw)', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(discord.messageCommand({ name: 'Check this', target: null }));
    const interaction = await received;
    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message context menu command');
    expect(interaction.options.getMessage('message')).toBeNull();
    await interaction.reply({ content: 'gone', flags: MessageFlags.Ephemeral });
    await callbackPromise;
  });

  it('GIVEN a user-install interaction in a server the bot is not in THEN only the user owns it, app permissions are the not-present set, and the bot cannot post there', async () => {
    const { discord, client } = ctx;
    const foreignGuild = '1300000000000099100';
    const foreignChannel = '1300000000000099200';
    const payload = discord.slashCommand({ name: 'quote', guildId: foreignGuild, channelId: foreignChannel, installation: 'user' });
    expect(payload.authorizing_integration_owners).toEqual({ [ApplicationIntegrationType.UserInstall]: discord.user.id });
    expect(BigInt(payload.app_permissions)).toBe(NOT_PRESENT_APP_PERMISSIONS);
    const received = nextInteraction(client);
    const callbackPromise = discord.sendInteraction(payload);
    const interaction = await received;
    expect(interaction.authorizingIntegrationOwners.guildId).toBeNull();
    expect(interaction.authorizingIntegrationOwners.userId).toBe(discord.user.id);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply('public answer where the bot is not a member');
    expect((await callbackPromise).status).toBeLessThan(300);
    const error = await rejection(client.rest.post(Routes.channelMessages(foreignChannel), { body: { content: 'x' } }));
    expect((error as DiscordAPIError).code).toBe(50001);
  });

  it('GIVEN a group-DM interaction THEN its context is PRIVATE_CHANNEL, owned by the user install', async () => {
    const { discord } = ctx;
    const payload = discord.slashCommand({ name: 'quote', guildId: null, groupDm: true });
    expect(payload.context).toBe(InteractionContextType.PrivateChannel);
    expect(payload.channel.type).toBe(ChannelType.GroupDM);
    expect(payload.authorizing_integration_owners).toEqual({ [ApplicationIntegrationType.UserInstall]: discord.user.id });
  });

  it('GIVEN a reply over 2000 characters THEN the fake rejects it with 50035 Invalid Form Body', async () => {
    const { discord, client } = ctx;
    const received = nextInteraction(client);
    discord.dispatchInteraction(discord.slashCommand({ name: 'quote' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const error = await rejection(interaction.reply('x'.repeat(2001)));
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// channels and pins
// ---------------------------------------------------------------------------------------------

describe('fake Discord: messages and pins', () => {
  const ctx = useFakeDiscordWithClient();

  afterEach(() => {
    ctx.discord.setBotPermissions(ctx.discord.channelId, DEFAULT_BOT_PERMISSIONS);
    ctx.discord.setPinnedCount(ctx.discord.channelId, 0);
  });

  async function sendMessage(content: string): Promise<Message> {
    return textChannel(ctx.client).send(content);
  }

  it('GIVEN a message WHEN message.pin() THEN the bot uses PUT /channels/{c}/messages/pins/{m}, a type-6 system message is posted and fetchPins returns it', async () => {
    const { discord, client } = ctx;
    const message = await sendMessage('pin me');
    await message.pin('test reason');
    const pinRequest = await discord.waitForRequest((r) => r.method === 'PUT' && r.path.includes('/pins/'));
    expect(pinRequest.path).toBe(`/channels/${discord.channelId}/messages/pins/${message.id}`);
    expect(pinRequest.route).toBe('PUT /channels/:channel/messages/pins/:message');
    expect(pinRequest.status).toBe(204);
    expect(decodeURIComponent(pinRequest.headers['x-audit-log-reason'] ?? '')).toBe('test reason');
    expect(discord.pinnedMessageIds()).toEqual([message.id]);
    const system = discord.messages().at(-1);
    expect(system?.type).toBe(MessageType.ChannelPinnedMessage);
    expect(system?.message_reference?.message_id).toBe(message.id);

    const pins = await textChannel(client).messages.fetchPins();
    expect(pins.items.map((p) => p.message.id)).toEqual([message.id]);
    expect(pins.hasMore).toBe(false);
    expect(pins.items[0]?.pinnedAt).toBeInstanceOf(Date);
    expect(discord.requests.some((r) => r.route?.includes('/channels/:channel/pins'))).toBe(false);

    await message.unpin();
    expect(discord.pinnedMessageIds()).toEqual([]);
  });

  it('GIVEN the bot has ManageMessages but not PinMessages WHEN it pins THEN discord.js throws DiscordAPIError 50013 (403)', async () => {
    const { discord } = ctx;
    const message = await sendMessage('cannot pin me');
    discord.setBotPermissions(discord.channelId, (DEFAULT_BOT_PERMISSIONS & ~PIN_MESSAGES) | PermissionFlagsBits.ManageMessages);
    const error = await rejection(message.pin());
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).status).toBe(403);
    expect((error as DiscordAPIError).message).toBe('Missing Permissions');
  });

  it('GIVEN 250 pins already WHEN the bot pins THEN discord.js throws DiscordAPIError 30003', async () => {
    const { discord } = ctx;
    const message = await sendMessage('one too many');
    discord.setPinnedCount(discord.channelId, MAX_PINS);
    const error = await rejection(message.pin());
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(30003);
    expect((error as DiscordAPIError).status).toBe(400);
    expect(discord.pinnedMessageIds()).toHaveLength(MAX_PINS);
  });

  it('GIVEN 60 pins WHEN fetchPins is paginated THEN pages hold at most 50 items and `before` continues', async () => {
    const { discord, client } = ctx;
    discord.setPinnedCount(discord.channelId, 60);
    const channel = textChannel(client);
    const first = await channel.messages.fetchPins();
    expect(first.items).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const last = first.items.at(-1);
    const second = await channel.messages.fetchPins({ before: last?.pinnedAt });
    expect(second.items).toHaveLength(10);
    expect(second.hasMore).toBe(false);
    const ids = new Set([...first.items, ...second.items].map((p) => p.message.id));
    expect(ids.size).toBe(60);
  });

  it('GIVEN the bot lacks SendMessages WHEN it sends THEN 50013; an unknown route answers 404 code 0; the legacy pin route answers 404', async () => {
    const { discord } = ctx;
    discord.setBotPermissions(discord.channelId, PermissionFlagsBits.ViewChannel);
    const sendError = await rejection(sendMessage('nope'));
    expect((sendError as DiscordAPIError).code).toBe(50013);

    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    try {
      const unknown = await rejection(rest.get('/nothing/here'));
      expect((unknown as DiscordAPIError).status).toBe(404);
      expect((unknown as DiscordAPIError).rawError).toEqual({ message: '404: Not Found', code: 0 });
      const legacy = await rejection(rest.get(Routes.channelPins(discord.channelId)));
      expect((legacy as DiscordAPIError).status).toBe(404);
      expect(discord.requests.at(-1)?.route).toBe('GET /channels/:channel/pins');
    } finally {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// options, uploads, unknown interactions
// ---------------------------------------------------------------------------------------------

describe('fake Discord: options and edge cases', () => {
  const readOnly = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
  const ctx = useFakeDiscordWithClient({
    token: 'another-token',
    guilds: [
      {
        id: '1400000000000000100',
        name: 'Custom Guild',
        channels: [
          { id: '1400000000000000201', name: 'news', pinnedCount: 249 },
          { id: '1400000000000000202', name: 'read-only', botPermissions: readOnly },
        ],
      },
    ],
  });

  it('GIVEN custom guilds, per-channel permissions and pre-existing pins THEN the client caches them and pins count', async () => {
    const { discord, client } = ctx;
    expect(discord.guildId).toBe('1400000000000000100');
    expect(discord.channelId).toBe('1400000000000000201');
    const guild = client.guilds.cache.get('1400000000000000100');
    const me = guild?.members.me;
    if (!guild || !me) throw new Error('guild or bot member not cached');
    expect(textChannel(client, '1400000000000000201').permissionsFor(me).bitfield).toBe(DEFAULT_BOT_PERMISSIONS);
    expect(textChannel(client, '1400000000000000202').permissionsFor(me).bitfield).toBe(readOnly);
    expect(discord.pinnedMessageIds('1400000000000000201')).toHaveLength(249);

    const payload = discord.slashCommand({ name: 'quote', channelId: '1400000000000000202' });
    expect(payload.app_permissions).toBe(readOnly.toString());
    expect(payload.guild_id).toBe('1400000000000000100');

    const news = textChannel(client, discord.channelId);
    const message = await news.send('the 250th pin');
    await message.pin();
    const error = await rejection((await news.send('the 251st')).pin());
    expect((error as DiscordAPIError).code).toBe(30003);
  });

  it('GIVEN a message with a file THEN the multipart request is parsed: payload_json as body plus the file', async () => {
    const { discord, client } = ctx;
    const sent = await textChannel(client, discord.channelId).send({ content: 'with file', files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }] });
    expect(sent.attachments.first()?.name).toBe('a.txt');
    const request = await discord.waitForRequest((r) => r.method === 'POST' && r.files.length > 0);
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.body).toMatchObject({ content: 'with file' });
    expect(request.files[0]).toMatchObject({ field: 'files[0]', filename: 'a.txt', size: 5 });
    expect(request.files[0]?.data.toString()).toBe('hello');
  });

  it('GIVEN an interaction the fake never dispatched THEN its callback gets 10062 Unknown interaction', async () => {
    const { discord } = ctx;
    const rest = new REST({ api: discord.apiUrl });
    try {
      const error = await rejection(
        rest.post(Routes.interactionCallback('1', 'token'), { body: { type: 4, data: { content: 'x' } }, auth: false }),
      );
      expect((error as DiscordAPIError).code).toBe(10062);
      expect((error as DiscordAPIError).status).toBe(404);
    } finally {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  });

  it('GIVEN no connected client WHEN sendInteraction is called THEN it rejects', async () => {
    const other = await startFakeDiscord();
    try {
      await expect(other.sendInteraction(other.slashCommand({ name: 'quote' }))).rejects.toThrow(/No gateway client/);
    } finally {
      await other.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------

describe('fake Discord: command registration', () => {
  let discord: FakeDiscord;
  let rest: REST;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  });
  afterAll(async () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await discord.close();
  });

  const commands = [
    {
      name: 'quote',
      description: 'Quote the article',
      options: [{ type: 3, name: 'question', description: 'What to ask', required: true, autocomplete: true, max_length: 6000 }],
    },
    { name: 'source', description: 'Show the source' },
  ];

  it('GIVEN a bulk PUT of guild commands THEN it is recorded, echoed with ids and stored; a re-PUT keeps the ids', async () => {
    const result = (await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.guildId), { body: commands })) as {
      id: string;
      name: string;
      application_id: string;
      guild_id: string;
    }[];
    expect(result.map((c) => c.name)).toEqual(['quote', 'source']);
    expect(result.every((c) => /^\d{17,20}$/.test(c.id) && c.application_id === discord.applicationId && c.guild_id === discord.guildId)).toBe(true);
    const request = await discord.waitForRequest((r) => r.route === 'PUT /applications/:app/guilds/:guild/commands');
    expect(request.body).toEqual(commands);
    expect(discord.guildCommands().map((c) => c.name)).toEqual(['quote', 'source']);
    expect(discord.globalCommands()).toEqual([]);

    const again = (await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.guildId), { body: commands })) as { id: string }[];
    expect(again.map((c) => c.id)).toEqual(result.map((c) => c.id));

    // Builders pick up the registered id.
    expect(discord.slashCommand({ name: 'quote' }).data.id).toBe(result[0]?.id);
  });

  it('GIVEN a message command with integration types and contexts THEN they are stored; unknown values fail with 50035', async () => {
    const check = { name: 'Check against the article', type: 3, integration_types: [0, 1], contexts: [0, 1, 2] };
    const [stored] = (await rest.put(Routes.applicationCommands(discord.applicationId), { body: [check] })) as Array<Record<string, unknown>>;
    expect(stored).toMatchObject(check);
    const error = await rejection(rest.put(Routes.applicationCommands(discord.applicationId), { body: [{ ...check, integration_types: [2], contexts: [0, 5] }] }));
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { '0': { integration_types: { '0': {} }, contexts: { '1': {} } } } });
    const described = await rejection(rest.put(Routes.applicationCommands(discord.applicationId), { body: [{ ...check, description: 'not allowed' }] }));
    expect((described as DiscordAPIError).code).toBe(50035);
  });

  it('GIVEN an invalid command (uppercase name, required after optional) THEN the PUT fails with 50035', async () => {
    const bad = [
      {
        name: 'Quote',
        description: 'x',
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      },
    ];
    const error = await rejection(rest.put(Routes.applicationCommands(discord.applicationId), { body: bad }));
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: {
        '0': {
          name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] },
          options: { '1': { required: { _errors: [{ code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID' }] } } },
        },
      },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// bot in a child process (the end-to-end setup)
// ---------------------------------------------------------------------------------------------

describe('fake Discord: bot in a child process', () => {
  it('GIVEN a bot process started with DISCORD_API_URL=apiUrl THEN it logs in and its deferReply + editReply reach the fake', async () => {
    const discord = await startFakeDiscord();
    const fixture = fileURLToPath(new URL('./fixtures/echoBot.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      env: { ...process.env, DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: discord.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await discord.waitForReady(15_000);
      const handle = discord.dispatchInteraction(discord.slashCommand({ name: 'echo', options: [option.string('text', 'hello <@1>')] }));
      const callback = await handle.waitForCallback(10_000);
      expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(callback.data.flags).toBe(MessageFlags.Ephemeral);
      const edit = await handle.waitForEditReply(0, 10_000);
      expect(edit.body.content).toBe('echo: hello <@1>');
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      expect(handle.originalMessage()?.content).toBe('echo: hello <@1>');
    } catch (error) {
      throw new Error(`${String(error)}\nbot output:\n${output}`);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      await discord.close();
    }
  }, 30_000);
});
