/** Small HTTP helpers for the fake Discord REST API: body reading, JSON/multipart parsing, replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file part of a multipart/form-data request (discord.js sends `files[n]` parts plus `payload_json`). */
export interface RecordedFile {
  field: string;
  filename: string | null;
  contentType: string | null;
  size: number;
  data: Buffer;
}

export interface ParsedBody {
  /** JSON body, or the parsed `payload_json` part of a multipart body; `null` when there is no body. */
  body: unknown;
  files: RecordedFile[];
  /** Set when the body could not be parsed (the request is answered with 400 50109). */
  parseError: string | null;
}

export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerParam(header: string, param: string): string | null {
  const re = new RegExp(`${param}="?([^";]+)"?`, 'i');
  return re.exec(header)?.[1] ?? null;
}

function parseMultipart(raw: Buffer, boundary: string): { fields: Map<string, string>; files: RecordedFile[] } {
  const fields = new Map<string, string>();
  const files: RecordedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    if (raw.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (raw.subarray(end - 2, end).toString() === '\r\n') end -= 2;
    const part = raw.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headerLines = part.subarray(0, headerEnd).toString('utf8').split('\r\n');
      const data = part.subarray(headerEnd + 4);
      let disposition = '';
      let contentType: string | null = null;
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon === -1) continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === 'content-disposition') disposition = value;
        if (key === 'content-type') contentType = value;
      }
      const name = headerParam(disposition, 'name') ?? '';
      const filename = /filename=/i.test(disposition) ? headerParam(disposition, 'filename') : null;
      if (filename !== null) {
        files.push({ field: name, filename, contentType, size: data.length, data: Buffer.from(data) });
      } else {
        fields.set(name, data.toString('utf8'));
      }
    }
    pos = next;
  }
  return { fields, files };
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { body: null, files: [], parseError: null };
  const type = (contentType ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      const boundary = headerParam(contentType ?? '', 'boundary');
      if (!boundary) return { body: null, files: [], parseError: 'multipart body without boundary' };
      const { fields, files } = parseMultipart(raw, boundary);
      const payload = fields.get('payload_json');
      let body: unknown = null;
      if (payload !== undefined) body = JSON.parse(payload) as unknown;
      else if (fields.size) body = Object.fromEntries(fields);
      return { body, files, parseError: null };
    }
    const text = raw.toString('utf8');
    if (type.startsWith('application/json') || type === '') return { body: JSON.parse(text) as unknown, files: [], parseError: null };
    return { body: text, files: [], parseError: null };
  } catch (error) {
    return { body: raw.toString('utf8'), files: [], parseError: error instanceof Error ? error.message : String(error) };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
