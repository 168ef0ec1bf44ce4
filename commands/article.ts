import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { CorpusError } from '../src/corpus/parseArticle.ts'
import { articleMarkdown, formatOfContentType, formatOfFile, importArticle, type SourceFormat } from '../src/corpus/import/importArticle.ts'
import { parseArticle } from '../src/corpus/parseArticle.ts'
import { describeArticle } from '../src/engine/describeArticle.ts'
import type { Engine } from '../src/engine/engine.ts'
import { FetchRefusal, FETCH_DEFAULTS } from '../src/fetch/fetchArticleSource.ts'
import type { ArticleLibrary } from '../src/interactions/articleLibrary.ts'
import { stringOption } from '../src/interactions/options.ts'
import type { ButtonInput, ButtonResult, CommandInput, CommandModule, HandlerContext, Invocation } from '../src/interactions/types.ts'
import { articlePreviewMessage, outcomeMessage, removeConfirmation } from '../src/presenters/discord/articlePreview.ts'
import { articleChoices } from '../src/presenters/discord/articleChoices.ts'
import type { BotMessage } from '../src/presenters/discord/botMessage.ts'
import { escapeUserText } from '../src/presenters/discord/escape.ts'
import { escapeMarkdown } from '../src/presenters/discord/formatting.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { ARTICLE_OPTION, articlesIn } from './articleOption.ts'
import { NEEDS_THE_BOT_IN_THE_SERVER } from './installs.ts'

const PREFIX = 'article'
/** How long Add and Remove wait for the live corpus to serve the change before answering (a button must answer within 3 s). */
const LIVE_WAIT_MS = 1_500

const builder = new SlashCommandBuilder()
  .setName('article')
  .setDescription('Moderators: add an article to this server, or remove one')
  .setContexts(...NEEDS_THE_BOT_IN_THE_SERVER.contexts)
  .setIntegrationTypes(...NEEDS_THE_BOT_IN_THE_SERVER.integrationTypes)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('Add an article from a file (.md, .txt, .html) or a link; you see a preview first')
      .addAttachmentOption((option) => option.setName('file').setDescription('.md in the corpus format, .txt (title line, then one paragraph a line) or .html'))
      .addStringOption((option) => option.setName('url').setDescription('A link to the article (http or https)').setMaxLength(2000)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('remove')
      .setDescription('Remove an article this server added')
      .addStringOption((option) => option.setName(ARTICLE_OPTION).setDescription('The article to remove').setRequired(true).setMaxLength(100).setAutocomplete(true)),
  )

function isModerator(permissions: bigint | null): boolean {
  if (permissions === null) return false
  return (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild
}

/** Checked on the command and again on every button: registration defaults can be changed by server admins. */
function refusal(input: Invocation, context: HandlerContext): string | null {
  if (input.guildId === null) return '`/article` works in a server: articles added belong to that server.'
  if (!isModerator(input.memberPermissions)) return 'You need the **Manage Server** permission to add or remove articles.'
  if (!context.library) return 'Adding articles isn’t available on this connection.'
  return null
}

/** The server's own articles: the only ones it may remove. */
function ownArticles(engine: Engine, guildId: string | null) {
  return engine.articles().filter((article) => guildId !== null && article.owner === guildId)
}

/** A free slug: the article's own, else with -2, -3… Another server's slug is never named, only avoided. */
function freeSlug(engine: Engine, guildId: string, wanted: string): { slug: string; note: string | null } {
  const taken = new Set(engine.articles().map((article) => article.slug))
  if (!taken.has(wanted)) return { slug: wanted, note: null }
  let n = 2
  while (taken.has(`${wanted}-${n}`)) n++
  const slug = `${wanted}-${n}`.slice(0, 80)
  const visible = articlesIn(engine, { guildId }).some((article) => article.slug === wanted)
  return { slug, note: visible ? `An article \`${wanted}\` already exists here; this one gets its own name and nothing is replaced.` : null }
}

interface Source {
  format: SourceFormat
  name: string
  url: string
  kind: 'page' | 'attachment'
}

function sourceOf(input: CommandInput): Source | string {
  const file = input.attachments?.file
  const url = stringOption(input, 'url').trim()
  if (file && url) return 'Give either a `file` or a `url`, not both.'
  if (file) {
    const format = formatOfFile(file.filename)
    if (!format) return `I can add .md, .txt or .html files, not “${escapeUserText(file.filename)}”.`
    if (file.size > FETCH_DEFAULTS.maxBytes) return `That file is larger than ${FETCH_DEFAULTS.maxBytes / 1024 / 1024} MB, the most I read.`
    return { format, name: file.filename, url: file.url, kind: 'attachment' }
  }
  if (url) return { format: 'html', name: url, url, kind: 'page' }
  return 'Attach a `file` (.md, .txt or .html) or give a `url`.'
}

async function add(input: CommandInput, context: HandlerContext, library: ArticleLibrary): Promise<BotMessage> {
  const source = sourceOf(input)
  if (typeof source === 'string') return notice(source)
  const guildId = input.guildId as string
  let fetched
  try {
    fetched = await library.fetch(source.url, source.kind)
  } catch (error) {
    if (error instanceof FetchRefusal) return notice(error.message)
    throw error
  }
  const format = source.kind === 'page' ? formatOfContentType(fetched.contentType, fetched.body) : source.format
  let article
  try {
    const page = source.kind === 'page'
    article = await importArticle({ text: fetched.body, format, name: page ? new URL(fetched.url).hostname : source.name, url: fetched.url, page })
  } catch (error) {
    if (error instanceof CorpusError) return notice(`I can’t add that: ${escapeMarkdown(error.message)}`)
    throw error
  }
  const { slug, note } = freeSlug(context.engine, guildId, article.slug)
  const markdown = articleMarkdown({ ...article, slug })
  // What is written must load as written: read back the way the corpus will read it.
  const info = describeArticle(parseArticle(markdown, slug))
  const id = await library.stage({ guildId, userId: input.user.id, slug, markdown })
  return articlePreviewMessage(info, { add: `${PREFIX}:add:${id}`, cancel: `${PREFIX}:cancel:${id}` }, note)
}

function remove(input: CommandInput, context: HandlerContext): BotMessage {
  const slug = stringOption(input, ARTICLE_OPTION).trim()
  const own = ownArticles(context.engine, input.guildId).find((article) => article.slug === slug)
  if (own) return removeConfirmation(own, { remove: `${PREFIX}:remove:${own.slug}`, keep: `${PREFIX}:keep` })
  const shared = context.engine.articles().find((article) => article.slug === slug && article.owner === null)
  if (shared) return notice(`“${escapeMarkdown(shared.title)}” is shared by every server (a file in the corpus folder), so it can’t be removed from Discord.`)
  return notice(`This server has no article \`${escapeUserText(slug).replace(/`/g, '')}\` of its own. \`/articles\` lists what it sees.`)
}

async function confirmAdd(input: ButtonInput, library: ArticleLibrary, id: string): Promise<ButtonResult> {
  const staged = await library.staged(id)
  if (!staged || staged.guildId !== input.guildId) return { kind: 'update', message: outcomeMessage('This preview has expired. Run `/article add` again.') }
  const outcome = await library.add(staged.guildId, staged.slug, staged.markdown)
  await library.discard(id)
  const title = escapeMarkdown(parseArticle(staged.markdown, staged.slug).title)
  if (outcome === 'exists') return { kind: 'update', message: outcomeMessage(`An article \`${staged.slug}\` was added meanwhile; nothing was replaced. Run \`/article add\` again.`) }
  const live = await library.waitUntil((engine) => engine.article(staged.slug) !== undefined, LIVE_WAIT_MS)
  const when = live ? 'It is live now' : 'It will be live in a few seconds'
  return { kind: 'update', message: outcomeMessage(`✅ Added “${title}” as \`${staged.slug}\`. ${when}: ask about it with \`/ask article:${staged.slug}\`, or \`/summary article:${staged.slug}\`.`) }
}

async function confirmRemove(input: ButtonInput, context: HandlerContext, library: ArticleLibrary, slug: string): Promise<ButtonResult> {
  const own = ownArticles(context.engine, input.guildId).find((article) => article.slug === slug)
  if (!own) return { kind: 'update', message: outcomeMessage('That article is already gone.') }
  const outcome = await library.remove(input.guildId as string, slug)
  if (outcome === 'missing') return { kind: 'update', message: outcomeMessage('That article is already gone.') }
  await library.waitUntil((engine) => engine.article(slug) === undefined, LIVE_WAIT_MS)
  return { kind: 'update', message: outcomeMessage(`🗑️ Removed “${escapeMarkdown(own.title)}” (\`${slug}\`).`) }
}

export const articleCommand: CommandModule = {
  help: { example: '/article add url: https://example.com/news/story' },
  data: builder.toJSON(),
  defer: { ephemeral: true },
  async execute(input, context) {
    const refused = refusal(input, context)
    if (refused) return notice(refused)
    if (input.subcommand === 'add') return add(input, context, context.library as ArticleLibrary)
    if (input.subcommand === 'remove') return remove(input, context)
    return notice('Use `/article add` or `/article remove`.')
  },
  autocomplete(input, { engine }) {
    if (input.guildId === null) return []
    return articleChoices(ownArticles(engine, input.guildId), input.focused.value)
  },
  buttons: {
    prefix: PREFIX,
    async handle(input, context) {
      const refused = refusal(input, context)
      if (refused) return { kind: 'reply', message: notice(refused) }
      const library = context.library as ArticleLibrary
      const [, action = '', argument = ''] = input.customId.split(':')
      switch (action) {
        case 'add':
          return confirmAdd(input, library, argument)
        case 'cancel':
          await library.discard(argument)
          return { kind: 'update', message: outcomeMessage('Cancelled: nothing was added.') }
        case 'remove':
          return confirmRemove(input, context, library, argument)
        case 'keep':
          return { kind: 'update', message: outcomeMessage('Kept: nothing was removed.') }
        default:
          return { kind: 'reply', message: notice('This button no longer works. Run `/article` again.') }
      }
    },
  },
}
