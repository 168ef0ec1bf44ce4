/**
 * REST routes of the fake Discord API (paths relative to `/api/v10`). Each handler works on
 * `FakeDiscordState` and returns `{ status, body }` or throws `DiscordHttpError`.
 */
import { InteractionResponseType, InteractionType, MessageFlags, MessageType, PermissionFlagsBits } from 'discord.js';
import type { APIMessage, RESTPostAPIInteractionCallbackWithResponseResult } from 'discord.js';
import type { RecordedFile } from './http.ts';
import { isRecord } from './http.ts';
import { PIN_MESSAGES } from './payloads.ts';
import type { FakeDiscordState, InteractionState } from './state.ts';
import { DiscordHttpError, errors } from './state.ts';
import { invalidFormBody, validateAutocompleteData, validateCommand, validateCommandList, validateMessageBody } from './validation.ts';

/** One REST request as received, plus the answer the fake gave. */
export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Route path without `/api/v10`, percent-decoded (so it equals `Routes.*` output), e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The request URL as received (`/api/v10/...?...`, still percent-encoded). */
  url: string;
  /** Matched route template, e.g. `PUT /channels/:channel/messages/pins/:message`; null when no route matched. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body (or `payload_json` of a multipart body); null without body. */
  body: unknown;
  files: RecordedFile[];
  /** API version from the URL (`10`), null when the path had none. */
  apiVersion: number | null;
  /** Interaction this request belongs to (callbacks and interaction webhooks). */
  interactionId: string | null;
  interactionToken: string | null;
  /** HTTP status answered (0 while in flight). */
  status: number;
  /** Body answered (undefined for 204). */
  response: unknown;
  receivedAt: number;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  request: RecordedRequest;
}

interface RouteDef {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  /** Needs `Authorization: Bot <token>`. */
  auth: boolean;
  handler: (ctx: RouteContext) => Reply;
}

function param(ctx: RouteContext, key: string): string {
  const value = ctx.params[key];
  if (value === undefined) throw new Error(`route parameter ${key} missing`);
  return value;
}

function bodyRecord(ctx: RouteContext): Record<string, unknown> {
  return isRecord(ctx.body) ? ctx.body : {};
}

function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

const noContent: Reply = { status: 204 };

export class RestRouter {
  private readonly routes: RouteDef[] = [];

  constructor(
    private readonly state: FakeDiscordState,
    private readonly gatewayUrl: () => string,
  ) {
    this.registerRoutes();
  }

  private add(method: string, template: string, auth: boolean, handler: (ctx: RouteContext) => Reply): void {
    const keys: string[] = [];
    const pattern = template
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          keys.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, template, regex: new RegExp(`^${pattern}/?$`), keys, auth, handler });
  }

  /** Finds the route for `method path`; throws 404/405 like Discord. */
  match(method: string, path: string): { route: RouteDef; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params };
    }
    throw pathMatched ? errors.methodNotAllowed() : errors.notFound();
  }

  // ------------------------------------------------------------------ routes

  private registerRoutes(): void {
    const s = this.state;

    // Gateway discovery and identity
    this.add('GET', '/gateway', false, () => ok({ url: this.gatewayUrl() }));
    this.add('GET', '/gateway/bot', true, () =>
      ok({
        url: this.gatewayUrl(),
        shards: this.state.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
    );
    this.add('GET', '/users/@me', true, () => ok(s.botUser));
    this.add('GET', '/users/:user', true, (ctx) => {
      const user = s.users.get(param(ctx, 'user'));
      if (!user) throw errors.unknownUser();
      return ok(user);
    });
    const application = () =>
      ok({
        id: s.applicationId,
        name: s.botUser.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        owner: s.users.get('1300000000000000300') ?? null,
        team: null,
        bot: s.botUser,
        approximate_guild_count: s.guilds.size,
        integration_types_config: { '0': {} },
      });
    this.add('GET', '/applications/@me', true, application);
    this.add('GET', '/oauth2/applications/@me', true, application);

    // Application commands
    const checkApp = (ctx: RouteContext): void => {
      if (param(ctx, 'app') !== s.applicationId) throw errors.missingAccess();
    };
    const guildOf = (ctx: RouteContext): string | null => {
      const guildId = ctx.params.guild;
      if (guildId === undefined) return null;
      if (!s.guilds.has(guildId)) throw errors.missingAccess();
      return guildId;
    };
    for (const prefix of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      this.add('GET', prefix, true, (ctx) => {
        checkApp(ctx);
        return ok(s.commandList(guildOf(ctx)));
      });
      this.add('PUT', prefix, true, (ctx) => {
        checkApp(ctx);
        const guildId = guildOf(ctx);
        const issues = validateCommandList(ctx.body);
        if (issues.length) throw formError(issues);
        return ok(s.overwriteCommands(guildId, (ctx.body as unknown[]).filter(isRecord)));
      });
      this.add('POST', prefix, true, (ctx) => {
        checkApp(ctx);
        const guildId = guildOf(ctx);
        const issues = validateCommand(ctx.body);
        if (issues.length) throw formError(issues);
        const body = bodyRecord(ctx);
        const list = s.commandList(guildId);
        const type = typeof body.type === 'number' ? body.type : 1;
        const index = list.findIndex((c) => c.name === body.name && c.type === type);
        const command = s.toRegistered(body, guildId, index === -1 ? undefined : list[index]);
        if (index === -1) list.push(command);
        else list[index] = command;
        return ok(command, index === -1 ? 201 : 200);
      });
      this.add('GET', `${prefix}/:command`, true, (ctx) => {
        checkApp(ctx);
        const command = s.commandList(guildOf(ctx)).find((c) => c.id === param(ctx, 'command'));
        if (!command) throw errors.unknownCommand();
        return ok(command);
      });
      this.add('PATCH', `${prefix}/:command`, true, (ctx) => {
        checkApp(ctx);
        const guildId = guildOf(ctx);
        const list = s.commandList(guildId);
        const index = list.findIndex((c) => c.id === param(ctx, 'command'));
        const existing = list[index];
        if (!existing) throw errors.unknownCommand();
        const merged = { ...existing, ...bodyRecord(ctx) };
        const issues = validateCommand(merged);
        if (issues.length) throw formError(issues);
        const command = s.toRegistered(merged, guildId, existing);
        list[index] = command;
        return ok(command);
      });
      this.add('DELETE', `${prefix}/:command`, true, (ctx) => {
        checkApp(ctx);
        const list = s.commandList(guildOf(ctx));
        const index = list.findIndex((c) => c.id === param(ctx, 'command'));
        if (index === -1) throw errors.unknownCommand();
        list.splice(index, 1);
        return noContent;
      });
    }

    // Interaction callback (no Authorization header)
    this.add('POST', '/interactions/:interaction/:token/callback', false, (ctx) => this.interactionCallback(ctx));

    // Interaction webhooks (no Authorization header)
    this.add('POST', '/webhooks/:app/:token', false, (ctx) => this.followUp(ctx));
    this.add('GET', '/webhooks/:app/:token/messages/:message', false, (ctx) => {
      const { message } = this.webhookMessage(ctx);
      return ok(message);
    });
    this.add('PATCH', '/webhooks/:app/:token/messages/:message', false, (ctx) => {
      const { message, interaction } = this.webhookMessage(ctx);
      const { issues } = validateMessageBody(ctx.body, ctx.files.length);
      if (issues.length) throw formError(issues);
      s.editMessage(message, bodyRecord(ctx), ctx.files);
      if (message.id === interaction.originalMessageId) interaction.deferredLoading = false;
      return ok(message);
    });
    this.add('DELETE', '/webhooks/:app/:token/messages/:message', false, (ctx) => {
      const { message, interaction } = this.webhookMessage(ctx);
      s.deleteMessage(message);
      interaction.messageIds.delete(message.id);
      return noContent;
    });

    // Channels and messages
    this.add('GET', '/channels/:channel', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, 0n);
      return ok(s.channelObject(channel));
    });
    this.add('POST', '/channels/:channel/typing', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PermissionFlagsBits.SendMessages);
      return noContent;
    });
    this.add('GET', '/channels/:channel/messages', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, 0n);
      if ((channel.botPermissions & PermissionFlagsBits.ReadMessageHistory) === 0n && channel.guildId) return ok([]);
      const limit = intQuery(ctx, 'limit', 50, 1, 100);
      const all = [...channel.messages.values()];
      const before = ctx.query.get('before');
      const after = ctx.query.get('after');
      let list = all;
      if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      const page = after ? list.slice(0, limit) : list.slice(-limit);
      return ok(page.reverse());
    });
    this.add('POST', '/channels/:channel/messages', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PermissionFlagsBits.SendMessages);
      const { issues, empty } = validateMessageBody(ctx.body, ctx.files.length);
      if (issues.length) throw formError(issues);
      if (empty) throw errors.emptyMessage();
      const body = bodyRecord(ctx);
      if (typeof body.flags === 'number' && (body.flags & MessageFlags.Ephemeral) !== 0) {
        throw formError([{ path: ['flags'], code: 'MESSAGE_FLAGS_INVALID', message: 'Ephemeral messages can only be sent in interaction responses' }]);
      }
      const reference = isRecord(body.message_reference) ? body.message_reference : null;
      let messageReference: APIMessage['message_reference'];
      if (reference && typeof reference.message_id === 'string') {
        if (!channel.messages.has(reference.message_id) && reference.fail_if_not_exists !== false) {
          throw formError([{ path: ['message_reference'], code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
        }
        s.requirePermissions(channel, PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory);
        messageReference = { type: 0, message_id: reference.message_id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
      }
      const message = s.createMessage(channel, {
        body,
        files: ctx.files,
        type: messageReference ? MessageType.Reply : MessageType.Default,
        ...(messageReference ? { messageReference } : {}),
      });
      return ok(message);
    });

    // Pins — current routes (must be registered before /messages/:message)
    this.add('GET', '/channels/:channel/messages/pins', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
      const limit = intQuery(ctx, 'limit', 50, 1, 50);
      const beforeRaw = ctx.query.get('before');
      let before: number | null = null;
      if (beforeRaw) {
        before = Date.parse(beforeRaw);
        if (Number.isNaN(before)) throw formError([{ path: ['before'], code: 'DATE_TYPE_PARSE', message: 'Could not parse datetime.' }]);
      }
      return ok(s.listPins(channel, limit, before));
    });
    this.add('PUT', '/channels/:channel/messages/pins/:message', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PIN_MESSAGES);
      s.pin(channel, param(ctx, 'message'));
      return noContent;
    });
    this.add('DELETE', '/channels/:channel/messages/pins/:message', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PIN_MESSAGES);
      s.unpin(channel, param(ctx, 'message'));
      return noContent;
    });

    this.add('GET', '/channels/:channel/messages/:message', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
      const message = channel.messages.get(param(ctx, 'message'));
      if (!message) throw errors.unknownMessage();
      return ok(message);
    });
    this.add('PATCH', '/channels/:channel/messages/:message', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, 0n);
      const message = channel.messages.get(param(ctx, 'message'));
      if (!message) throw errors.unknownMessage();
      if (message.author.id !== s.botUser.id) throw errors.cannotEditOthers();
      const { issues } = validateMessageBody(ctx.body, ctx.files.length);
      if (issues.length) throw formError(issues);
      return ok(s.editMessage(message, bodyRecord(ctx), ctx.files));
    });
    this.add('DELETE', '/channels/:channel/messages/:message', true, (ctx) => {
      const channel = s.channel(param(ctx, 'channel'));
      s.requirePermissions(channel, 0n);
      const message = channel.messages.get(param(ctx, 'message'));
      if (!message) throw errors.unknownMessage();
      if (message.author.id !== s.botUser.id) s.requirePermissions(channel, PermissionFlagsBits.ManageMessages);
      s.deleteMessage(message);
      return noContent;
    });

    // Pins — deprecated routes: 404 unless legacyPinRoutes is 'serve'
    const legacy = (handler: (ctx: RouteContext) => Reply) => (ctx: RouteContext) => {
      if (s.legacyPinRoutes !== 'serve') throw errors.notFound();
      return handler(ctx);
    };
    this.add(
      'GET',
      '/channels/:channel/pins',
      true,
      legacy((ctx) => {
        const channel = s.channel(param(ctx, 'channel'));
        s.requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
        return ok(s.listPins(channel, 50, null).items.map((i) => i.message));
      }),
    );
    this.add(
      'PUT',
      '/channels/:channel/pins/:message',
      true,
      legacy((ctx) => {
        const channel = s.channel(param(ctx, 'channel'));
        s.requirePermissions(channel, PIN_MESSAGES);
        s.pin(channel, param(ctx, 'message'));
        return noContent;
      }),
    );
    this.add(
      'DELETE',
      '/channels/:channel/pins/:message',
      true,
      legacy((ctx) => {
        const channel = s.channel(param(ctx, 'channel'));
        s.requirePermissions(channel, PIN_MESSAGES);
        s.unpin(channel, param(ctx, 'message'));
        return noContent;
      }),
    );

    // Guilds
    this.add('GET', '/guilds/:guild', true, (ctx) => ok(s.guildObject(s.guild(param(ctx, 'guild')))));
    this.add('GET', '/guilds/:guild/channels', true, (ctx) => {
      const guild = s.guild(param(ctx, 'guild'));
      return ok(guild.channelIds.map((id) => s.channelObject(s.channel(id))));
    });
    this.add('GET', '/guilds/:guild/roles', true, (ctx) => {
      const guild = s.guild(param(ctx, 'guild'));
      return ok([s.everyoneRole(guild), s.botRole(guild)]);
    });
    this.add('GET', '/guilds/:guild/members/:user', true, (ctx) => {
      const guild = s.guild(param(ctx, 'guild'));
      const userId = param(ctx, 'user');
      if (userId !== s.botUser.id && userId !== guild.ownerId) throw errors.unknownMember();
      const user = s.users.get(userId);
      if (!user) throw errors.unknownMember();
      return ok(s.member(guild, user));
    });
  }

  // ------------------------------------------------------------------ interactions

  private interactionCallback(ctx: RouteContext): Reply {
    const s = this.state;
    const interaction = s.interactions.get(param(ctx, 'interaction'));
    if (!interaction || interaction.token !== param(ctx, 'token')) throw errors.unknownInteraction();
    ctx.request.interactionId = interaction.id;
    ctx.request.interactionToken = interaction.token;
    const body = bodyRecord(ctx);
    const type = body.type;
    if (typeof type !== 'number') throw formError([{ path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
    if (interaction.acknowledged) throw errors.alreadyAcknowledged();

    const allowed = allowedCallbackTypes(interaction.type);
    if (!allowed.includes(type)) {
      throw formError([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Interaction response type ${type} is not valid for interaction type ${interaction.type}` }]);
    }
    const data = isRecord(body.data) ? body.data : {};
    const channel = s.interactionChannel(interaction);
    let message: APIMessage | null = null;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const { issues, empty } = validateMessageBody(data, ctx.files.length);
        if (issues.length) throw formError(issues, ['data']);
        if (empty) throw errors.emptyMessage();
        message = s.createMessage(channel, {
          body: data,
          files: ctx.files,
          type: interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
          interaction,
        });
        interaction.ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = typeof data.flags === 'number' && (data.flags & MessageFlags.Ephemeral) !== 0;
        message = s.createMessage(channel, {
          body: { content: '', flags: ephemeral ? MessageFlags.Ephemeral : 0 },
          type: interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
          interaction,
          extraFlags: MessageFlags.Loading,
        });
        interaction.ephemeral = ephemeral;
        interaction.deferredLoading = true;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        message = s.componentMessage(interaction);
        break;
      case InteractionResponseType.UpdateMessage: {
        const { issues } = validateMessageBody(data, ctx.files.length);
        if (issues.length) throw formError(issues, ['data']);
        message = s.componentMessage(interaction);
        if (message) s.editMessage(message, data, ctx.files);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const issues = validateAutocompleteData(body.data);
        if (issues.length) throw formError(issues, ['data']);
        break;
      }
      case InteractionResponseType.Modal: {
        const issues = [];
        if (typeof data.custom_id !== 'string') issues.push({ path: ['custom_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
        if (typeof data.title !== 'string') issues.push({ path: ['title'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
        if (issues.length) throw formError(issues, ['data']);
        break;
      }
      default:
        break;
    }

    interaction.acknowledged = true;
    interaction.responseType = type;
    if (message) {
      interaction.originalMessageId = message.id;
      interaction.messageIds.add(message.id);
    }

    if (ctx.query.get('with_response') !== 'true') return noContent;
    const response: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message && type !== InteractionResponseType.DeferredMessageUpdate
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message && type !== InteractionResponseType.DeferredMessageUpdate ? { resource: { type, message } } : {}),
    };
    return ok(response);
  }

  /** Resolves `/webhooks/:app/:token` to the interaction it belongs to. */
  private webhookInteraction(ctx: RouteContext): InteractionState {
    const s = this.state;
    if (param(ctx, 'app') !== s.applicationId) throw errors.unknownWebhook();
    const interaction = s.interactionsByToken.get(param(ctx, 'token'));
    if (!interaction) throw errors.invalidWebhookToken();
    ctx.request.interactionId = interaction.id;
    ctx.request.interactionToken = interaction.token;
    return interaction;
  }

  private webhookMessage(ctx: RouteContext): { interaction: InteractionState; message: APIMessage } {
    const interaction = this.webhookInteraction(ctx);
    const raw = param(ctx, 'message');
    const id = raw === '@original' ? interaction.originalMessageId : raw;
    if (!id || !interaction.messageIds.has(id)) throw errors.unknownMessage();
    const message = this.state.findMessage(id);
    if (!message) throw errors.unknownMessage();
    return { interaction, message };
  }

  private followUp(ctx: RouteContext): Reply {
    const s = this.state;
    const interaction = this.webhookInteraction(ctx);
    const messageTypes: number[] = [
      InteractionResponseType.ChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredMessageUpdate,
      InteractionResponseType.UpdateMessage,
    ];
    if (!interaction.acknowledged || interaction.responseType === null || !messageTypes.includes(interaction.responseType)) {
      throw errors.unknownWebhook();
    }
    const { issues, empty } = validateMessageBody(ctx.body, ctx.files.length);
    if (issues.length) throw formError(issues);
    if (empty) throw errors.emptyMessage();
    const body = bodyRecord(ctx);
    let message: APIMessage;
    const original = interaction.originalMessageId ? s.findMessage(interaction.originalMessageId) : undefined;
    if (interaction.deferredLoading && original) {
      // The first follow-up after a deferred reply replaces the "thinking" message and keeps its ephemerality.
      const { flags: _ignored, ...rest } = body;
      message = s.editMessage(original, rest, ctx.files);
      interaction.deferredLoading = false;
    } else {
      const channel = s.interactionChannel(interaction);
      message = s.createMessage(channel, { body, files: ctx.files, type: MessageType.Default, interaction });
    }
    interaction.messageIds.add(message.id);
    interaction.followUpIds.push(message.id);
    return ctx.query.get('wait') === 'true' ? ok(message) : noContent;
  }
}

/** Which callback types Discord accepts for each interaction type. */
function allowedCallbackTypes(type: InteractionType): number[] {
  switch (type) {
    case InteractionType.Ping:
      return [InteractionResponseType.Pong];
    case InteractionType.ApplicationCommand:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
        InteractionResponseType.PremiumRequired,
        InteractionResponseType.LaunchActivity,
      ];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
        InteractionResponseType.PremiumRequired,
        InteractionResponseType.LaunchActivity,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.PremiumRequired,
      ];
    default:
      return [];
  }
}

function formError(issues: Parameters<typeof invalidFormBody>[0], prefix: (string | number)[] = []): DiscordHttpError {
  const body = invalidFormBody(issues, prefix);
  return new DiscordHttpError(400, body.code, body.message, body.errors);
}

function intQuery(ctx: RouteContext, key: string, fallback: number, min: number, max: number): number {
  const raw = ctx.query.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw formError([{ path: [key], code: 'NUMBER_TYPE_MAX', message: `Int value should be between ${min} and ${max}.` }]);
  }
  return value;
}

