/**
 * Builders for realistic Discord payloads (users, members, channels, interactions) as Discord's
 * gateway would send them to a bot using API v10. Shapes follow discord-api-types (re-exported by
 * discord.js), so `tsc` checks that every field discord.js relies on is present: `channel` object,
 * `entitlements` array, `authorizing_integration_owners`, `app_permissions`, `member.permissions`,
 * `locale`, `context`, `attachment_size_limit`, `version`.
 *
 * These functions are pure (no server state). `FakeDiscord` wraps them with defaults taken from its
 * state (guild, channel, bot permissions); use these directly for payloads the server does not know.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIActionRowComponent,
  APIAttachment,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIComponentInMessageActionRow,
  APIInteractionDataResolved,
  APIInteractionDataResolvedGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIEmbed,
  APIUser,
  GuildFeature,
  GuildMemberFlags,
  MessageFlags,
  UserFlags,
} from 'discord.js';

// ---------------------------------------------------------------------------------------------
// Ids and constants
// ---------------------------------------------------------------------------------------------

/** Discord's epoch (2015-01-01T00:00:00.000Z) in ms. */
export const DISCORD_EPOCH = 1420070400000n;

let lastSnowflake = 0n;
/** A fresh, strictly increasing snowflake string whose timestamp is `at` (default now). */
export function nextSnowflake(at: number = Date.now()): string {
  let id = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  if (id <= lastSnowflake) id = lastSnowflake + 1n;
  lastSnowflake = id;
  return id.toString();
}

/** A unique interaction token (real ones are ~200 characters, url-safe). */
export function newInteractionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}

/** Discord formats timestamps as `2026-11-03T10:00:00.123000+00:00`. */
export function discordTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

export const DEFAULT_TOKEN = 'test-token';
export const DEFAULT_APPLICATION_ID = '1300000000000000001';
export const DEFAULT_GUILD_ID = '1300000000000000100';
export const DEFAULT_CHANNEL_ID = '1300000000000000200';
export const DEFAULT_USER_ID = '1300000000000000300';

/** PermissionFlagsBits.PinMessages; since 2026-02-23 ManageMessages alone no longer allows pinning. */
export const PIN_MESSAGES = 1n << 51n;

/** Default permissions of the bot in every channel. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PIN_MESSAGES;

/** Channel permissions of an ordinary member (what `member.permissions` carries by default). */
export const DEFAULT_MEMBER_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

/** Permissions can be given as bigint (PermissionFlagsBits) or Discord's decimal string. */
export type PermissionsInput = bigint | string;

export function permissionsString(value: PermissionsInput): string {
  return typeof value === 'bigint' ? value.toString() : BigInt(value).toString();
}

// ---------------------------------------------------------------------------------------------
// Users, members, channels
// ---------------------------------------------------------------------------------------------

export interface UserInit {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export function buildUser(init: UserInit = {}): APIUser {
  const id = init.id ?? nextSnowflake();
  const username = init.username ?? `user${id.slice(-4)}`;
  return {
    id,
    username,
    discriminator: '0',
    global_name: init.globalName === undefined ? (init.bot ? null : username) : init.globalName,
    avatar: null,
    bot: init.bot ?? false,
    system: false,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** The default human user that invokes interactions. */
export const DEFAULT_USER: APIUser = buildUser({ id: DEFAULT_USER_ID, username: 'tester', globalName: 'Tester' });

export function buildInteractionMember(user: APIUser, permissions: PermissionsInput): APIInteractionGuildMember {
  return {
    user,
    roles: [],
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    joined_at: discordTimestamp(Date.parse('2025-01-01T00:00:00Z')),
    pending: false,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    communication_disabled_until: null,
    permissions: permissionsString(permissions),
  };
}

/** The `channel` object Discord attaches to interactions (a partial channel plus the invoker's permissions). */
export interface InteractionChannelInit {
  id: string;
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.DM;
  name?: string;
  guildId?: string;
}

// ---------------------------------------------------------------------------------------------
// Slash-command options
// ---------------------------------------------------------------------------------------------

type CommandOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;

/** One option as it appears in `data.options`, plus what it contributes to `data.resolved`. */
export interface BuiltOption {
  option: CommandOption;
  resolved?: APIInteractionDataResolved;
}

function mergeResolved(
  target: APIInteractionDataResolved | undefined,
  source: APIInteractionDataResolved | undefined,
): APIInteractionDataResolved | undefined {
  if (!source) return target;
  const out: APIInteractionDataResolved = { ...target };
  if (source.users) out.users = { ...out.users, ...source.users };
  if (source.members) out.members = { ...out.members, ...source.members };
  if (source.roles) out.roles = { ...out.roles, ...source.roles };
  if (source.channels) out.channels = { ...out.channels, ...source.channels };
  if (source.attachments) out.attachments = { ...out.attachments, ...source.attachments };
  return out;
}

/** Helpers for `data.options` entries. User options fill `resolved.users` (and `resolved.members` in guilds). */
export const option = {
  string(name: string, value: string, focused?: boolean): BuiltOption {
    return { option: { name, type: ApplicationCommandOptionType.String, value, ...(focused ? { focused } : {}) } };
  },
  integer(name: string, value: number): BuiltOption {
    return { option: { name, type: ApplicationCommandOptionType.Integer, value } };
  },
  number(name: string, value: number): BuiltOption {
    return { option: { name, type: ApplicationCommandOptionType.Number, value } };
  },
  boolean(name: string, value: boolean): BuiltOption {
    return { option: { name, type: ApplicationCommandOptionType.Boolean, value } };
  },
  /**
   * A USER option. Pass `memberPermissions` to also add `resolved.members[id]` (what Discord does
   * when the user is a member of the guild the command ran in).
   */
  user(name: string, user: APIUser, memberPermissions?: PermissionsInput): BuiltOption {
    const resolved: APIInteractionDataResolved = { users: { [user.id]: user } };
    if (memberPermissions !== undefined) {
      const member: APIInteractionDataResolvedGuildMember = {
        roles: [],
        nick: null,
        avatar: null,
        banner: null,
        premium_since: null,
        joined_at: discordTimestamp(Date.parse('2025-01-01T00:00:00Z')),
        pending: false,
        flags: 0 as GuildMemberFlags,
        communication_disabled_until: null,
        permissions: permissionsString(memberPermissions),
      };
      resolved.members = { [user.id]: member };
    }
    return { option: { name, type: ApplicationCommandOptionType.User, value: user.id }, resolved };
  },
  /** An ATTACHMENT option: the value is the attachment id, the file itself goes in `resolved.attachments`. */
  attachment(name: string, attachment: APIAttachment): BuiltOption {
    return { option: { name, type: ApplicationCommandOptionType.Attachment, value: attachment.id }, resolved: { attachments: { [attachment.id]: attachment } } };
  },
  subcommand(name: string, options: BuiltOption[] = []): BuiltOption {
    let resolved: APIInteractionDataResolved | undefined;
    const basic = options.map((o) => {
      resolved = mergeResolved(resolved, o.resolved);
      return o.option;
    });
    const inner = basic.filter(
      (o): o is Exclude<CommandOption, { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }> =>
        o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup,
    );
    return resolved
      ? { option: { name, type: ApplicationCommandOptionType.Subcommand, options: inner }, resolved }
      : { option: { name, type: ApplicationCommandOptionType.Subcommand, options: inner } };
  },
  subcommandGroup(name: string, subcommand: BuiltOption): BuiltOption {
    const sub = subcommand.option;
    if (sub.type !== ApplicationCommandOptionType.Subcommand) throw new Error('subcommandGroup needs a subcommand option');
    return subcommand.resolved
      ? { option: { name, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }, resolved: subcommand.resolved }
      : { option: { name, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] } };
  },
};

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

/** Where and by whom an interaction is invoked. */
export interface InteractionContextInit {
  applicationId?: string;
  /** Guild id; `null` makes a DM interaction (no `guild_id`/`member`, top-level `user`, channel type 1). */
  guildId?: string | null;
  /** Channel id (guild text channel, or the DM channel when `guildId` is null). Default: DEFAULT_CHANNEL_ID / a fresh id for DMs. */
  channelId?: string;
  channelName?: string;
  /** The invoking user. Default DEFAULT_USER. */
  user?: APIUser;
  /** Invoker's permissions in the channel (`member.permissions`, guild only). Default DEFAULT_MEMBER_PERMISSIONS. */
  memberPermissions?: PermissionsInput;
  /** The bot's permissions in the channel (`app_permissions`). Default DEFAULT_BOT_PERMISSIONS. */
  appPermissions?: PermissionsInput;
  locale?: Locale;
  guildLocale?: Locale;
  /** Interaction id; default a fresh snowflake. */
  id?: string;
  /** Interaction token; default a fresh unique token. */
  token?: string;
  /**
   * Which install of the app authorised the interaction (`authorizing_integration_owners`). 'guild' (default):
   * the bot is in the server. 'user': only the invoking user installed the app; in a server the bot is not a
   * member of, Discord then sends `app_permissions` of ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE only.
   * 'both': the server and the user installed it.
   */
  installation?: 'guild' | 'user' | 'both';
  /** With `guildId: null`: a group DM (context PRIVATE_CHANNEL, channel type 3), reachable only through a user install. */
  groupDm?: boolean;
}

/** What Discord reports as `app_permissions` where the bot is not present: (G)DMs with other users, servers it is not in. */
export const NOT_PRESENT_APP_PERMISSIONS: bigint = PermissionFlagsBits.AttachFiles | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;

function integrationOwners(installation: 'guild' | 'user' | 'both', guildId: string | null, userId: string): Partial<Record<ApplicationIntegrationType, string>> {
  const guild = { [ApplicationIntegrationType.GuildInstall]: guildId ?? '0' };
  const user = { [ApplicationIntegrationType.UserInstall]: userId };
  return installation === 'guild' ? guild : installation === 'user' ? user : { ...guild, ...user };
}

interface BaseFields {
  id: string;
  application_id: string;
  token: string;
  version: 1;
  app_permissions: string;
  locale: Locale;
  entitlements: [];
  authorizing_integration_owners: Partial<Record<ApplicationIntegrationType, string>>;
  context: InteractionContextType;
  attachment_size_limit: number;
  channel_id: string;
  channel: APIChatInputApplicationCommandInteraction['channel'];
}

type GuildOrDmFields =
  | { guild_id: string; member: APIInteractionGuildMember; guild_locale: Locale; guild: { id: string; locale: Locale; features: GuildFeature[] } }
  | { user: APIUser };

function baseFields(ctx: InteractionContextInit): BaseFields & GuildOrDmFields {
  const applicationId = ctx.applicationId ?? DEFAULT_APPLICATION_ID;
  const user = ctx.user ?? DEFAULT_USER;
  const inGuild = ctx.guildId !== null;
  const guildId = ctx.guildId ?? DEFAULT_GUILD_ID;
  const channelId = ctx.channelId ?? (inGuild ? DEFAULT_CHANNEL_ID : nextSnowflake());
  const memberPermissions = permissionsString(ctx.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS);
  const locale = ctx.locale ?? Locale.EnglishUS;
  const installation = ctx.installation ?? (ctx.groupDm ? 'user' : 'guild');
  const notPresent = installation === 'user' || ctx.groupDm === true;
  const common = {
    id: ctx.id ?? nextSnowflake(),
    application_id: applicationId,
    token: ctx.token ?? newInteractionToken(),
    version: 1 as const,
    app_permissions: permissionsString(ctx.appPermissions ?? (notPresent ? NOT_PRESENT_APP_PERMISSIONS : DEFAULT_BOT_PERMISSIONS)),
    locale,
    entitlements: [] as [],
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: channelId,
  };
  if (inGuild) {
    // Discord adds the invoker's `permissions` to the interaction's channel object (not in discord-api-types' type).
    const channel = {
      id: channelId,
      type: ChannelType.GuildText as const,
      guild_id: guildId,
      name: ctx.channelName ?? 'general',
      position: 0,
      parent_id: null,
      topic: null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: null,
      permissions: memberPermissions,
    };
    return {
      ...common,
      authorizing_integration_owners: integrationOwners(installation, guildId, user.id),
      context: InteractionContextType.Guild,
      channel,
      guild_id: guildId,
      guild: { id: guildId, locale: ctx.guildLocale ?? Locale.EnglishUS, features: [] },
      guild_locale: ctx.guildLocale ?? Locale.EnglishUS,
      member: buildInteractionMember(user, memberPermissions),
    };
  }
  if (ctx.groupDm) {
    return {
      ...common,
      authorizing_integration_owners: integrationOwners('user', null, user.id),
      context: InteractionContextType.PrivateChannel,
      channel: { id: channelId, type: ChannelType.GroupDM, last_message_id: null, recipients: [user], name: null, icon: null, owner_id: user.id } as never,
      user,
    };
  }
  return {
    ...common,
    authorizing_integration_owners: integrationOwners(installation, null, user.id),
    context: InteractionContextType.BotDM,
    channel: {
      id: channelId,
      type: ChannelType.DM,
      last_message_id: null,
      recipients: [user],
    },
    user,
  };
}

export interface SlashCommandInit extends InteractionContextInit {
  name: string;
  /** Command id; default a fresh snowflake (FakeDiscord fills in the registered command's id). */
  commandId?: string;
  /** Options (see `option.*`); their `resolved` parts are merged into `data.resolved`. */
  options?: BuiltOption[];
  /** Set when the command is a guild command (`data.guild_id`). */
  commandGuildId?: string;
}

/** A type-2 APPLICATION_COMMAND interaction for a CHAT_INPUT (slash) command. */
export function buildSlashCommandInteraction(init: SlashCommandInit): APIChatInputApplicationCommandInteraction {
  let resolved: APIInteractionDataResolved | undefined;
  const options = (init.options ?? []).map((o) => {
    resolved = mergeResolved(resolved, o.resolved);
    return o.option;
  });
  const data: APIChatInputApplicationCommandInteraction['data'] = {
    id: init.commandId ?? nextSnowflake(),
    name: init.name,
    type: ApplicationCommandType.ChatInput,
    ...(options.length ? { options } : {}),
    ...(resolved ? { resolved } : {}),
    ...(init.commandGuildId ? { guild_id: init.commandGuildId } : {}),
  };
  return { ...baseFields(init), type: InteractionType.ApplicationCommand, data };
}

export interface UserMessageInit {
  id?: string;
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  /** Attachments by file name (sizes and urls are made up). */
  attachments?: string[];
}

/** A message someone posted, as Discord includes it in `resolved.messages` (content included: no intent needed there). */
export function buildUserMessage(init: UserMessageInit): APIMessage {
  const message = buildBotMessage({ channelId: init.channelId, author: init.author, content: init.content ?? '', ...(init.id ? { id: init.id } : {}) });
  message.embeds = init.embeds ?? [];
  message.attachments = (init.attachments ?? []).map((filename) => {
    const id = nextSnowflake();
    const url = `https://cdn.discordapp.invalid/attachments/${init.channelId}/${id}/${filename}`;
    return { id, filename, size: 1024, url, proxy_url: url };
  });
  return message;
}

export interface MessageCommandInit extends InteractionContextInit {
  /** The command's name as registered ("Check against the article"). */
  name: string;
  commandId?: string;
  commandGuildId?: string;
  /** The message right-clicked. With `null`, `resolved.messages` lacks it (as if deleted before Discord resolved it). */
  target: APIMessage | null;
  /** `target_id` when `target` is null. Default a fresh snowflake. */
  targetId?: string;
}

/** A type-2 APPLICATION_COMMAND interaction for a MESSAGE context-menu command (`data.type` 3, `target_id`, `resolved.messages`). */
export function buildMessageCommandInteraction(init: MessageCommandInit): APIMessageApplicationCommandInteraction {
  const targetId = init.target?.id ?? init.targetId ?? nextSnowflake();
  const data: APIMessageApplicationCommandInteraction['data'] = {
    id: init.commandId ?? nextSnowflake(),
    name: init.name,
    type: ApplicationCommandType.Message,
    target_id: targetId,
    resolved: { messages: init.target ? { [targetId]: init.target } : {} },
    ...(init.commandGuildId ? { guild_id: init.commandGuildId } : {}),
  };
  return { ...baseFields(init), type: InteractionType.ApplicationCommand, data } as APIMessageApplicationCommandInteraction;
}

export interface AutocompleteInit extends InteractionContextInit {
  name: string;
  commandId?: string;
  /** The option being typed (Discord marks it `focused: true`; its value is the partial input, type STRING by default). */
  focused: { name: string; value: string; type?: 'string' | 'integer' | 'number' };
  /** Other options already filled in (autocomplete payloads carry them without `resolved`). */
  options?: BuiltOption[];
  /** Put the options under this subcommand. */
  subcommand?: string;
  commandGuildId?: string;
}

/** A type-4 APPLICATION_COMMAND_AUTOCOMPLETE interaction. */
export function buildAutocompleteInteraction(init: AutocompleteInit): APIApplicationCommandAutocompleteInteraction {
  const focusedType = init.focused.type ?? 'string';
  // Autocomplete values are always sent as the raw string the user typed.
  const focused =
    focusedType === 'string'
      ? { name: init.focused.name, type: ApplicationCommandOptionType.String as const, value: init.focused.value, focused: true }
      : {
          name: init.focused.name,
          type: focusedType === 'integer' ? (ApplicationCommandOptionType.Integer as const) : (ApplicationCommandOptionType.Number as const),
          value: init.focused.value,
          focused: true,
        };
  const others = (init.options ?? []).map((o) => o.option);
  type AutocompleteOption = APIApplicationCommandAutocompleteInteraction['data']['options'][number];
  const basic = [...others, focused] as AutocompleteOption[];
  const options: AutocompleteOption[] = init.subcommand
    ? ([{ name: init.subcommand, type: ApplicationCommandOptionType.Subcommand, options: basic }] as AutocompleteOption[])
    : basic;
  return {
    ...baseFields(init),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: init.commandId ?? nextSnowflake(),
      name: init.name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(init.commandGuildId ? { guild_id: init.commandGuildId } : {}),
    },
  };
}

export interface BotMessageInit {
  id?: string;
  channelId: string;
  author: APIUser;
  content?: string;
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  applicationId?: string;
  flags?: number;
}

/** A message authored by the bot (what a button interaction's `message` field carries). */
export function buildBotMessage(init: BotMessageInit): APIMessage {
  return {
    id: init.id ?? nextSnowflake(),
    channel_id: init.channelId,
    author: init.author,
    content: init.content ?? '',
    timestamp: discordTimestamp(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: (init.flags ?? 0) as MessageFlags,
    components: init.components ?? [],
    ...(init.applicationId ? { application_id: init.applicationId } : {}),
  };
}

export function buttonRow(customIds: string[]): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: customIds.map((customId) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: customId,
      label: customId.slice(0, 80),
    })),
  };
}

export interface ButtonInit extends InteractionContextInit {
  customId: string;
  /** The message the button is on. Default: a bot message in the channel with this button. */
  message?: APIMessage;
  /** Author of the default message (the bot user). */
  botUser?: APIUser;
}

/** A type-3 MESSAGE_COMPONENT interaction for a button click. */
export function buildButtonInteraction(init: ButtonInit): APIMessageComponentButtonInteraction {
  const base = baseFields(init);
  const message =
    init.message ??
    buildBotMessage({
      channelId: base.channel_id,
      author: init.botUser ?? buildUser({ id: base.application_id, username: 'bot', bot: true }),
      content: 'message with a button',
      components: [buttonRow([init.customId])],
      applicationId: base.application_id,
    });
  return {
    ...base,
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: init.customId, component_type: ComponentType.Button },
  };
}
