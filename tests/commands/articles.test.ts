/** Commands over several articles: per-article pins, too-short summaries, /articles paging. */
import { describe, expect, it } from 'vitest'
import { articlesCommand } from '../../commands/articles.ts'
import { pinSummaryCommand } from '../../commands/pinSummary.ts'
import { summaryCommand } from '../../commands/summary.ts'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine } from '../../src/engine/engine.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { ARTICLES_PER_PAGE } from '../../src/presenters/discord/articlesMessage.ts'
import { pinnedSummaryFooter } from '../../src/presenters/discord/summaryMessage.ts'
import { loadMainArticles, loadWireArticles, MAIN_SLUG, WIRE_SLUG } from '../engine/support.ts'
import { InMemoryChannel } from './inMemoryChannel.ts'
import { BOT_USER_ID, CHANNEL_ID, buttonInput, commandInput, handlerContext } from './support.ts'

const engine = createEngine([...loadMainArticles(), ...loadWireArticles()])

describe('/pin-summary article:X', () => {
  it('GIVEN summaries of two articles pinned THEN re-pinning one unpins only that article’s previous summary', async () => {
    const channel = new InMemoryChannel(CHANNEL_ID, BOT_USER_ID)
    const pin = (slug: string) => Promise.resolve(pinSummaryCommand.execute(commandInput('pin-summary', { article: slug }), handlerContext(channel, engine)))
    await pin(MAIN_SLUG)
    await pin(WIRE_SLUG)
    const [wireFirst, mainFirst] = channel.pins.map((p) => p.id)
    await pin(WIRE_SLUG)
    expect(channel.pins).toHaveLength(2)
    expect(channel.pins.map((p) => p.id)).toContain(mainFirst)
    expect(channel.pins.map((p) => p.id)).not.toContain(wireFirst)
    expect(channel.pins.map((p) => p.footers[0]).sort()).toEqual([pinnedSummaryFooter(MAIN_SLUG), pinnedSummaryFooter(WIRE_SLUG)].sort())
  })

  it('GIVEN an unknown article THEN it says so and touches nothing', async () => {
    const channel = new InMemoryChannel(CHANNEL_ID, BOT_USER_ID)
    const reply = await pinSummaryCommand.execute(commandInput('pin-summary', { article: 'no-such-article' }), handlerContext(channel, engine))
    expect(reply.content).toMatch(/no article/)
    expect(channel.calls).toEqual([])
  })
})

describe('/summary of an article too short to summarise', () => {
  it('GIVEN two one-sentence paragraphs THEN the reply is its opening sentence, verbatim, never an empty embed', () => {
    const short = createEngine([parseArticle('---\ntitle: Council note\n---\n\nThe council met on Monday.\n\nIt adjourned at noon.\n', 'council-note')])
    const reply = summaryCommand.execute(commandInput('summary', {}), handlerContext(null, short)) as BotMessage
    expect(reply.embeds).toHaveLength(1)
    expect(reply.embeds[0]?.description).toContain('The council met on Monday.')
  })
})

describe('/articles paging', () => {
  const many = createEngine(
    Array.from({ length: ARTICLES_PER_PAGE + 3 }, (_, index) =>
      parseArticle(`---\ntitle: Story number ${index + 1}\n---\n\nParagraph of story ${index + 1}, with a sentence.\n`, `story-${String(index + 1).padStart(2, '0')}`),
    ),
  )
  it('GIVEN more than 10 articles THEN 10 on the first page and a Next button that shows the rest', async () => {
    const first = articlesCommand.execute(commandInput('articles'), handlerContext(null, many)) as BotMessage
    expect(first.embeds[0]?.fields).toHaveLength(ARTICLES_PER_PAGE)
    const next = first.components[0]?.components.find((button) => 'label' in button && button.label === 'Next ▶')
    const id = next && 'custom_id' in next ? next.custom_id : ''
    const page2 = await articlesCommand.buttons?.handle(buttonInput(id, null), handlerContext(null, many))
    expect(page2?.kind).toBe('update')
    expect(page2?.message.embeds[0]?.fields).toHaveLength(3)
    const names = [...(first.embeds[0]?.fields ?? []), ...(page2?.message.embeds[0]?.fields ?? [])].map((field) => field.name)
    expect(new Set(names).size).toBe(ARTICLES_PER_PAGE + 3)
  })
})
