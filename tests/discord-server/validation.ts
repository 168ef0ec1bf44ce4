/**
 * Validation of request bodies against Discord's documented limits, producing Discord-shaped
 * "Invalid Form Body" (code 50035) errors:
 *   { code: 50035, message: 'Invalid Form Body', errors: { content: { _errors: [{ code, message }] } } }
 */
import { isRecord } from './http.ts';

export interface FieldIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

export function invalidFormBody(issues: FieldIssue[], prefix: (string | number)[] = []): DiscordErrorBody {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    let node: Record<string, unknown> = errors;
    for (const key of [...prefix, ...issue.path]) {
      const k = String(key);
      const next = node[k];
      if (isRecord(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[k] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code: issue.code, message: issue.message });
    node._errors = list;
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}

const maxLength = (path: (string | number)[], max: number): FieldIssue => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});
const badLength = (path: (string | number)[], min: number, max: number): FieldIssue => ({
  path,
  code: 'BASE_TYPE_BAD_LENGTH',
  message: `Must be between ${min} and ${max} in length.`,
});
const required = (path: (string | number)[]): FieldIssue => ({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** MessageFlags.IsComponentsV2 */
const IS_COMPONENTS_V2 = 1 << 15;

export interface MessageValidation {
  issues: FieldIssue[];
  /** True when the message would have no content, embeds, components, attachments, poll or stickers. */
  empty: boolean;
}

/** Checks a message body (create, edit, interaction reply/update data). */
export function validateMessageBody(body: unknown, fileCount = 0): MessageValidation {
  const issues: FieldIssue[] = [];
  if (!isRecord(body)) return { issues, empty: fileCount === 0 };
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    issues.push({ path: ['content'], code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
  } else if (typeof content === 'string' && [...content].length > 2000) {
    issues.push(maxLength(['content'], 2000));
  }

  const embeds = Array.isArray(body.embeds) ? (body.embeds as unknown[]) : [];
  if (embeds.length > 10) issues.push(maxLength(['embeds'], 10));
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isRecord(embed)) return;
    const at = (...p: (string | number)[]) => ['embeds', i, ...p];
    const title = str(embed.title);
    const description = str(embed.description);
    if (title.length > 256) issues.push(maxLength(at('title'), 256));
    if (description.length > 4096) issues.push(maxLength(at('description'), 4096));
    total += title.length + description.length;
    const fields = Array.isArray(embed.fields) ? (embed.fields as unknown[]) : [];
    if (fields.length > 25) issues.push(maxLength(at('fields'), 25));
    fields.forEach((field, j) => {
      if (!isRecord(field)) return;
      const name = str(field.name);
      const value = str(field.value);
      if (typeof field.name !== 'string') issues.push(required(at('fields', j, 'name')));
      else if (name.length > 256) issues.push(maxLength(at('fields', j, 'name'), 256));
      if (typeof field.value !== 'string') issues.push(required(at('fields', j, 'value')));
      else if (value.length > 1024) issues.push(maxLength(at('fields', j, 'value'), 1024));
      total += name.length + value.length;
    });
    if (isRecord(embed.footer)) {
      const text = str(embed.footer.text);
      if (text.length > 2048) issues.push(maxLength(at('footer', 'text'), 2048));
      total += text.length;
    }
    if (isRecord(embed.author)) {
      const name = str(embed.author.name);
      if (name.length > 256) issues.push(maxLength(at('author', 'name'), 256));
      total += name.length;
    }
  });
  if (total > 6000) {
    issues.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }

  const components = Array.isArray(body.components) ? (body.components as unknown[]) : [];
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if ((flags & IS_COMPONENTS_V2) === 0) {
    if (components.length > 5) issues.push(maxLength(['components'], 5));
    const seen = new Set<string>();
    components.forEach((row, i) => {
      if (!isRecord(row)) return;
      if (row.type !== 1) {
        issues.push({ path: ['components', i, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Top-level components must be action rows' });
        return;
      }
      const children = Array.isArray(row.components) ? (row.components as unknown[]) : [];
      if (children.length === 0) issues.push(badLength(['components', i, 'components'], 1, 5));
      if (children.length > 5) issues.push(maxLength(['components', i, 'components'], 5));
      children.forEach((child, j) => {
        if (!isRecord(child)) return;
        const at = ['components', i, 'components', j];
        if (child.type === 2) {
          if (child.style === 5 || child.style === 6) {
            if (child.style === 5 && typeof child.url !== 'string') {
              issues.push({ path: [...at, 'url'], code: 'BUTTON_COMPONENT_URL_REQUIRED', message: 'A url is required' });
            }
          } else if (typeof child.custom_id !== 'string') {
            issues.push({ path: [...at, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', message: 'A custom id is required' });
          }
          if (typeof child.label === 'string' && child.label.length > 80) issues.push(maxLength([...at, 'label'], 80));
        }
        if (typeof child.custom_id === 'string') {
          if (child.custom_id.length < 1 || child.custom_id.length > 100) issues.push(badLength([...at, 'custom_id'], 1, 100));
          if (seen.has(child.custom_id)) {
            issues.push({
              path: [...at, 'custom_id'],
              code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
              message: 'Component custom id cannot be duplicated',
            });
          }
          seen.add(child.custom_id);
        }
      });
    });
  }

  const attachments = Array.isArray(body.attachments) ? body.attachments.length : 0;
  const hasSticker = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  const empty =
    !(typeof content === 'string' && content.length > 0) &&
    embeds.length === 0 &&
    components.length === 0 &&
    attachments === 0 &&
    fileCount === 0 &&
    !hasSticker &&
    body.poll === undefined;
  return { issues, empty };
}

/** Checks an autocomplete result (`data` of a type-8 callback). */
export function validateAutocompleteData(data: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isRecord(data) || !Array.isArray(data.choices)) return [required(['choices'])];
  const choices = data.choices as unknown[];
  if (choices.length > 25) issues.push(maxLength(['choices'], 25));
  choices.forEach((choice, i) => {
    if (!isRecord(choice)) return;
    if (typeof choice.name !== 'string') issues.push(required(['choices', i, 'name']));
    else if (choice.name.length < 1 || choice.name.length > 100) issues.push(badLength(['choices', i, 'name'], 1, 100));
    if (typeof choice.value === 'string') {
      if (choice.value.length > 100) issues.push(maxLength(['choices', i, 'value'], 100));
    } else if (typeof choice.value !== 'number') issues.push(required(['choices', i, 'value']));
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Application commands
// ---------------------------------------------------------------------------------------------

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(name: unknown, path: (string | number)[], lowercase: boolean, issues: FieldIssue[]): void {
  if (typeof name !== 'string') {
    issues.push(required(path));
    return;
  }
  if (!NAME_RE.test(name) || (lowercase && name !== name.toLowerCase())) {
    issues.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
}

function checkDescription(description: unknown, path: (string | number)[], issues: FieldIssue[]): void {
  if (typeof description !== 'string') issues.push(required(path));
  else if (description.length < 1 || description.length > 100) issues.push(badLength(path, 1, 100));
}

function checkOptions(options: unknown, path: (string | number)[], depth: number, issues: FieldIssue[]): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    issues.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  if (options.length > 25) issues.push(maxLength(path, 25));
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((opt: unknown, i) => {
    if (!isRecord(opt)) return;
    const at = [...path, i];
    checkName(opt.name, [...at, 'name'], true, issues);
    checkDescription(opt.description, [...at, 'description'], issues);
    if (typeof opt.name === 'string') {
      if (names.has(opt.name)) {
        issues.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
      }
      names.add(opt.name);
    }
    const type = opt.type;
    if (typeof type !== 'number' || type < 1 || type > 11) {
      issues.push({ path: [...at, 'type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {1, 2, ..., 11}.` });
      return;
    }
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) {
        issues.push({ path: [...at, 'type'], code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', message: 'Subcommands nested too deeply' });
      }
      checkOptions(opt.options, [...at, 'options'], depth + 1, issues);
      return;
    }
    if (opt.required === true) {
      if (sawOptional) {
        issues.push({
          path: [...at, 'required'],
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
    } else sawOptional = true;
    if (Array.isArray(opt.choices)) {
      if (opt.autocomplete === true) {
        issues.push({ path: [...at, 'autocomplete'], code: 'AUTOCOMPLETE_AND_CHOICES_CONFLICT', message: 'Autocomplete cannot be set with choices' });
      }
      if (opt.choices.length > 25) issues.push(maxLength([...at, 'choices'], 25));
      (opt.choices as unknown[]).forEach((choice, j) => {
        if (!isRecord(choice)) return;
        if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > 100) {
          issues.push(badLength([...at, 'choices', j, 'name'], 1, 100));
        }
        if (typeof choice.value === 'string' && choice.value.length > 100) issues.push(maxLength([...at, 'choices', j, 'value'], 100));
      });
    }
    if (type === 3) {
      for (const key of ['min_length', 'max_length'] as const) {
        const v = opt[key];
        if (v === undefined || v === null) continue;
        const min = key === 'min_length' ? 0 : 1;
        if (typeof v !== 'number' || v < min || v > 6000) {
          issues.push({ path: [...at, key], code: 'NUMBER_TYPE_MAX', message: `Int value should be between ${min} and 6000.` });
        }
      }
    }
  });
}

/** `integration_types` (0 guild install, 1 user install) and `contexts` (0 guild, 1 bot DM, 2 private channel): null, or a list of known values. */
function checkEnumList(value: unknown, path: (string | number)[], allowed: number[], issues: FieldIssue[]): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'number' || !allowed.includes(item)) {
      issues.push({ path: [...path, i], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${allowed.join(', ')}}.` });
    }
  });
}

/** Checks one command definition (POST/PATCH body, or an element of a bulk PUT). */
export function validateCommand(command: unknown, prefix: (string | number)[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isRecord(command)) return [{ path: prefix, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  const type = command.type === undefined ? 1 : command.type;
  if (type === 1) {
    checkName(command.name, [...prefix, 'name'], true, issues);
    checkDescription(command.description, [...prefix, 'description'], issues);
    checkOptions(command.options, [...prefix, 'options'], 0, issues);
  } else if (type === 2 || type === 3) {
    if (typeof command.name !== 'string') issues.push(required([...prefix, 'name']));
    else if (command.name.length < 1 || command.name.length > 32) issues.push(badLength([...prefix, 'name'], 1, 32));
    if (typeof command.description === 'string' && command.description.length > 0) {
      issues.push({ path: [...prefix, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', message: 'Context menu commands cannot have description' });
    }
  } else if (type !== 4) {
    issues.push({ path: [...prefix, 'type'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {1, 2, 3, 4}.' });
  }
  checkEnumList(command.integration_types, [...prefix, 'integration_types'], [0, 1], issues);
  checkEnumList(command.contexts, [...prefix, 'contexts'], [0, 1, 2], issues);
  return issues;
}

/** Checks a bulk-overwrite body: an array of at most 100 chat-input (and 5+5 context menu) commands with unique names per type. */
export function validateCommandList(list: unknown): FieldIssue[] {
  if (!Array.isArray(list)) return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  const issues: FieldIssue[] = [];
  const names = new Map<string, number>();
  const perType = new Map<number, number>();
  list.forEach((command: unknown, i) => {
    issues.push(...validateCommand(command, [i]));
    if (!isRecord(command)) return;
    const type = typeof command.type === 'number' ? command.type : 1;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const key = `${type}:${str(command.name)}`;
    if (names.has(key)) {
      issues.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` });
    }
    names.set(key, i);
  });
  if ((perType.get(1) ?? 0) > 100) issues.push(maxLength([], 100));
  if ((perType.get(2) ?? 0) > 5 || (perType.get(3) ?? 0) > 5) {
    issues.push({ path: [], code: 'APPLICATION_COMMANDS_TOO_MANY', message: 'Too many context menu commands (max 5 per type)' });
  }
  return issues;
}
