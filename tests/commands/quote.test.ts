/**
 * `/quote`: the first page, stateless page buttons (`quote:<page>`, the query read
 * back from the embed's author line), stale buttons, and autocomplete choices.
 *
 * Facts from the article: Khawaja Asif is quoted three times (¶1 "completely
 * obliterate", ¶3 "Let me assure them", ¶5 "bitter taste") and Attaullah Tarar
 * three times (¶8 "lack of seriousness", ¶9 "Regrettably", ¶10 "workable
 * solution"), so the two together make six quotations: two pages of four.
 */
import type { APIButtonComponent, APIButtonComponentWithCustomId } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { quoteCommand } from '../../commands/quote.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine } from '../../src/engine/engine.ts'
import type { ButtonResult, Choice } from '../../src/interactions/types.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { autocompleteInput, buttonInput, commandInput, handlerContext, MENTIONED_ID } from './support.ts'

const BOTH = 'Khawaja Asif and Attaullah Tarar'
const PAGE_ONE = ['completely obliterate', 'Let me assure them', 'bitter taste', 'lack of seriousness']
const PAGE_TWO = ['Regrettably', 'workable solution']

function execute(query: string, extra: Record<string, string | boolean> = {}): BotMessage {
  return quoteCommand.execute(commandInput('quote', { query, ...extra }), handlerContext()) as BotMessage
}

function buttons(message: BotMessage): APIButtonComponentWithCustomId[] {
  return message.components.flatMap((row) => row.components as APIButtonComponent[]).filter((button): button is APIButtonComponentWithCustomId => 'custom_id' in button)
}

function button(message: BotMessage, label: RegExp): APIButtonComponentWithCustomId {
  const found = buttons(message).find((candidate) => label.test(candidate.label ?? ''))
  if (!found) throw new Error(`no button labelled ${label}`)
  return found
}

function authorOf(message: BotMessage): string | null {
  return message.embeds[0]?.author?.name ?? null
}

async function press(message: BotMessage, label: RegExp, ephemeral = false): Promise<ButtonResult> {
  const handle = quoteCommand.buttons?.handle
  if (!handle) throw new Error('/quote has no buttons')
  return handle(buttonInput(button(message, label).custom_id, authorOf(message), ephemeral), handlerContext())
}

function quotationCount(message: BotMessage): number {
  return (message.embeds[0]?.description ?? '').split('\n').filter((line) => line.startsWith('> “')).length
}

/** A query of exactly 100 characters (the option's maximum) that still names both speakers. */
const HUNDRED = `${BOTH}, both of them quoted on the failed Istanbul talks between Pakistan and the Taliban,`.padEnd(100, ' x').slice(0, 100)

describe('/quote: the first page', () => {
  it('GIVEN six matching quotations THEN page 1 shows the first four, Previous is disabled and Next is enabled', () => {
    const reply = execute(BOTH)
    const description = reply.embeds[0]?.description ?? ''
    expect(quotationCount(reply)).toBe(4)
    for (const phrase of PAGE_ONE) expect(description).toContain(phrase)
    for (const phrase of PAGE_TWO) expect(description).not.toContain(phrase)
    expect(reply.embeds[0]?.footer?.text).toMatch(/6 quotations.*page 1 of 2/)
    expect(button(reply, /Previous/).disabled).toBe(true)
    expect(button(reply, /Next/).disabled).toBe(false)
    expect(reply.ephemeral).toBe(false)
  })

  it('GIVEN a query of 100 characters THEN every button’s custom_id stays within 100 characters and ids are unique', () => {
    expect(HUNDRED).toHaveLength(100)
    const reply = execute(HUNDRED)
    const ids = buttons(reply).map((candidate) => candidate.custom_id)
    expect(ids).toHaveLength(2)
    for (const id of ids) {
      expect(id.length).toBeGreaterThan(0)
      expect(id.length).toBeLessThanOrEqual(100)
      expect(id.startsWith('quote:')).toBe(true)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('GIVEN four or fewer quotations THEN there are no page buttons', () => {
    const reply = execute('Asif')
    expect(quotationCount(reply)).toBe(3)
    expect(reply.components).toEqual([])
  })
})

describe('/quote: page buttons', () => {
  it.each([
    ['a short query', BOTH],
    ['a query of 100 characters', HUNDRED],
  ])('GIVEN %s THEN pressing Next updates the message to page 2, and Previous there goes back to page 1', async (_, query) => {
    const first = execute(query)
    const next = await press(first, /Next/)
    expect(next.kind).toBe('update')
    const second = next.message
    const description = second.embeds[0]?.description ?? ''
    expect(quotationCount(second)).toBe(2)
    for (const phrase of PAGE_TWO) expect(description).toContain(phrase)
    for (const phrase of PAGE_ONE) expect(description).not.toContain(phrase)
    expect(second.embeds[0]?.footer?.text).toMatch(/page 2 of 2/)
    expect(button(second, /Previous/).disabled).toBe(false)
    expect(button(second, /Next/).disabled).toBe(true)
    // The update still names the same look-up, so its buttons keep working.
    expect(authorOf(second)).toBe(authorOf(first))

    const back = await press(second, /Previous/)
    expect(back.kind).toBe('update')
    expect(back.message.embeds[0]?.description).toBe(first.embeds[0]?.description)
  })

  it('GIVEN the first reply mentioned someone THEN the page update carries no content and pings nobody again', async () => {
    const first = execute(BOTH, { mention: MENTIONED_ID })
    expect(first.content).toBe(`<@${MENTIONED_ID}>`)
    const next = await press(first, /Next/)
    expect(next.message.content).toBeUndefined()
    expect(next.message.mentionUsers).toEqual([])
  })

  it('GIVEN a hidden (ephemeral) reply THEN its page update stays ephemeral', async () => {
    const first = execute(BOTH, { hide: true })
    expect(first.ephemeral).toBe(true)
    const next = await press(first, /Next/, true)
    expect(next.kind).toBe('update')
    expect(next.message.ephemeral).toBe(true)
  })

  it('GIVEN forty quotations THEN the last page’s Next is disabled and a page id past the end shows the last page', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `“The budget line ${i} will be reviewed by the committee,” said Minister Person${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}ova.`)
    const engine = createEngine([parseArticle(`---\ntitle: "Synthetic budget"\n---\n\n${paragraphs.join('\n\n')}\n`, 'synthetic')])
    const handle = quoteCommand.buttons?.handle
    if (!handle) throw new Error('/quote has no buttons')
    const first = quoteCommand.execute(commandInput('quote', { query: 'budget' }), handlerContext(null, engine)) as BotMessage
    const last = await handle(buttonInput('quote:9', authorOf(first)), handlerContext(null, engine))
    expect(last.message.embeds[0]?.footer?.text).toMatch(/page 10 of 10/)
    expect(last.message.embeds[0]?.description).toContain('budget line 39 ')
    expect(button(last.message, /Next/).disabled).toBe(true)
    const beyond = await handle(buttonInput('quote:50', authorOf(first)), handlerContext(null, engine))
    expect(beyond.message.embeds[0]?.description).toBe(last.message.embeds[0]?.description)
  })

  it.each([
    ['no embed author', 'quote:1', null],
    ['the author line of an /ask reply', 'quote:1', 'Q: What did Asif say?'],
    ['a look-up that now matches nothing', 'quote:1', 'Quotations: zzzz qqqq'],
    ['a malformed page id', 'quote:next', `Quotations: ${BOTH}`],
  ])('GIVEN a button on a message with %s THEN an ephemeral reply (not an update) says the results are out of date', async (_, customId, author) => {
    const handle = quoteCommand.buttons?.handle
    if (!handle) throw new Error('/quote has no buttons')
    const result = await handle(buttonInput(customId, author), handlerContext())
    expect(result.kind).toBe('reply')
    expect(result.message.ephemeral).toBe(true)
    expect(result.message.content).toMatch(/out of date/)
  })
})

describe('/quote: autocomplete', () => {
  function choices(value: string): Choice[] {
    const autocomplete = quoteCommand.autocomplete
    if (!autocomplete) throw new Error('/quote has no autocomplete')
    return autocomplete(autocompleteInput('quote', 'query', value), handlerContext())
  }

  function expectValidChoices(list: Choice[]): void {
    expect(list.length).toBeLessThanOrEqual(25)
    for (const choice of list) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1)
      expect(choice.name.length).toBeLessThanOrEqual(100)
      expect(choice.value.length).toBeGreaterThanOrEqual(1)
      expect(choice.value.length).toBeLessThanOrEqual(100)
    }
  }

  it('GIVEN nothing typed THEN valid choices that offer each named speaker', () => {
    const list = choices('')
    expectValidChoices(list)
    const values = list.map((choice) => choice.value)
    for (const name of ['Khawaja Asif', 'Attaullah Tarar', 'Mawlawi Mohammad Yaqoob Mujahid']) expect(values).toContain(name)
  })

  it.each([
    ['Tar', 'Attaullah Tarar'],
    ['asi', 'Khawaja Asif'],
    ['Muj', 'Mawlawi Mohammad Yaqoob Mujahid'],
  ])('GIVEN the surname prefix %j THEN valid choices with %s first', (typed, speaker) => {
    const list = choices(typed)
    expectValidChoices(list)
    expect(list[0]?.value).toBe(speaker)
  })

  it('GIVEN a prefix that matches quotations longer than 100 characters THEN their choices are still 1–100 characters, and each value still finds the quotation', () => {
    const list = choices('Ta')
    expectValidChoices(list)
    const long = list.find((choice) => choice.value.startsWith('Let me assure them'))
    expect(long).toBeDefined()
    const looked = quoteCommand.execute(commandInput('quote', { query: long?.value ?? '' }), handlerContext()) as BotMessage
    expect(looked.embeds[0]?.description).toContain('push them back to the caves')
  })
})
