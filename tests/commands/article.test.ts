/**
 * `/article add` and `remove` handlers over an in-memory library: permission
 * checked on the command and again on every button, previews bound to their
 * server, nothing overwritten, shared and other servers' articles out of reach.
 */
import { PermissionFlagsBits } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { articleCommand } from '../../commands/article.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { FetchRefusal, type FetchedSource } from '../../src/fetch/fetchArticleSource.ts'
import type { ArticleLibrary, StagedArticle } from '../../src/interactions/articleLibrary.ts'
import type { ButtonInput, CommandInput } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { loadMainArticles, MAIN_SLUG } from '../engine/support.ts'
import { BOT_USER_ID, GUILD_ID, buttonInput, commandInput } from './support.ts'

const MODERATOR = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ManageGuild
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages
const OTHER_GUILD = '999999999999999999'
const ARTICLE = `---\ntitle: "Quay repairs finished early"\noutlet: Port Gazette\n---\n\nRepairs to the north quay finished on Friday, two weeks early, the harbour board said.\n\n“We expect the first ships on Monday,” said Ana Ruiz, the board’s engineer.\n`

/** The library as a map of files; fetches answer from a table of URLs. */
class MemoryLibrary implements ArticleLibrary {
  files = new Map<string, string>()
  staging = new Map<string, StagedArticle>()
  constructor(
    private readonly pages: Record<string, FetchedSource | FetchRefusal>,
    public engine: Engine,
  ) {}
  async fetch(url: string): Promise<FetchedSource> {
    const page = this.pages[url]
    if (!page) throw new FetchRefusal('status', 'The site answered HTTP 404, not the page.')
    if (page instanceof FetchRefusal) throw page
    return page
  }
  async stage(article: Omit<StagedArticle, 'id'>) {
    const id = (this.staging.size + 1).toString(16).padStart(16, '0')
    this.staging.set(id, { id, ...article })
    return id
  }
  async staged(id: string) {
    return this.staging.get(id) ?? null
  }
  async discard(id: string) {
    this.staging.delete(id)
  }
  async add(guildId: string, slug: string, markdown: string) {
    const key = `guilds/${guildId}/${slug}.md`
    if (this.files.has(key)) return 'exists' as const
    this.files.set(key, markdown)
    // The live corpus, in one step: the engine now has the article, owned by that server.
    this.engine = createEngine([...this.engine.articles().map((info) => loadMainArticles().find((article) => article.slug === info.slug)).filter((a) => a !== undefined), { ...parseArticle(markdown, slug), owner: guildId }])
    return 'added' as const
  }
  async remove(guildId: string, slug: string) {
    return this.files.delete(`guilds/${guildId}/${slug}.md`) ? ('removed' as const) : ('missing' as const)
  }
  async waitUntil(ready: (engine: Engine) => boolean) {
    return ready(this.engine)
  }
}

function setup(pages: Record<string, FetchedSource | FetchRefusal> = {}) {
  const engine = createEngine(loadMainArticles())
  const library = new MemoryLibrary(pages, engine)
  const context = () => ({ engine: library.engine, channel: null, botUserId: BOT_USER_ID, library })
  const run = (input: CommandInput) => Promise.resolve(articleCommand.execute(input, context()))
  const press = (input: ButtonInput) => Promise.resolve(articleCommand.buttons?.handle(input, context()))
  return { library, run, press }
}

const add = (url: string, overrides: Parameters<typeof commandInput>[2] = {}) => ({ ...commandInput('article', { url }, { memberPermissions: MODERATOR, ...overrides }), subcommand: 'add' })
const remove = (slug: string, overrides: Parameters<typeof commandInput>[2] = {}) => ({ ...commandInput('article', { article: slug }, { memberPermissions: MODERATOR, ...overrides }), subcommand: 'remove' })
const button = (id: string, overrides: Partial<ButtonInput> = {}) => ({ ...buttonInput(id, null, true), memberPermissions: MODERATOR, ...overrides })
const idOf = (message: BotMessage, label: string) => {
  const found = message.components.flatMap((row) => row.components).find((component) => 'label' in component && component.label === label)
  return found && 'custom_id' in found ? found.custom_id : ''
}
const page = (body: string): FetchedSource => ({ url: 'https://port.example/quay', contentType: 'text/plain', body })

describe('/article add', () => {
  it('GIVEN a moderator THEN a preview with Add and Cancel, and nothing written until Add', async () => {
    const { library, run, press } = setup({ 'https://port.example/a.md': { ...page(ARTICLE), contentType: 'text/markdown' } })
    const preview = await run({ ...add(''), options: {}, attachments: { file: { url: 'https://port.example/a.md', filename: 'quay-repairs.md', size: ARTICLE.length, contentType: 'text/markdown' } } })
    expect(preview.ephemeral).toBe(true)
    expect(preview.embeds[0]?.title).toBe('Quay repairs finished early')
    expect(library.files.size).toBe(0)
    const done = await press(button(idOf(preview, 'Add')))
    expect(done?.kind).toBe('update')
    expect(library.files.get(`guilds/${GUILD_ID}/quay-repairs.md`)).toContain('Ana Ruiz')
    expect(done?.message.content).toMatch(/\/ask article:quay-repairs/)
  })

  it('GIVEN a member without Manage Server THEN the command and the Add button both refuse', async () => {
    const { library, run, press } = setup({ 'https://port.example/quay': page('Quay repairs finished early\nRepairs finished on Friday, the board said.') })
    expect((await run(add('https://port.example/quay', { memberPermissions: MEMBER }))).content).toMatch(/Manage Server/)
    const preview = await run(add('https://port.example/quay'))
    const pressed = await press(button(idOf(preview, 'Add'), { memberPermissions: MEMBER }))
    expect(pressed?.kind).toBe('reply')
    expect(pressed?.message.content).toMatch(/Manage Server/)
    expect(library.files.size).toBe(0)
  })

  it('GIVEN a preview made in one server THEN Add from another server does nothing', async () => {
    const { library, run, press } = setup({ 'https://port.example/quay': page('Quay repairs finished early\nRepairs finished on Friday, the board said.') })
    const preview = await run(add('https://port.example/quay'))
    const pressed = await press(button(idOf(preview, 'Add'), { guildId: OTHER_GUILD }))
    expect(pressed?.message.content).toMatch(/expired/)
    expect(library.files.size).toBe(0)
  })

  it('GIVEN a slug already shared THEN the new article gets its own and the preview says nothing is replaced', async () => {
    const { library, run, press } = setup({ 'https://port.example/x': { url: 'https://port.example/x', contentType: 'text/markdown', body: ARTICLE } })
    const preview = await run({ ...add(''), options: {}, attachments: { file: { url: 'https://port.example/x', filename: `${MAIN_SLUG}.md`, size: 10, contentType: null } } })
    const savedAs = preview.embeds[0]?.fields?.find((field) => field.name === 'Will be saved as')?.value ?? ''
    expect(savedAs).toContain(`${MAIN_SLUG}-2`)
    expect(savedAs).toMatch(/nothing is replaced/)
    await press(button(idOf(preview, 'Add')))
    expect([...library.files.keys()]).toEqual([`guilds/${GUILD_ID}/${MAIN_SLUG}-2.md`])
  })

  it('GIVEN a fetch refusal THEN its one sentence, ephemeral, and no preview', async () => {
    const { run } = setup({ 'https://port.example/big': new FetchRefusal('too-large', 'The page is larger than 2 MB, the most I read.') })
    const reply = await run(add('https://port.example/big'))
    expect(reply).toMatchObject({ content: 'The page is larger than 2 MB, the most I read.', ephemeral: true, components: [] })
  })

  it.each([
    ['neither file nor url', {}, undefined, /Attach a `file`/],
    ['an unsupported file type', {}, { file: { url: 'https://x/a.pdf', filename: 'a.pdf', size: 10, contentType: 'application/pdf' } }, /\.md, \.txt or \.html/],
    ['a file over 2 MB', {}, { file: { url: 'https://x/a.md', filename: 'a.md', size: 3 * 1024 * 1024, contentType: 'text/markdown' } }, /larger than 2 MB/],
  ])('GIVEN %s THEN one clear refusal', async (_label, options, attachments, reason) => {
    const { run } = setup()
    const reply = await run({ ...add(''), options, ...(attachments ? { attachments } : {}) })
    expect(reply.content).toMatch(reason)
  })

  it('GIVEN a DM THEN it explains that articles belong to a server', async () => {
    const { run } = setup()
    expect((await run(add('https://port.example/quay', { guildId: null }))).content).toMatch(/works in a server/)
  })
})

describe('/article remove', () => {
  it('GIVEN a shared article THEN it cannot be removed from Discord', async () => {
    const { run } = setup()
    const reply = await run(remove(MAIN_SLUG))
    expect(reply.content).toMatch(/shared by every server/)
    expect(reply.components).toEqual([])
  })

  it('GIVEN the server’s own article THEN a confirmation, and only the Remove button deletes it; another server cannot', async () => {
    const { library, run, press } = setup({ 'https://port.example/quay': page('Quay repairs finished early\nRepairs finished on Friday, the board said.') })
    const preview = await run(add('https://port.example/quay'))
    await press(button(idOf(preview, 'Add')))
    const slug = 'quay-repairs-finished-early'
    expect(library.files.has(`guilds/${GUILD_ID}/${slug}.md`)).toBe(true)
    expect((await run(remove(slug, { guildId: OTHER_GUILD }))).content).toMatch(/no article/)
    const confirm = await run(remove(slug))
    expect(library.files.has(`guilds/${GUILD_ID}/${slug}.md`)).toBe(true)
    expect((await press(button(idOf(confirm, 'Remove'), { guildId: OTHER_GUILD })))?.message.content).toMatch(/already gone/)
    expect(library.files.has(`guilds/${GUILD_ID}/${slug}.md`)).toBe(true)
    expect((await press(button(idOf(confirm, 'Remove'))))?.message.content).toMatch(/Removed/)
    expect(library.files.size).toBe(0)
  })
})
