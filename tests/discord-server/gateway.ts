/**
 * Fake Discord gateway (API v10, JSON encoding, no compression) on a `ws` WebSocketServer.
 *
 * HELLO on connect; HEARTBEAT → HEARTBEAT_ACK; IDENTIFY (token checked, else close 4004) → READY
 * plus one GUILD_CREATE per guild when the GUILDS intent is set; RESUME → replay of missed events +
 * RESUMED (unknown session → INVALID_SESSION false). Sequence numbers are kept per session.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { GatewayIdentifyData, GatewayReadyDispatchData, GatewayResumeData } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { isRecord } from './http.ts';

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewaySession {
  id: string;
  identify: GatewayIdentifyData;
  intents: number;
  seq: number;
  /** Every dispatch sent in this session (replayed on RESUME). */
  events: GatewayPayload[];
  socket: WebSocket | null;
  /** True once READY and all GUILD_CREATEs have been sent. */
  ready: boolean;
  /** [shard_id, num_shards] from IDENTIFY ([0, 1] when absent). */
  shard: [number, number];
}

/** A client socket that closed: the close code it sent (1000 after `client.destroy()`), or the one the server sent. */
export interface GatewayClose {
  code: number;
  sessionId: string | null;
  shard: [number, number] | null;
}

export interface GatewayConfig {
  token: string;
  heartbeatIntervalMs: number;
  /** ws://127.0.0.1:PORT/gateway (known after listen). */
  gatewayUrl: () => string;
  readyPayload: (sessionId: string, shard: [number, number]) => GatewayReadyDispatchData;
  /** GUILD_CREATE payloads of the guilds on one shard. */
  guildCreatePayloads: (shard: [number, number]) => unknown[];
  /** How many shards clients must identify with (what GET /gateway/bot recommends). */
  shardCount: () => number;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
}

const MAX_REPLAY = 2000;

export class FakeGateway extends EventEmitter {
  readonly sessions = new Map<string, GatewaySession>();
  readonly identifies: GatewayIdentifyData[] = [];
  /** Every payload received from clients, in order. */
  readonly received: GatewayPayload[] = [];
  private readonly connections = new Set<Connection>();
  private readonly wss = new WebSocketServer({ noServer: true });
  latestSession: GatewaySession | null = null;
  /** The latest session of each shard id. */
  readonly latestByShard = new Map<number, GatewaySession>();
  /** Every client socket that closed, in order. */
  readonly closes: GatewayClose[] = [];

  constructor(private readonly config: GatewayConfig) {
    super();
    this.wss.on('connection', (socket: WebSocket) => this.onConnection(socket));
  }

  /** Accepts an HTTP upgrade on /gateway. Returns false for other paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.replace(/\/+$/, '') !== '/gateway') return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    return true;
  }

  private send(socket: WebSocket, payload: GatewayPayload): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket): void {
    const conn: Connection = { socket, session: null };
    this.connections.add(conn);
    socket.on('message', (raw: RawData) => this.onMessage(conn, raw));
    socket.on('close', (code: number) => {
      this.connections.delete(conn);
      this.closes.push({ code, sessionId: conn.session?.id ?? null, shard: conn.session?.shard ?? null });
      if (conn.session && conn.session.socket === socket) conn.session.socket = null;
      this.emit('disconnect', conn.session);
    });
    socket.on('error', () => undefined);
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.config.heartbeatIntervalMs }, s: null, t: null });
  }

  private close(conn: Connection, code: number, reason: string): void {
    conn.socket.close(code, reason);
  }

  private onMessage(conn: Connection, raw: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8'));
    } catch {
      this.close(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      this.close(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const message: GatewayPayload = { op: payload.op, d: payload.d ?? null, s: null, t: null };
    this.received.push(message);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(conn.socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(conn, payload.d);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(conn, payload.d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!conn.session) this.close(conn, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        this.close(conn, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot\s+/i, '') === this.config.token;
  }

  private onIdentify(conn: Connection, d: unknown): void {
    if (conn.session) {
      this.close(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isRecord(d)) {
      this.close(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const identify = d as unknown as GatewayIdentifyData;
    this.identifies.push(identify);
    this.emit('identify', identify);
    if (!this.tokenMatches(identify.token)) {
      this.close(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (typeof identify.intents !== 'number' || identify.intents < 0) {
      this.close(conn, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    const shard: [number, number] = identify.shard ? [identify.shard[0], identify.shard[1]] : [0, 1];
    const count = this.config.shardCount();
    if (shard[1] !== count || shard[0] < 0 || shard[0] >= count) {
      // Discord closes 4011 (sharding required) when a bot in many guilds identifies unsharded; 4010 for a bad shard.
      if (count > 1 && !identify.shard) this.close(conn, GatewayCloseCodes.ShardingRequired, 'Sharding required.');
      else this.close(conn, GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      identify,
      intents: identify.intents,
      seq: 0,
      events: [],
      socket: conn.socket,
      ready: false,
      shard,
    };
    conn.session = session;
    this.sessions.set(session.id, session);
    this.latestSession = session;
    this.latestByShard.set(shard[0], session);
    this.dispatchTo(session, GatewayDispatchEvents.Ready, this.config.readyPayload(session.id, shard));
    if ((session.intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of this.config.guildCreatePayloads(shard)) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild);
    }
    session.ready = true;
    this.emit('ready', session);
  }

  private onResume(conn: Connection, d: unknown): void {
    if (!isRecord(d)) {
      this.close(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const resume = d as unknown as GatewayResumeData;
    if (!this.tokenMatches(resume.token)) {
      this.close(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(resume.session_id);
    if (!session) {
      this.send(conn.socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== conn.socket) session.socket.terminate();
    session.socket = conn.socket;
    conn.session = session;
    this.latestSession = session;
    this.latestByShard.set(session.shard[0], session);
    for (const event of session.events) if (event.s !== null && event.s > resume.seq) this.send(conn.socket, event);
    this.dispatchTo(session, GatewayDispatchEvents.Resumed, null);
    this.emit('resumed', session);
  }

  /** Sends a dispatch (op 0) in a session; buffered for RESUME if the socket is gone. */
  dispatchTo(session: GatewaySession, event: string, data: unknown): GatewayPayload {
    session.seq += 1;
    const payload: GatewayPayload = { op: GatewayOpcodes.Dispatch, d: data, s: session.seq, t: event };
    session.events.push(payload);
    if (session.events.length > MAX_REPLAY) session.events.shift();
    if (session.socket) this.send(session.socket, payload);
    return payload;
  }

  /** The most recently identified/resumed session (of one shard, when given) that still has an open socket. */
  activeSession(shardId?: number): GatewaySession | null {
    const s = shardId === undefined ? this.latestSession : (this.latestByShard.get(shardId) ?? null);
    return s && s.socket && s.socket.readyState === WebSocket.OPEN ? s : null;
  }

  /** Sends op 7 RECONNECT (discord.js then resumes on resume_gateway_url). */
  requestReconnect(): void {
    const s = this.activeSession();
    if (s?.socket) this.send(s.socket, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** Closes the active client's socket with `code` (e.g. 4000 → discord.js resumes; 4004 → gives up). */
  disconnectClient(code: number = GatewayCloseCodes.UnknownError, reason = 'Disconnected by test'): void {
    const s = this.activeSession();
    s?.socket?.close(code, reason);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Terminates every socket and stops accepting connections. */
  async shutdown(): Promise<void> {
    for (const conn of this.connections) conn.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
