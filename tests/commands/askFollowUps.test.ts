/**
 * /ask's follow-up buttons (More, Context, Whole quote): their ids (stateless,
 * at most 100 characters, malformed ones refused), the rows an answer carries
 * within Discord's limits, and what each press answers, scope re-checked.
 */
import type { APIButtonComponent, APIButtonComponentWithCustomId } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { askCommand } from '../../commands/ask.ts'
import { commands } from '../../commands/index.ts'
import type { Article } from '../../src/corpus/article.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine, type Engine } from '../../src/engine/engine.ts'
import { cutQuotations, MORE_PAGE_SIZE } from '../../src/engine/followUps.ts'
import { InteractionRouter } from '../../src/interactions/router.ts'
import { askMessage } from '../../src/presenters/discord/askMessage.ts'
import { sourcesOf } from '../../src/presenters/sources.ts'
import { scopeOf } from '../../commands/articleOption.ts'
import type { ButtonResult } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { followUpId, followUpOf, type FollowUp } from '../../src/presenters/discord/followUpButtons.ts'
import { limitBreaches } from '../presenters/limits.ts'
import { ARTICLE_FILE, ARTICLE_PARAGRAPHS } from '../presenters/article.ts'
import { buttonInput, commandInput, GUILD_ID, handlerContext } from './support.ts'

const ANSWERED = ['What did the Taliban say about Pakistan?', 'Where were the talks held?', 'What about suicide bombing?', 'Who mediated the talks?', 'What did Asif say?', 'tl;dr']

function ask(question: string, engine?: Engine, options: Record<string, string | boolean> = {}): BotMessage {
  return askCommand.execute(commandInput('ask', { question, ...options }), handlerContext(null, engine)) as BotMessage
}

function buttons(message: BotMessage): APIButtonComponentWithCustomId[] {
  return message.components.flatMap((row) => row.components as APIButtonComponent[]).filter((button): button is APIButtonComponentWithCustomId => 'custom_id' in button)
}

function labelled(message: BotMessage, label: string): APIButtonComponentWithCustomId | undefined {
  return buttons(message).find((button) => button.label === label)
}

async function press(message: BotMessage, customId: string, engine?: Engine, guildId: string | null = GUILD_ID): Promise<ButtonResult> {
  const routed = await new InteractionRouter(commands).runButton(buttonInput(customId, message.embeds[0]?.author?.name ?? null, message.ephemeral, { guildId }), handlerContext(null, engine))
  return routed.result
}

const text = (message: BotMessage) => [message.content ?? '', ...message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}\n${embed.footer?.text ?? ''}`)].join('\n')
/** Markdown escapes and the bot's bold markers off, for verbatim comparisons. */
const plain = (markdown: string) => markdown.replace(/\*\*|__/g, '').replace(/\\([\\*_~`|])/g, '$1')

describe('follow-up ids', () => {
  const examples: FollowUp[] = [
    { kind: 'more', page: 0, article: null },
    { kind: 'more', page: 12, article: 'istanbul-talks' },
    { kind: 'context', passageId: 'istanbul-talks-p5' },
    { kind: 'context', passageId: 'some-slug-p12.3' },
    { kind: 'whole', passageId: 'istanbul-talks-p5', quotation: 2 },
  ]

  it('GIVEN each kind THEN the id decodes to what was encoded, within 100 characters', () => {
    for (const followUp of examples) {
      const id = followUpId(followUp) as string
      expect(id.length).toBeLessThanOrEqual(100)
      expect(followUpOf(id)).toEqual(followUp)
    }
  })

  it('GIVEN the longest slug (80 characters) and large paragraph numbers THEN every id still fits', () => {
    const slug = `a${'b-'.repeat(39)}c`
    expect(slug).toHaveLength(80)
    for (const followUp of [
      { kind: 'more', page: 9999, article: slug },
      { kind: 'context', passageId: `${slug}-p99999.999` },
      { kind: 'whole', passageId: `${slug}-p99999.999`, quotation: 99 },
    ] as FollowUp[]) {
      const id = followUpId(followUp)
      expect(id, JSON.stringify(followUp)).not.toBeNull()
      expect((id as string).length).toBeLessThanOrEqual(100)
    }
  })

  it('GIVEN malformed or foreign ids THEN they are refused', () => {
    for (const id of ['', 'ask', 'ask:', 'ask:m', 'ask:m:', 'ask:m:x', 'ask:m:1:UPPER', 'ask:m:1:../etc', 'ask:c:', 'ask:c:istanbul-talks', 'ask:c:istanbul-talks-p', 'ask:c:istanbul-talks-p5:extra', 'ask:w:istanbul-talks-p5', 'ask:w:istanbul-talks-p5:-1', 'ask:w:istanbul-talks-p5:x', 'ask:w:istanbul-talks-p5:100', 'ask:x:1', 'quote:1', 'ask:c:Istanbul-talks-p5', `ask:m:1:${'a'.repeat(81)}`]) {
      expect(followUpOf(id), id).toBeNull()
    }
  })

  it('GIVEN a page before the first (a disabled Previous) THEN it reads as the first', () => {
    expect(followUpOf('ask:m:-1')).toEqual({ kind: 'more', page: 0, article: null })
  })
})

describe('an answer’s rows', () => {
  for (const question of ANSWERED) {
    it(`GIVEN "${question}" THEN the rows keep Discord's limits, ids are unique, and the embed is the answer's own`, () => {
      const message = ask(question)
      expect(limitBreaches(message)).toEqual([])
      const ids = buttons(message).map((button) => button.custom_id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(message.components.length).toBeLessThanOrEqual(5)
      // The feedback row is the last, 👍 then 👎.
      const last = message.components.at(-1)?.components as APIButtonComponentWithCustomId[]
      expect(last.map((button) => button.emoji?.name)).toEqual(['👍', '👎'])
      // The buttons change nothing else of the answer: the same embeds as the answer without them.
      const engine = handlerContext().engine
      const bare = askMessage(engine.ask(question, scopeOf(engine.articles())), { ephemeral: false }, sourcesOf(engine.articles()))
      expect(bare.components).toEqual([])
      expect(message.embeds).toEqual(bare.embeds)
    })
  }

  it('GIVEN an answer sentence that cuts a quotation THEN Whole quote is offered, and only then', () => {
    const engine = handlerContext().engine
    let offered = 0
    for (const question of ANSWERED) {
      const result = engine.ask(question)
      if (!result.answered || result.summary) continue
      const cuts = cutQuotations(result.passages[0]?.passage as never, result.answer).length > 0
      expect(labelled(ask(question), 'Whole quote') !== undefined, question).toBe(cuts)
      if (cuts) offered++
    }
    expect(offered, 'one of the questions cuts a quotation').toBeGreaterThan(0)
  })

  it('GIVEN More THEN it is offered exactly when the engine has further passages', () => {
    const engine = handlerContext().engine
    for (const question of ANSWERED) {
      const result = engine.ask(question)
      const further = result.answered && !result.summary ? engine.more(question).total : 0
      expect(labelled(ask(question), 'More') !== undefined, question).toBe(further > 0)
    }
  })

  it('GIVEN a question too long to be read back whole from the author line THEN no More (it would look up a cut question), Context still', () => {
    const engine = handlerContext().engine
    const question = `What did the Taliban say about Pakistan, ${'and about Pakistan and the Taliban, '.repeat(6)}in the end?`
    expect(question.length).toBeGreaterThan(256 - 'More on: '.length)
    expect(question.length).toBeLessThanOrEqual(300)
    expect(engine.more(question).total, 'the question has further passages').toBeGreaterThan(0)
    const message = ask(question)
    expect(labelled(message, 'More')).toBeUndefined()
    expect(labelled(message, 'Context')).toBeDefined()
    expect(limitBreaches(message)).toEqual([])
  })

  it('GIVEN a summary answer THEN only feedback, no follow-ups', () => {
    const message = ask('tl;dr')
    expect(message.components).toHaveLength(1)
    expect(labelled(message, 'Context')).toBeUndefined()
  })

  it('GIVEN a question the article does not answer THEN no buttons at all', () => {
    expect(ask('What did the Martian ambassador say about cricket?').components).toEqual([])
  })
})

describe('pressing More', () => {
  const question = 'What did the Taliban say about Pakistan?'

  it('GIVEN More on the answer THEN a new ephemeral message with the first further passages, verbatim; its Next turns the page in place', async () => {
    const answer = ask(question)
    const more = labelled(answer, 'More') as APIButtonComponentWithCustomId
    const first = await press(answer, more.custom_id)
    expect(first.kind).toBe('reply')
    expect(first.message.ephemeral).toBe(true)
    expect(limitBreaches(first.message)).toEqual([])
    const quoted = (first.message.embeds[0]?.description ?? '').split('\n').filter((line) => line.startsWith('> ')).map((line) => plain(line.slice(2)))
    expect(quoted.length).toBeGreaterThan(0)
    for (const line of quoted) expect(ARTICLE_PARAGRAPHS.some((paragraph) => paragraph.includes(line)), line).toBe(true)
    // Nothing the answer shows is repeated.
    const shownText = plain(answer.embeds[0]?.description ?? '')
    for (const line of quoted) expect(shownText.includes(line)).toBe(false)
    const next = labelled(first.message, 'Next ▶') as APIButtonComponentWithCustomId
    expect(next.disabled).toBe(false)
    const second = await press(first.message, next.custom_id)
    expect(second.kind).toBe('update')
    expect(second.message.embeds[0]?.description).not.toEqual(first.message.embeds[0]?.description)
    expect(second.message.embeds[0]?.author?.name).toBe(first.message.embeds[0]?.author?.name)
  })

  it('GIVEN a page past the end THEN the last page', async () => {
    const answer = ask(question)
    const { total } = handlerContext().engine.more(question)
    const lastPage = Math.ceil(total / MORE_PAGE_SIZE) - 1
    const result = await press(answer, 'ask:m:999')
    expect(result.message.embeds[0]?.footer?.text).toContain(`of ${total}`)
    expect(labelled(result.message, 'Next ▶')?.disabled ?? true).toBe(true)
    expect(result.message.embeds[0]?.footer?.text).toContain(`${lastPage * MORE_PAGE_SIZE + 1}–`)
  })

  it('GIVEN a message that is no answer (no question to read back) THEN one clear ephemeral reply', async () => {
    const result = await new InteractionRouter(commands).runButton(buttonInput('ask:m:0', null), handlerContext())
    expect(result.result.kind).toBe('reply')
    expect(result.result.message.ephemeral).toBe(true)
    expect(result.result.message.content).toMatch(/out of date/i)
  })
})

describe('pressing Context and Whole quote', () => {
  it('GIVEN Context THEN the quoted paragraph between the ones before and after it, verbatim and in order', async () => {
    const answer = ask('What about suicide bombing?')
    const result = await press(answer, (labelled(answer, 'Context') as APIButtonComponentWithCustomId).custom_id)
    expect(result.kind).toBe('reply')
    expect(result.message.ephemeral).toBe(true)
    const description = plain(result.message.embeds[0]?.description ?? '')
    const quotedParagraph = ARTICLE_PARAGRAPHS.findIndex((paragraph) => plain(answer.embeds[0]?.description ?? '').includes(paragraph.slice(0, 60)))
    expect(quotedParagraph).toBeGreaterThan(0)
    const positions = [quotedParagraph - 1, quotedParagraph, quotedParagraph + 1].map((index) => description.indexOf(ARTICLE_PARAGRAPHS[index] as string))
    expect(positions.every((position) => position >= 0), 'all three paragraphs, whole').toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('GIVEN Whole quote THEN the whole quotation, verbatim from the article, longer than the answer sentence’s part of it, with its speaker', async () => {
    const answer = ask('What about suicide bombing?')
    const whole = labelled(answer, 'Whole quote') as APIButtonComponentWithCustomId
    expect(whole).toBeDefined()
    const result = await press(answer, whole.custom_id)
    const description = plain(result.message.embeds[0]?.description ?? '')
    const quoted = /“([^”]+)”/.exec(description)?.[1] as string
    expect(ARTICLE_FILE).toContain(quoted)
    const bold = /\*\*(.+?)\*\*/s.exec(answer.embeds[0]?.description ?? '')?.[1] ?? ''
    expect(quoted.length).toBeGreaterThan(plain(bold).length)
    expect(description).toMatch(/Asif/)
  })

  it('GIVEN stale or malformed ids THEN one clear ephemeral reply each, never a throw', async () => {
    const answer = ask('What about suicide bombing?')
    for (const id of ['ask:c:istanbul-talks-p999', 'ask:w:istanbul-talks-p5:9', 'ask:w:gone-article-p1:0', 'ask:zz', 'ask:m:1:gone-article']) {
      const routed = await new InteractionRouter(commands).runButton(buttonInput(id, answer.embeds[0]?.author?.name ?? null), handlerContext())
      expect(routed.outcome, id).toBe('ok')
      expect(routed.result.kind).toBe('reply')
      expect(routed.result.message.ephemeral).toBe(true)
      expect(routed.result.message.content).toMatch(/out of date|no longer works/i)
    }
  })
})

describe('scope on every press', () => {
  const OTHER_GUILD = '999999999999999999'
  const own = (source: string, slug: string, owner: string | null): Article => ({ ...parseArticle(source, slug), owner })
  const SECRET = `---\ntitle: "A private harbour story"\n---\n\nThe harbour master said: “The pier is long overdue. The old one is failing.” She spoke on Monday.\n\nA second paragraph follows the first.\n\nThe third paragraph ends the story.\n`
  const engine = createEngine([own(ARTICLE_FILE, 'istanbul-talks', null), own(SECRET, 'harbour-secret', OTHER_GUILD)])

  it('GIVEN another server’s article in a Context or Whole quote id THEN it is answered as out of date, its text never shown', async () => {
    const answer = ask('What about suicide bombing?', engine)
    for (const id of ['ask:c:harbour-secret-p1', 'ask:w:harbour-secret-p1:0', 'ask:m:0:harbour-secret']) {
      const result = await press(answer, id, engine)
      expect(result.kind).toBe('reply')
      expect(text(result.message)).not.toMatch(/harbour|pier/i)
      expect(text(result.message)).toMatch(/out of date/i)
    }
  })

  it('GIVEN the server that owns it THEN the same id is answered', async () => {
    const answer = ask('What about suicide bombing?', engine)
    const result = await press(answer, 'ask:c:harbour-secret-p1', engine, OTHER_GUILD)
    expect(text(result.message)).toMatch(/pier is long overdue/)
  })

  it('GIVEN More in a server THEN its further passages never come from another server’s article', async () => {
    const answer = ask('What did the harbour master say about the pier?', engine)
    const result = await press({ ...answer, embeds: [{ author: { name: 'Q: What did the harbour master say about the pier and the talks?' } }] }, 'ask:m:0', engine)
    expect(text(result.message)).not.toMatch(/pier is long overdue/)
  })
})

describe('the router', () => {
  it('GIVEN /ask THEN its follow-up and feedback prefixes are both routed', async () => {
    const router = new InteractionRouter(commands)
    for (const id of ['ask:c:istanbul-talks-p1', 'vote:u:istanbul-talks-p1']) {
      const routed = await router.runButton(buttonInput(id, 'Q: x'), handlerContext())
      expect(routed.outcome, id).toBe('ok')
    }
  })

  it('GIVEN two different handlers for one prefix THEN building the router fails loudly', () => {
    const clash = { ...askCommand, data: { ...askCommand.data, name: 'clash' }, buttons: { prefix: 'ask', handle: () => ({ kind: 'reply' as const, message: ask('x') }) } }
    expect(() => new InteractionRouter([askCommand, clash])).toThrow(/prefix "ask"/)
  })
})
