/**
 * In-memory Discord state of the fake server: guilds, channels, messages, pins, application
 * commands, interactions. Operations throw `DiscordHttpError` with Discord's status/code/message.
 */
import {
  ApplicationCommandType,
  ChannelType,
  GatewayIntentBits,
  InteractionContextType,
  InteractionType,
  MessageFlags,
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIDMChannel,
  APIEmbed,
  APIGuildMember,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  APIRole,
  APITextChannel,
  APIUser,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
} from 'discord.js';
import type { RecordedFile } from './http.ts';
import { isRecord } from './http.ts';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  DEFAULT_USER,
  PIN_MESSAGES,
  buildBotMessage,
  discordTimestamp,
  nextSnowflake,
} from './payloads.ts';

export const MAX_PINS = 250;

/** An error answered as `{ message, code, errors? }` with an HTTP status. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DiscordHttpError';
  }

  get body(): { message: string; code: number; errors?: Record<string, unknown> } {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export const errors = {
  unknownChannel: () => new DiscordHttpError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new DiscordHttpError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new DiscordHttpError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new DiscordHttpError(404, 10008, 'Unknown Message'),
  unknownUser: () => new DiscordHttpError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new DiscordHttpError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new DiscordHttpError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new DiscordHttpError(404, 10062, 'Unknown interaction'),
  missingAccess: () => new DiscordHttpError(403, 50001, 'Missing Access'),
  missingPermissions: () => new DiscordHttpError(403, 50013, 'Missing Permissions'),
  cannotEditOthers: () => new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new DiscordHttpError(400, 50006, 'Cannot send an empty message'),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.'),
  maxPins: () => new DiscordHttpError(400, 30003, `Maximum number of pins reached (${MAX_PINS})`),
  invalidWebhookToken: () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token'),
  unauthorized: () => new DiscordHttpError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordHttpError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new DiscordHttpError(405, 0, '405: Method Not Allowed'),
};

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface FakeChannelInit {
  /** Default: DEFAULT_CHANNEL_ID for the first channel of the first guild, else a fresh snowflake. */
  id?: string;
  /** Default 'general'. */
  name?: string;
  /** Guild text (0, default) or announcement (5). */
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement;
  topic?: string | null;
  /** The bot's permissions in this channel. Default: the server's `botPermissions`. */
  botPermissions?: bigint;
  /** Number of messages already pinned (synthetic messages by another user). Default 0. */
  pinnedCount?: number;
}

export interface FakeGuildInit {
  /** Default: DEFAULT_GUILD_ID for the first guild, else a fresh snowflake. */
  id?: string;
  /** Default 'Test Guild'. */
  name?: string;
  /** Default: one text channel 'general'. */
  channels?: FakeChannelInit[];
  /** Default DEFAULT_USER.id (so the bot is never the owner and gets exactly its configured permissions). */
  ownerId?: string;
  /** Default 'en-US'. */
  preferredLocale?: string;
}

export interface StateConfig {
  applicationId: string;
  botUser: APIUser;
  guilds: FakeGuildInit[];
  botPermissions: bigint;
  legacyPinRoutes: 'reject' | 'serve';
}

/** Sends a gateway dispatch to the connected client when its intents include `intent` (null = always). */
export type DispatchFn = (event: string, data: unknown, intent: number | null) => void;

// ---------------------------------------------------------------------------------------------
// State types
// ---------------------------------------------------------------------------------------------

export interface ChannelState {
  id: string;
  guildId: string | null;
  type: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.DM;
  name: string;
  topic: string | null;
  position: number;
  botPermissions: bigint;
  /** Non-ephemeral messages in creation order. */
  messages: Map<string, APIMessage>;
  /** messageId → pinned_at (ms). */
  pins: Map<string, number>;
  /** Ids of synthetic pre-pinned messages (created by `pinnedCount`/`setPinnedCount`). */
  syntheticPins: Set<string>;
  recipient: APIUser | null;
}

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  channelIds: string[];
  botRoleId: string;
  joinedAt: string;
}

export interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  acknowledged: boolean;
  /** InteractionResponseType of the accepted callback. */
  responseType: number | null;
  originalMessageId: string | null;
  /** True after a type-5 defer until the original message is edited or the first follow-up replaces it. */
  deferredLoading: boolean;
  ephemeral: boolean;
  /** Ids of all messages this interaction's webhook may touch (original, follow-ups). */
  messageIds: Set<string>;
  followUpIds: string[];
}

/** A stored application command (what Discord echoes back). */
export type RegisteredCommand = APIApplicationCommand;

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n) | PIN_MESSAGES;

export class FakeDiscordState {
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly users = new Map<string, APIUser>();
  /** Ephemeral messages (not listed in channels), by id. */
  readonly ephemeralMessages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly globalCommands: RegisteredCommand[] = [];
  readonly guildCommands = new Map<string, RegisteredCommand[]>();
  legacyPinRoutes: 'reject' | 'serve';
  /** Shards GET /gateway/bot recommends and IDENTIFY must use. */
  shardCount = 1;
  dispatch: DispatchFn = () => undefined;
  private lastPinAt = 0;

  /** Discord's shard formula: (guild_id >> 22) % num_shards; DMs go to shard 0. */
  shardOf(guildId: string | null | undefined): number {
    return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount)) : 0;
  }

  constructor(config: StateConfig) {
    this.applicationId = config.applicationId;
    this.botUser = config.botUser;
    this.legacyPinRoutes = config.legacyPinRoutes;
    this.users.set(this.botUser.id, this.botUser);
    this.users.set(DEFAULT_USER.id, DEFAULT_USER);
    config.guilds.forEach((g, gi) => {
      const guildId = g.id ?? (gi === 0 ? DEFAULT_GUILD_ID : nextSnowflake());
      const guild: GuildState = {
        id: guildId,
        name: g.name ?? 'Test Guild',
        ownerId: g.ownerId ?? DEFAULT_USER.id,
        preferredLocale: g.preferredLocale ?? 'en-US',
        channelIds: [],
        botRoleId: nextSnowflake(),
        joinedAt: discordTimestamp(Date.now() - 86_400_000),
      };
      this.guilds.set(guildId, guild);
      const channelInits = g.channels ?? [{}];
      channelInits.forEach((c, ci) => {
        const id = c.id ?? (gi === 0 && ci === 0 ? DEFAULT_CHANNEL_ID : nextSnowflake());
        this.channels.set(id, {
          id,
          guildId,
          type: c.type ?? ChannelType.GuildText,
          name: c.name ?? (ci === 0 ? 'general' : `channel-${ci}`),
          topic: c.topic ?? null,
          position: ci,
          botPermissions: c.botPermissions ?? config.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
          messages: new Map(),
          pins: new Map(),
          syntheticPins: new Set(),
          recipient: null,
        });
        guild.channelIds.push(id);
        if (c.pinnedCount) this.setPinnedCount(id, c.pinnedCount, false);
      });
    });
  }

  // ------------------------------------------------------------------ lookups

  channel(id: string): ChannelState {
    const channel = this.channels.get(id);
    if (!channel) throw errors.unknownChannel();
    return channel;
  }

  guild(id: string): GuildState {
    const guild = this.guilds.get(id);
    if (!guild) throw errors.unknownGuild();
    return guild;
  }

  /** Lazily creates the DM channel an interaction refers to. */
  ensureDmChannel(id: string, recipient: APIUser): ChannelState {
    let channel = this.channels.get(id);
    if (!channel) {
      channel = {
        id,
        guildId: null,
        type: ChannelType.DM,
        name: '',
        topic: null,
        position: 0,
        botPermissions: ALL_PERMISSIONS & ~PermissionFlagsBits.Administrator,
        messages: new Map(),
        pins: new Map(),
        syntheticPins: new Set(),
        recipient,
      };
      this.channels.set(id, channel);
    }
    return channel;
  }

  /** Throws 50001 without ViewChannel, 50013 without any of `perms`. DMs always pass. */
  requirePermissions(channel: ChannelState, perms: bigint): void {
    if (channel.guildId === null) return;
    if ((channel.botPermissions & PermissionFlagsBits.ViewChannel) === 0n) throw errors.missingAccess();
    if ((channel.botPermissions & perms) !== perms) throw errors.missingPermissions();
  }

  // ------------------------------------------------------------------ guild / channel objects

  /** Union of the bot's permissions over a guild's channels: the bot role's guild-level permissions. */
  botGuildPermissions(guild: GuildState): bigint {
    return guild.channelIds.reduce((acc, id) => acc | (this.channels.get(id)?.botPermissions ?? 0n), 0n);
  }

  everyoneRole(guild: GuildState): APIRole {
    return {
      id: guild.id,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: '0',
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  botRole(guild: GuildState): APIRole {
    return {
      id: guild.botRoleId,
      name: this.botUser.username,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 1,
      permissions: this.botGuildPermissions(guild).toString(),
      managed: true,
      mentionable: false,
      tags: { bot_id: this.botUser.id },
      flags: 0 as RoleFlags,
    };
  }

  /**
   * Channel object. The bot's effective permissions equal `botPermissions` exactly: @everyone has
   * none, the bot's managed role has the union over channels, and a member overwrite per channel
   * denies what this channel lacks.
   */
  channelObject(channel: ChannelState): APITextChannel | APIDMChannel {
    const lastMessageId = [...channel.messages.keys()].at(-1) ?? null;
    const lastPin = [...channel.pins.values()].reduce((a, b) => Math.max(a, b), 0);
    if (channel.type === ChannelType.DM) {
      return {
        id: channel.id,
        type: ChannelType.DM,
        name: null,
        last_message_id: lastMessageId,
        recipients: channel.recipient ? [channel.recipient] : [],
        flags: 0 as ChannelFlags,
        last_pin_timestamp: lastPin ? discordTimestamp(lastPin) : null,
      };
    }
    const guild = this.guild(channel.guildId ?? '');
    const union = this.botGuildPermissions(guild);
    return {
      id: channel.id,
      // Announcement channels are reported with their own type; the typing is for text channels.
      type: channel.type as ChannelType.GuildText,
      guild_id: guild.id,
      name: channel.name,
      position: channel.position,
      permission_overwrites: [
        {
          id: this.botUser.id,
          type: 1,
          allow: channel.botPermissions.toString(),
          deny: (union & ~channel.botPermissions).toString(),
        },
      ],
      parent_id: null,
      topic: channel.topic,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: lastMessageId,
      last_pin_timestamp: lastPin ? discordTimestamp(lastPin) : null,
      flags: 0 as ChannelFlags,
    };
  }

  member(guild: GuildState, user: APIUser): APIGuildMember {
    return {
      user,
      roles: user.id === this.botUser.id ? [guild.botRoleId] : [],
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      joined_at: guild.joinedAt,
      pending: false,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      communication_disabled_until: null,
    };
  }

  /** The guild object without the GUILD_CREATE-only fields. */
  guildObject(guild: GuildState): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [this.everyoneRole(guild), this.botRole(guild)],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channelIds[0] ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      incidents_data: null,
    };
  }

  /** GUILD_CREATE payload: enough for discord.js to cache the guild, its channels, roles and the bot's member. */
  guildCreatePayload(guild: GuildState): Record<string, unknown> {
    const members = [this.member(guild, this.botUser)];
    const owner = this.users.get(guild.ownerId);
    if (owner && owner.id !== this.botUser.id) members.push(this.member(guild, owner));
    return {
      ...this.guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: members.length,
      members,
      channels: guild.channelIds.map((id) => {
        const { guild_id: _omit, ...rest } = this.channelObject(this.channel(id)) as APITextChannel;
        return rest;
      }),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      hub_type: null,
    };
  }

  // ------------------------------------------------------------------ messages

  private mentionsFor(content: string, allowed: unknown): { mentions: APIUser[]; roles: string[]; everyone: boolean } {
    const parse = isRecord(allowed) && Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : null;
    const allowedUsers = isRecord(allowed) && Array.isArray(allowed.users) ? (allowed.users as unknown[]) : [];
    const allowedRoles = isRecord(allowed) && Array.isArray(allowed.roles) ? (allowed.roles as unknown[]) : [];
    const userOk = (id: string) => !isRecord(allowed) || parse?.includes('users') || allowedUsers.includes(id);
    const roleOk = (id: string) => !isRecord(allowed) || parse?.includes('roles') || allowedRoles.includes(id);
    const mentions: APIUser[] = [];
    for (const m of content.matchAll(/<@!?(\d{15,21})>/g)) {
      const id = m[1] ?? '';
      const user = this.users.get(id);
      if (user && userOk(id) && !mentions.some((u) => u.id === id)) mentions.push(user);
    }
    const roles = [...new Set([...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1] ?? ''))].filter(roleOk);
    const everyone = /@(everyone|here)/.test(content) && (!isRecord(allowed) || Boolean(parse?.includes('everyone')));
    return { mentions, roles, everyone };
  }

  private attachmentsFor(channelId: string, files: RecordedFile[]): APIAttachment[] {
    return files.map((f) => {
      const id = nextSnowflake();
      const filename = f.filename ?? 'file';
      const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: f.size,
        url,
        proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
        ...(f.contentType ? { content_type: f.contentType } : {}),
      };
    });
  }

  private normalizeEmbeds(value: unknown): APIEmbed[] {
    if (!Array.isArray(value)) return [];
    return value.filter(isRecord).map((e) => ({ type: 'rich', ...e }) as APIEmbed);
  }

  /** Applies the message fields of a create/edit body to a message. */
  private applyBody(message: APIMessage, body: Record<string, unknown>, files: RecordedFile[], creating: boolean): void {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = this.normalizeEmbeds(body.embeds);
    if ('components' in body) message.components = Array.isArray(body.components) ? (body.components as APIMessage['components']) : [];
    if ('tts' in body && creating) message.tts = body.tts === true;
    const newAttachments = this.attachmentsFor(message.channel_id, files);
    if ('attachments' in body && Array.isArray(body.attachments)) {
      // Keep existing attachments referenced by id; new files are appended.
      const keep = new Set((body.attachments as unknown[]).filter(isRecord).map((a) => String(a.id)));
      message.attachments = message.attachments.filter((a) => keep.has(a.id));
    }
    message.attachments = [...message.attachments, ...newAttachments];
    if ('flags' in body && typeof body.flags === 'number') {
      const settable = creating
        ? MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2
        : MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
      const keep = (message.flags ?? 0) & ~settable;
      message.flags = keep | (body.flags & settable);
    }
    if ('content' in body || 'allowed_mentions' in body) {
      const { mentions, roles, everyone } = this.mentionsFor(message.content, body.allowed_mentions);
      message.mentions = mentions;
      message.mention_roles = roles;
      message.mention_everyone = everyone;
    }
  }

  interactionMetadata(interaction: InteractionState): APIMessageInteractionMetadata {
    const base = {
      id: interaction.id,
      user: interaction.user,
      authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
    };
    if (interaction.type === InteractionType.MessageComponent && interaction.payload.type === InteractionType.MessageComponent) {
      return { ...base, type: InteractionType.MessageComponent, interacted_message_id: interaction.payload.message.id };
    }
    return { ...base, type: InteractionType.ApplicationCommand };
  }

  createMessage(
    channel: ChannelState,
    init: {
      body: Record<string, unknown>;
      files?: RecordedFile[];
      author?: APIUser;
      type?: MessageType;
      interaction?: InteractionState;
      /** Extra flags (e.g. Loading) not settable through the body. */
      extraFlags?: number;
      messageReference?: APIMessage['message_reference'];
    },
  ): APIMessage {
    const message: APIMessage = {
      ...buildBotMessage({ channelId: channel.id, author: init.author ?? this.botUser, ...(init.extraFlags ? { flags: init.extraFlags } : {}) }),
      type: init.type ?? MessageType.Default,
    };
    this.applyBody(message, init.body, init.files ?? [], true);
    if (init.interaction) {
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.interaction_metadata = this.interactionMetadata(init.interaction);
      const payload = init.interaction.payload;
      if (payload.type === InteractionType.ApplicationCommand) {
        message.interaction = { id: payload.id, type: payload.type, name: payload.data.name, user: init.interaction.user };
      }
    }
    if (init.messageReference) message.message_reference = init.messageReference;
    if (((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) {
      this.ephemeralMessages.set(message.id, message);
    } else {
      channel.messages.set(message.id, message);
      this.dispatch(
        'MESSAGE_CREATE',
        { ...message, ...(channel.guildId ? { guild_id: channel.guildId } : {}) },
        channel.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages,
      );
    }
    return message;
  }

  editMessage(message: APIMessage, body: Record<string, unknown>, files: RecordedFile[] = []): APIMessage {
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    this.applyBody(message, body, files, false);
    if (wasLoading) message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    else message.edited_timestamp = discordTimestamp();
    const channel = this.channels.get(message.channel_id);
    if (channel?.messages.has(message.id)) {
      this.dispatch(
        'MESSAGE_UPDATE',
        { ...message, ...(channel.guildId ? { guild_id: channel.guildId } : {}) },
        channel.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages,
      );
    }
    return message;
  }

  /** A message in a channel or among ephemeral messages. */
  findMessage(id: string): APIMessage | undefined {
    for (const channel of this.channels.values()) {
      const m = channel.messages.get(id);
      if (m) return m;
    }
    return this.ephemeralMessages.get(id);
  }

  deleteMessage(message: APIMessage): void {
    this.ephemeralMessages.delete(message.id);
    const channel = this.channels.get(message.channel_id);
    if (channel?.messages.delete(message.id)) {
      channel.pins.delete(message.id);
      channel.syntheticPins.delete(message.id);
      this.dispatch(
        'MESSAGE_DELETE',
        { id: message.id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) },
        channel.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages,
      );
    }
  }

  // ------------------------------------------------------------------ pins

  private pinClock(): number {
    this.lastPinAt = Math.max(Date.now(), this.lastPinAt + 1);
    return this.lastPinAt;
  }

  pinnedIds(channel: ChannelState): string[] {
    return [...channel.pins.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  pin(channel: ChannelState, messageId: string): void {
    const message = channel.messages.get(messageId);
    if (!message) throw errors.unknownMessage();
    if (channel.pins.has(messageId)) return;
    if (channel.pins.size >= MAX_PINS) throw errors.maxPins();
    const pinnedAt = this.pinClock();
    channel.pins.set(messageId, pinnedAt);
    message.pinned = true;
    this.createMessage(channel, {
      body: { content: '' },
      type: MessageType.ChannelPinnedMessage,
      messageReference: {
        type: MessageReferenceType.Default,
        message_id: messageId,
        channel_id: channel.id,
        ...(channel.guildId ? { guild_id: channel.guildId } : {}),
      },
    });
    this.dispatchPinsUpdate(channel);
  }

  unpin(channel: ChannelState, messageId: string): void {
    const message = channel.messages.get(messageId);
    if (!message) throw errors.unknownMessage();
    if (!channel.pins.delete(messageId)) return;
    channel.syntheticPins.delete(messageId);
    message.pinned = false;
    this.dispatchPinsUpdate(channel);
  }

  private dispatchPinsUpdate(channel: ChannelState): void {
    const last = [...channel.pins.values()].reduce((a, b) => Math.max(a, b), 0);
    this.dispatch(
      'CHANNEL_PINS_UPDATE',
      {
        channel_id: channel.id,
        ...(channel.guildId ? { guild_id: channel.guildId } : {}),
        last_pin_timestamp: last ? discordTimestamp(last) : null,
      },
      channel.guildId ? GatewayIntentBits.Guilds : GatewayIntentBits.DirectMessages,
    );
  }

  /** Pins pages, newest pin first: `{ items: [{ pinned_at, message }], has_more }`. */
  listPins(channel: ChannelState, limit: number, before: number | null): { items: { pinned_at: string; message: APIMessage }[]; has_more: boolean } {
    const all = [...channel.pins.entries()]
      .sort((a, b) => b[1] - a[1])
      .filter(([, at]) => before === null || at < before);
    const page = all.slice(0, limit);
    return {
      items: page.flatMap(([id, at]) => {
        const message = channel.messages.get(id);
        return message ? [{ pinned_at: discordTimestamp(at), message }] : [];
      }),
      has_more: all.length > page.length,
    };
  }

  /**
   * Makes the channel have exactly `count` pins by adding synthetic pinned messages (by DEFAULT_USER,
   * pinned in the past) or unpinning (synthetic first, oldest first). No gateway events when `notify` is false.
   */
  setPinnedCount(channelId: string, count: number, notify = true): void {
    const channel = this.channel(channelId);
    if (count < 0 || count > MAX_PINS) throw new RangeError(`pin count must be between 0 and ${MAX_PINS}`);
    const now = Date.now();
    let i = 0;
    while (channel.pins.size < count) {
      i += 1;
      const message: APIMessage = {
        id: nextSnowflake(),
        channel_id: channel.id,
        author: DEFAULT_USER,
        content: `pre-existing pinned message ${channel.pins.size + 1}`,
        timestamp: discordTimestamp(now - 3_600_000),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: true,
        type: MessageType.Default,
        flags: 0 as MessageFlags,
        components: [],
      };
      channel.messages.set(message.id, message);
      // Synthetic pins happened before anything pinned during the test.
      const earliest = [...channel.pins.values()].reduce((a, b) => Math.min(a, b), now);
      channel.pins.set(message.id, earliest - 1000 * i);
      channel.syntheticPins.add(message.id);
    }
    while (channel.pins.size > count) {
      const ordered = [...channel.pins.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
      const victim = ordered.find((id) => channel.syntheticPins.has(id)) ?? ordered[0];
      if (victim === undefined) break;
      channel.pins.delete(victim);
      channel.syntheticPins.delete(victim);
      const m = channel.messages.get(victim);
      if (m) m.pinned = false;
    }
    if (notify) this.dispatchPinsUpdate(channel);
  }

  setBotPermissions(channelId: string, permissions: bigint): void {
    const channel = this.channel(channelId);
    channel.botPermissions = permissions;
    if (!channel.guildId) return;
    const guild = this.guild(channel.guildId);
    this.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: this.botRole(guild) }, GatewayIntentBits.Guilds);
    for (const id of guild.channelIds) {
      this.dispatch('CHANNEL_UPDATE', this.channelObject(this.channel(id)), GatewayIntentBits.Guilds);
    }
  }

  // ------------------------------------------------------------------ commands

  commandList(guildId: string | null): RegisteredCommand[] {
    if (guildId === null) return this.globalCommands;
    let list = this.guildCommands.get(guildId);
    if (!list) {
      list = [];
      this.guildCommands.set(guildId, list);
    }
    return list;
  }

  toRegistered(body: Record<string, unknown>, guildId: string | null, existing?: RegisteredCommand): RegisteredCommand {
    const type = typeof body.type === 'number' ? (body.type as ApplicationCommandType) : ApplicationCommandType.ChatInput;
    const base: Record<string, unknown> = {
      default_member_permissions: null,
      type,
      description: '',
      nsfw: false,
      // Discord echoes integration types and contexts back; without them, a command is guild-install only.
      integration_types: [0],
      contexts: null,
      ...(guildId === null ? { dm_permission: true } : {}),
      ...body,
      id: existing?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      version: nextSnowflake(),
    };
    if (guildId !== null) base.guild_id = guildId;
    return base as unknown as RegisteredCommand;
  }

  /** Bulk overwrite; commands keep their id when name and type match an existing one. */
  overwriteCommands(guildId: string | null, bodies: Record<string, unknown>[]): RegisteredCommand[] {
    const list = this.commandList(guildId);
    const next = bodies.map((body) => {
      const type = typeof body.type === 'number' ? body.type : 1;
      const existing = list.find((c) => c.name === body.name && c.type === type);
      return this.toRegistered(body, guildId, existing);
    });
    list.splice(0, list.length, ...next);
    return next;
  }

  findCommandByName(name: string, guildId: string | null): RegisteredCommand | undefined {
    const inGuild = guildId ? this.guildCommands.get(guildId)?.find((c) => c.name === name) : undefined;
    return inGuild ?? this.globalCommands.find((c) => c.name === name);
  }

  // ------------------------------------------------------------------ interactions

  /** Registers a dispatched interaction; dispatching the same id+token again reuses its state (so a second reply gets 40060). */
  registerInteraction(payload: APIInteraction): InteractionState {
    const known = this.interactions.get(payload.id);
    if (known && known.token === payload.token) return known;
    const user = payload.member?.user ?? payload.user;
    if (!user) throw new Error('interaction payload needs member.user or user');
    this.users.set(user.id, user);
    if (payload.type === InteractionType.ApplicationCommand && payload.data.type === ApplicationCommandType.ChatInput) {
      for (const u of Object.values(payload.data.resolved?.users ?? {})) this.users.set(u.id, u);
    }
    const channelId = payload.channel?.id ?? payload.channel_id;
    if (!channelId) throw new Error('interaction payload needs channel.id');
    if (!payload.guild_id) {
      const channel = this.ensureDmChannel(channelId, user);
      // A group DM the bot is not in (reached through a user install): it can answer, not act there.
      if (payload.context === InteractionContextType.PrivateChannel) channel.botPermissions = BigInt(payload.app_permissions);
    }
    else if (!this.channels.has(channelId)) {
      // A guild channel the fake was not configured with: track its messages anyway.
      this.channels.set(channelId, {
        id: channelId,
        guildId: payload.guild_id,
        type: ChannelType.GuildText,
        name: payload.channel?.name ?? 'unknown',
        topic: null,
        position: 0,
        botPermissions: BigInt(payload.app_permissions),
        messages: new Map(),
        pins: new Map(),
        syntheticPins: new Set(),
        recipient: null,
      });
    }
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      channelId,
      guildId: payload.guild_id ?? null,
      user,
      acknowledged: false,
      responseType: null,
      originalMessageId: null,
      deferredLoading: false,
      ephemeral: false,
      messageIds: new Set(),
      followUpIds: [],
    };
    this.interactions.set(state.id, state);
    this.interactionsByToken.set(state.token, state);
    return state;
  }

  /** The channel an interaction happened in (DM channels are created on demand). */
  interactionChannel(interaction: InteractionState): ChannelState {
    return this.channels.get(interaction.channelId) ?? this.ensureDmChannel(interaction.channelId, interaction.user);
  }

  /** For component interactions: the message the component is on, stored in the channel if unknown. */
  componentMessage(interaction: InteractionState): APIMessage | null {
    const payload = interaction.payload;
    if (payload.type !== InteractionType.MessageComponent && payload.type !== InteractionType.ModalSubmit) return null;
    const source = payload.message;
    if (!source) return null;
    const known = this.findMessage(source.id);
    if (known) return known;
    const channel = this.interactionChannel(interaction);
    const copy: APIMessage = structuredClone(source);
    if (((copy.flags ?? 0) & MessageFlags.Ephemeral) !== 0) this.ephemeralMessages.set(copy.id, copy);
    else channel.messages.set(copy.id, copy);
    return copy;
  }
}
