/**
 * A Discord-compatible test server ("fake Discord") that the real discord.js Client can log into:
 *
 *   const discord = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 *   await client.login(discord.token);
 *
 * One node:http server on 127.0.0.1 serves the REST API under `/api/v10/...` and the gateway
 * (WebSocket) on `/gateway`. Every REST request is recorded in order; interactions are dispatched
 * with `sendInteraction()` / `dispatchInteraction()`; the state (messages, pins, commands) can be
 * inspected and tweaked (bot permissions per channel, pre-existing pin counts).
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIAllowedMentions,
  APIApplicationCommandAutocompleteInteraction,
  APIAttachment,
  APIApplicationCommandOptionChoice,
  APIChatInputApplicationCommandInteraction,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIUser,
  ApplicationFlags,
  GatewayIdentifyData,
} from 'discord.js';
import { FakeGateway } from './gateway.ts';
import type { GatewayClose, GatewayPayload } from './gateway.ts';
import { isRecord, parseBody, readRaw, sendEmpty, sendJson } from './http.ts';
import {
  DEFAULT_APPLICATION_ID,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_TOKEN,
  DEFAULT_USER,
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildMessageCommandInteraction,
  buildUserMessage,
  buildSlashCommandInteraction,
  buttonRow,
  buildUser,
  nextSnowflake,
} from './payloads.ts';
import type { AutocompleteInit, ButtonInit, MessageCommandInit, SlashCommandInit, UserMessageInit } from './payloads.ts';
import { RestRouter } from './rest.ts';
import type { RecordedRequest } from './rest.ts';
import { DiscordHttpError, FakeDiscordState, errors } from './state.ts';
import type { FakeGuildInit, InteractionState, RegisteredCommand } from './state.ts';

export type { RecordedRequest } from './rest.ts';
export type { GatewayClose } from './gateway.ts';
export type { RecordedFile } from './http.ts';
export type { FakeChannelInit, FakeGuildInit, RegisteredCommand } from './state.ts';
export { MAX_PINS } from './state.ts';
export * from './payloads.ts';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface FakeDiscordOptions {
  /** The only valid bot token (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default 'test-token'. */
  token?: string;
  /** Application id, also the bot user's id. Default DEFAULT_APPLICATION_ID ('1300000000000000001'). */
  applicationId?: string;
  /** Bot username. Default 'Fake Bot'. */
  botUsername?: string;
  /** Guilds the bot is in. Default: one guild (DEFAULT_GUILD_ID) with one text channel 'general' (DEFAULT_CHANNEL_ID). */
  guilds?: FakeGuildInit[];
  /** The bot's permissions in every channel unless the channel sets its own. Default DEFAULT_BOT_PERMISSIONS
   *  (ViewChannel | SendMessages | EmbedLinks | ReadMessageHistory | PinMessages). */
  botPermissions?: bigint;
  /** HELLO heartbeat_interval. Default 41250. */
  heartbeatIntervalMs?: number;
  /** Port on 127.0.0.1. Default 0 (a free port). */
  port?: number;
  /** Deprecated `/channels/{c}/pins...` routes: 'reject' (404, default) or 'serve'. Either way they are recorded with their own `route`. */
  legacyPinRoutes?: 'reject' | 'serve';
  /** Called with one line per REST request (`POST /channels/1/messages -> 200`). */
  log?: (line: string) => void;
  /** Shards GET /gateway/bot recommends; clients must IDENTIFY with [i, shards]. Guild g is on shard (g >> 22) % shards. Default 1. */
  shards?: number;
}

/** Message-ish fields of a callback/webhook body (`data` of an interaction callback). */
export interface CallbackData {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: unknown[];
  allowed_mentions?: APIAllowedMentions;
  attachments?: unknown[];
  tts?: boolean;
  /** Autocomplete results (type 8). */
  choices?: APIApplicationCommandOptionChoice[];
  /** Modal (type 9). */
  custom_id?: string;
  title?: string;
  [key: string]: unknown;
}

/** The interaction callback (`POST /interactions/{id}/{token}/callback`) a bot sent. */
export interface InteractionCallbackRecord {
  interactionId: string;
  token: string;
  /** InteractionResponseType: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** `data` of the body ({} when absent). */
  data: CallbackData;
  /** `?with_response=true` was sent. */
  withResponse: boolean;
  /** HTTP status the fake answered (204, 200 with with_response, 4xx on errors). */
  status: number;
  request: RecordedRequest;
}

export type WebhookRequestKind = 'followUp' | 'getMessage' | 'editMessage' | 'deleteMessage';

/** A request on the interaction's webhook (`/webhooks/{app}/{token}...`). */
export interface WebhookRequestRecord {
  kind: WebhookRequestKind;
  /** '@original' or a message id; null for follow-ups. */
  messageId: string | null;
  /** True for `/messages/@original`. */
  isOriginal: boolean;
  body: CallbackData;
  status: number;
  request: RecordedRequest;
}

/** A dispatched interaction. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** Resolves with the first callback request for this interaction (whatever its status). */
  waitForCallback(timeoutMs?: number): Promise<InteractionCallbackRecord>;
  /** All callback requests so far (a second one is answered 400/40060). */
  callbacks(): InteractionCallbackRecord[];
  /** Resolves with the first webhook request (already received or future) matching `predicate`. */
  waitForWebhook(predicate?: (r: WebhookRequestRecord) => boolean, timeoutMs?: number): Promise<WebhookRequestRecord>;
  /** The `index`-th (0-based) follow-up (`POST /webhooks/{app}/{token}`). */
  waitForFollowUp(index?: number, timeoutMs?: number): Promise<WebhookRequestRecord>;
  /** The `index`-th (0-based) `PATCH .../messages/@original` (editReply). */
  waitForEditReply(index?: number, timeoutMs?: number): Promise<WebhookRequestRecord>;
  webhookRequests(): WebhookRequestRecord[];
  /** Current state of the original response message (reply, deferred message, or updated component message). */
  originalMessage(): APIMessage | null;
  followUpMessages(): APIMessage[];
  readonly acknowledged: boolean;
}

export interface GatewaySessionInfo {
  sessionId: string;
  intents: number;
  identify: GatewayIdentifyData;
}

type WithoutServerFields<T> = Omit<T, 'applicationId'>;

export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api` — use as discord.js `rest.api` / DISCORD_API_URL. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway` */
  readonly gatewayUrl: string;
  readonly port: number;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** The default invoking user (DEFAULT_USER). */
  readonly user: APIUser;
  /** First guild / its first channel. */
  readonly guildId: string;
  readonly channelId: string;
  /** Every REST request in arrival order (live array; `clearRequests()` empties it). */
  readonly requests: readonly RecordedRequest[];
  /** Last IDENTIFY payload received (null before any). */
  readonly identifyPayload: GatewayIdentifyData | null;
  readonly identifies: readonly GatewayIdentifyData[];
  /** Every payload clients sent on the gateway (heartbeats, identify, resume...). */
  readonly gatewayPayloads: readonly GatewayPayload[];
  readonly connectionCount: number;
  /** Every gateway socket that closed, with its close code (1000 when the client closed normally). */
  readonly gatewayCloses: readonly GatewayClose[];
  /** The shard a guild's events go to: (guild_id >> 22) % shards. */
  shardOf(guildId: string | null): number;
  /** Shard ids with a connected, ready session. */
  readyShards(): number[];
  /**
   * Holds REST answers back: each matching request is answered `delayMs(r)` ms late (0 = at once).
   * Lets tests keep handlers in flight. Pass null to answer at once again.
   */
  setResponseDelay(delayMs: ((r: RecordedRequest) => number) | null): void;

  /** First completed request (already recorded or future) matching `predicate`. Default timeout 5000 ms. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the latest IDENTIFY (waits for one if none yet). */
  waitForIdentify(timeoutMs?: number): Promise<GatewayIdentifyData>;
  /**
   * Resolves once a client has identified and been sent READY plus every GUILD_CREATE, i.e. it can
   * receive interactions (discord.js queues them until its own `clientReady`).
   */
  waitForReady(timeoutMs?: number): Promise<GatewaySessionInfo>;
  isClientConnected(): boolean;

  /** Dispatches INTERACTION_CREATE and resolves with the bot's callback request. Default timeout 5000 ms. */
  sendInteraction(payload: APIInteraction, timeoutMs?: number): Promise<InteractionCallbackRecord>;
  /** Dispatches INTERACTION_CREATE and returns a handle to await the callback and webhook requests. */
  dispatchInteraction(payload: APIInteraction): InteractionHandle;
  /** Sends any dispatch event (op 0) to the connected client. */
  dispatch(event: string, data: unknown): void;

  /** Builders with defaults from this server (app id, guild, channel, bot permissions, registered command ids). */
  slashCommand(init: WithoutServerFields<SlashCommandInit>): APIChatInputApplicationCommandInteraction;
  autocomplete(init: WithoutServerFields<AutocompleteInit>): APIApplicationCommandAutocompleteInteraction;
  /** Without `message`, first posts a bot message with this button in the channel. */
  button(init: WithoutServerFields<ButtonInit>): APIMessageComponentButtonInteraction;
  /** A message context-menu command on `target` (registered command id filled in, as for slash commands). */
  messageCommand(init: WithoutServerFields<MessageCommandInit>): APIMessageApplicationCommandInteraction;
  /**
   * Posts a message by someone (default DEFAULT_USER) in a channel, with embeds and attachments if given,
   * and returns it as Discord would include it in `resolved.messages`.
   */
  postUserMessage(init: Omit<UserMessageInit, 'author' | 'channelId'> & { channelId?: string; author?: APIUser }): APIMessage;
  /** Deletes a message as its author or a moderator would (MESSAGE_DELETE is dispatched). */
  deleteMessage(messageId: string): void;

  /**
   * Stores a file as if a user attached it to a command, served at its CDN-like `url` on this
   * server. Pass the result to `option.attachment`.
   */
  uploadAttachment(filename: string, content: string | Buffer, contentType?: string): APIAttachment;

  /** Non-ephemeral messages of a channel, oldest first. */
  messages(channelId?: string): APIMessage[];
  /** Any message by id (channel or ephemeral). */
  message(messageId: string): APIMessage | undefined;
  /** Pinned message ids, most recently pinned first. */
  pinnedMessageIds(channelId?: string): string[];
  globalCommands(): RegisteredCommand[];
  guildCommands(guildId?: string): RegisteredCommand[];
  botPermissions(channelId?: string): bigint;
  /** Changes the bot's permissions in a channel (also sent to the client as GUILD_ROLE_UPDATE + CHANNEL_UPDATE). */
  setBotPermissions(channelId: string, permissions: bigint): void;
  /** Makes a channel have exactly `count` pins (adds synthetic pinned messages or unpins). */
  setPinnedCount(channelId: string, count: number): void;
  /** Adds a message by a user (default DEFAULT_USER) to a channel, e.g. to pin it. */
  addUserMessage(channelId: string, content: string, author?: APIUser): APIMessage;
  clearRequests(): void;

  /** Sends op 7 RECONNECT; discord.js resumes on resume_gateway_url. */
  reconnectClient(): void;
  /** Closes the client's socket with a close code (default 4000: discord.js resumes). */
  disconnectClient(code?: number): void;
  /** Terminates sockets and closes the server. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------------------------

const DEFAULT_TIMEOUT = 5000;

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function callbackData(body: unknown): CallbackData {
  if (isRecord(body) && isRecord(body.data)) return body.data as CallbackData;
  return {};
}

function toCallbackRecord(r: RecordedRequest): InteractionCallbackRecord {
  const type = isRecord(r.body) && typeof r.body.type === 'number' ? r.body.type : -1;
  return {
    interactionId: r.params.interaction ?? '',
    token: r.params.token ?? '',
    type,
    data: callbackData(r.body),
    withResponse: r.query.with_response === 'true',
    status: r.status,
    request: r,
  };
}

function toWebhookRecord(r: RecordedRequest): WebhookRequestRecord | null {
  if (!r.route?.includes(' /webhooks/')) return null;
  const kind: WebhookRequestKind | null =
    r.method === 'POST' ? 'followUp' : r.method === 'GET' ? 'getMessage' : r.method === 'PATCH' ? 'editMessage' : r.method === 'DELETE' ? 'deleteMessage' : null;
  if (!kind) return null;
  const messageId = r.params.message ?? null;
  return {
    kind,
    messageId,
    isOriginal: messageId === '@original',
    body: isRecord(r.body) ? (r.body as CallbackData) : {},
    status: r.status,
    request: r,
  };
}

class Waiters {
  private readonly emitter = new EventEmitter();
  private readonly pending = new Set<(error: Error) => void>();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(): void {
    this.emitter.emit('change');
  }

  /** Resolves with the first defined value of `check()`, re-evaluated on every change. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.emitter.off('change', onChange);
        this.pending.delete(fail);
      };
      const fail = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onChange = () => {
        const value = check();
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => fail(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`)), timeoutMs);
      this.emitter.on('change', onChange);
      this.pending.add(fail);
    });
  }

  rejectAll(reason: string): void {
    for (const fail of [...this.pending]) fail(new Error(reason));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? DEFAULT_TOKEN;
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const botUser: APIUser = {
    ...buildUser({ id: applicationId, username: options.botUsername ?? 'Fake Bot', bot: true, globalName: null }),
    verified: true,
    mfa_enabled: false,
  };
  const state = new FakeDiscordState({
    applicationId,
    botUser,
    guilds: options.guilds ?? [{}],
    botPermissions: options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
    legacyPinRoutes: options.legacyPinRoutes ?? 'reject',
  });
  state.shardCount = options.shards ?? 1;
  let responseDelay: ((r: RecordedRequest) => number) | null = null;
  const firstGuild = [...state.guilds.values()][0];
  const guildId = firstGuild?.id ?? '';
  const channelId = firstGuild?.channelIds[0] ?? '';

  const requests: RecordedRequest[] = [];
  let seq = 0;
  const waiters = new Waiters();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;

  const gateway = new FakeGateway({
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41250,
    gatewayUrl,
    readyPayload: (sessionId, shard) => ({
      v: 10,
      user: botUser,
      guilds: [...state.guilds.keys()].filter((id) => state.shardOf(id) === shard[0]).map((id) => ({ id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: gatewayUrl(),
      shard,
      application: { id: applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    }),
    guildCreatePayloads: (shard) => [...state.guilds.values()].filter((g) => state.shardOf(g.id) === shard[0]).map((g) => state.guildCreatePayload(g)),
    shardCount: () => state.shardCount,
  });
  for (const event of ['identify', 'ready', 'resumed', 'disconnect']) gateway.on(event, () => waiters.notify());

  const guildOf = (data: unknown): string | null => (isRecord(data) && typeof data.guild_id === 'string' ? data.guild_id : null);
  state.dispatch = (event, data, intent) => {
    const session = state.shardCount > 1 ? gateway.activeSession(state.shardOf(guildOf(data))) : gateway.activeSession();
    if (!session || !session.ready) return;
    if (intent !== null && (session.intents & intent) === 0) return;
    gateway.dispatchTo(session, event, data);
  };

  const router = new RestRouter(state, gatewayUrl);

  /** Files "uploaded" by users, served as Discord's CDN serves attachments (outside /api, no auth). */
  const attachments = new Map<string, { bytes: Buffer; contentType: string }>();

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRaw(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cdn = /^\/attachments\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (cdn && req.method === 'GET') {
      const file = attachments.get(cdn[1] as string);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      } else {
        res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
        res.end(file.bytes);
      }
      return;
    }
    const apiMatch = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    const path = apiMatch ? (apiMatch[2] ?? '/') : url.pathname;
    let decodedPath = path;
    try {
      decodedPath = decodeURIComponent(path);
    } catch {
      // keep the raw path
    }
    const headers = flattenHeaders(req);
    const parsed = parseBody(raw, headers['content-type']);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      seq: ++seq,
      method,
      path: decodedPath,
      url: req.url ?? '/',
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parsed.body,
      files: parsed.files,
      apiVersion: apiMatch?.[1] ? Number(apiMatch[1]) : null,
      interactionId: null,
      interactionToken: null,
      status: 0,
      response: undefined,
      receivedAt: Date.now(),
    };
    requests.push(record);

    let status: number;
    let body: unknown;
    try {
      if (!apiMatch) throw errors.notFound();
      const { route, params } = router.match(method, path);
      record.route = `${route.method} ${route.template}`;
      record.params = params;
      if (route.auth && headers.authorization !== `Bot ${token}`) throw errors.unauthorized();
      if (parsed.parseError) throw new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');
      const reply = route.handler({ params, query: url.searchParams, body: parsed.body, files: parsed.files, request: record });
      status = reply.status;
      body = reply.body;
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        status = error.status;
        body = error.body;
      } else {
        status = 500;
        body = { message: `500: Internal Server Error (fake): ${error instanceof Error ? error.message : String(error)}`, code: 0 };
      }
    }
    const delay = responseDelay?.(record) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    record.status = status;
    record.response = body;
    if (body === undefined) sendEmpty(res, status);
    else sendJson(res, status, body);
    options.log?.(`${method} ${decodedPath} -> ${status}`);
    waiters.notify();
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `500: Internal Server Error (fake): ${String(error)}`, code: 0 });
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;

  // ------------------------------------------------------------------ helpers

  const callbacksFor = (id: string): InteractionCallbackRecord[] =>
    requests.filter((r) => r.status !== 0 && r.route === 'POST /interactions/:interaction/:token/callback' && r.params.interaction === id).map(toCallbackRecord);

  const webhooksFor = (tokenValue: string): WebhookRequestRecord[] =>
    requests.flatMap((r) => {
      if (r.status === 0 || r.interactionToken !== tokenValue) return [];
      const w = toWebhookRecord(r);
      return w ? [w] : [];
    });

  const summary = () =>
    requests
      .slice(-10)
      .map((r) => `${r.method} ${r.path} -> ${r.status}`)
      .join('; ') || 'no requests';

  function makeHandle(interaction: InteractionState): InteractionHandle {
    const handle: InteractionHandle = {
      id: interaction.id,
      token: interaction.token,
      payload: interaction.payload,
      waitForCallback: (timeoutMs = DEFAULT_TIMEOUT) =>
        waiters.waitFor(
          () => callbacksFor(interaction.id)[0],
          timeoutMs,
          () => `the callback of interaction ${interaction.id} (recent requests: ${summary()})`,
        ),
      callbacks: () => callbacksFor(interaction.id),
      waitForWebhook: (predicate = () => true, timeoutMs = DEFAULT_TIMEOUT) =>
        waiters.waitFor(
          () => webhooksFor(interaction.token).find(predicate),
          timeoutMs,
          () => `a webhook request of interaction ${interaction.id} (recent requests: ${summary()})`,
        ),
      waitForFollowUp: (index = 0, timeoutMs = DEFAULT_TIMEOUT) =>
        waiters.waitFor(
          () => webhooksFor(interaction.token).filter((w) => w.kind === 'followUp')[index],
          timeoutMs,
          () => `follow-up #${index} of interaction ${interaction.id} (recent requests: ${summary()})`,
        ),
      waitForEditReply: (index = 0, timeoutMs = DEFAULT_TIMEOUT) =>
        waiters.waitFor(
          () => webhooksFor(interaction.token).filter((w) => w.kind === 'editMessage' && w.isOriginal)[index],
          timeoutMs,
          () => `editReply #${index} of interaction ${interaction.id} (recent requests: ${summary()})`,
        ),
      webhookRequests: () => webhooksFor(interaction.token),
      originalMessage: () => (interaction.originalMessageId ? (state.findMessage(interaction.originalMessageId) ?? null) : null),
      followUpMessages: () => interaction.followUpIds.flatMap((id) => state.findMessage(id) ?? []),
      get acknowledged() {
        return interaction.acknowledged;
      },
    };
    return handle;
  }

  function activeReadySession(shardId?: number) {
    const session = gateway.activeSession(shardId);
    return session?.ready ? session : undefined;
  }

  function dispatchInteraction(payload: APIInteraction): InteractionHandle {
    const session = activeReadySession(state.shardCount > 1 ? state.shardOf(payload.guild_id) : undefined);
    if (!session) throw new Error('No gateway client is connected and ready; await waitForReady() first');
    const interaction = state.registerInteraction(payload);
    gateway.dispatchTo(session, 'INTERACTION_CREATE', payload);
    return makeHandle(interaction);
  }

  /** Context defaults for builders: app id, app_permissions from the channel, channel name. */
  function withDefaults<T extends { guildId?: string | null; channelId?: string; appPermissions?: bigint | string; channelName?: string }>(
    init: T,
  ): T & { applicationId: string } {
    const inGuild = init.guildId !== null;
    const cid = init.channelId ?? (inGuild ? channelId : undefined);
    const channel = cid ? state.channels.get(cid) : undefined;
    return {
      ...init,
      applicationId,
      ...(inGuild ? { guildId: init.guildId ?? channel?.guildId ?? guildId } : {}),
      ...(cid ? { channelId: cid } : {}),
      ...(init.appPermissions === undefined && channel ? { appPermissions: channel.botPermissions } : {}),
      ...(init.channelName === undefined && channel && channel.guildId ? { channelName: channel.name } : {}),
    };
  }

  function commandDefaults(name: string, init: { guildId?: string | null; commandId?: string; commandGuildId?: string }) {
    const gid = init.guildId === null ? null : (init.guildId ?? guildId);
    const registered = state.findCommandByName(name, gid);
    return {
      ...(init.commandId === undefined && registered ? { commandId: registered.id } : {}),
      ...(init.commandGuildId === undefined && registered?.guild_id ? { commandGuildId: registered.guild_id } : {}),
    };
  }

  const fake: FakeDiscord = {
    apiUrl,
    gatewayUrl: gatewayUrl(),
    port,
    token,
    applicationId,
    botUser,
    user: DEFAULT_USER,
    guildId,
    channelId,
    requests,
    get identifyPayload() {
      return gateway.identifies.at(-1) ?? null;
    },
    identifies: gateway.identifies,
    gatewayPayloads: gateway.received,
    get connectionCount() {
      return gateway.connectionCount;
    },
    gatewayCloses: gateway.closes,
    shardOf: (gid) => state.shardOf(gid),
    readyShards: () => [...gateway.latestByShard.keys()].filter((id) => activeReadySession(id) !== undefined).sort((a, b) => a - b),
    setResponseDelay: (delayMs) => {
      responseDelay = delayMs;
    },

    waitForRequest: (predicate, timeoutMs = DEFAULT_TIMEOUT) =>
      waiters.waitFor(
        () => requests.find((r) => r.status !== 0 && predicate(r)),
        timeoutMs,
        () => `a matching request (recent requests: ${summary()})`,
      ),
    waitForIdentify: (timeoutMs = DEFAULT_TIMEOUT) =>
      waiters.waitFor(
        () => gateway.identifies.at(-1),
        timeoutMs,
        () => 'a gateway IDENTIFY',
      ),
    waitForReady: (timeoutMs = DEFAULT_TIMEOUT) =>
      waiters.waitFor(
        () => {
          const s = activeReadySession();
          return s ? { sessionId: s.id, intents: s.intents, identify: s.identify } : undefined;
        },
        timeoutMs,
        () => 'a gateway client to identify and receive READY',
      ),
    isClientConnected: () => activeReadySession() !== undefined,

    sendInteraction: async (payload, timeoutMs = DEFAULT_TIMEOUT) => dispatchInteraction(payload).waitForCallback(timeoutMs),
    dispatchInteraction,
    dispatch: (event, data) => {
      const session = activeReadySession();
      if (!session) throw new Error('No gateway client is connected and ready');
      gateway.dispatchTo(session, event, data);
    },

    uploadAttachment: (filename, content, contentType = 'application/octet-stream') => {
      const id = nextSnowflake();
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      attachments.set(id, { bytes, contentType });
      const url = `http://127.0.0.1:${port}/attachments/${id}/${encodeURIComponent(filename)}`;
      return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType };
    },
    slashCommand: (init) => buildSlashCommandInteraction({ ...withDefaults(init), ...commandDefaults(init.name, init) }),
    autocomplete: (init) => buildAutocompleteInteraction({ ...withDefaults(init), ...commandDefaults(init.name, init) }),
    button: (init) => {
      const full = withDefaults(init);
      if (init.message) return buildButtonInteraction({ ...full, botUser });
      const targetChannelId = full.channelId;
      const channel = targetChannelId ? state.channels.get(targetChannelId) : undefined;
      if (!channel) return buildButtonInteraction({ ...full, botUser });
      const message = state.createMessage(channel, {
        body: { content: 'message with a button', components: [buttonRow([init.customId])] },
      });
      message.application_id = applicationId;
      return buildButtonInteraction({ ...full, botUser, message: structuredClone(message) });
    },

    messageCommand: (init) => buildMessageCommandInteraction({ ...withDefaults(init), ...commandDefaults(init.name, init) }),
    postUserMessage: (init) => {
      const author = init.author ?? DEFAULT_USER;
      const channel = state.channel(init.channelId ?? channelId);
      state.users.set(author.id, author);
      const message = buildUserMessage({ ...init, author, channelId: channel.id });
      channel.messages.set(message.id, message);
      return structuredClone(message);
    },
    deleteMessage: (id) => {
      const message = state.findMessage(id);
      if (message) state.deleteMessage(message);
    },
    messages: (cid = channelId) => [...state.channel(cid).messages.values()],
    message: (id) => state.findMessage(id),
    pinnedMessageIds: (cid = channelId) => state.pinnedIds(state.channel(cid)),
    globalCommands: () => [...state.globalCommands],
    guildCommands: (gid = guildId) => [...(state.guildCommands.get(gid) ?? [])],
    botPermissions: (cid = channelId) => state.channel(cid).botPermissions,
    setBotPermissions: (cid, permissions) => state.setBotPermissions(cid, permissions),
    setPinnedCount: (cid, count) => state.setPinnedCount(cid, count),
    addUserMessage: (cid, content, author = DEFAULT_USER) => {
      state.users.set(author.id, author);
      return state.createMessage(state.channel(cid), { body: { content }, author });
    },
    clearRequests: () => {
      requests.length = 0;
    },

    reconnectClient: () => gateway.requestReconnect(),
    disconnectClient: (code) => gateway.disconnectClient(code),
    close: async () => {
      waiters.rejectAll('FakeDiscord closed');
      await gateway.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
