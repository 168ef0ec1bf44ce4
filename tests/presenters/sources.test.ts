/** Replies over several articles say which article each passage is from, and "the articles" only then. */
import { describe, expect, it } from 'vitest'
import type { AnsweredQuestion, UnansweredQuestion } from '../../src/engine/types.ts'
import { askMessage } from '../../src/presenters/discord/askMessage.ts'
import { quoteMessage } from '../../src/presenters/discord/quoteMessage.ts'
import { notAnsweredText } from '../../src/presenters/text.ts'
import { sourcesOf } from '../../src/presenters/sources.ts'
import { MAIN_SLUG, twoArticleEngine, WIRE_SLUG } from '../engine/support.ts'

const engine = twoArticleEngine()
const both = sourcesOf(engine.articles())
const wireOnly = sourcesOf([engine.article(WIRE_SLUG)!])
const passageOf = (slug: string, paragraph: number) => engine.index.passages.find((p) => p.articleSlug === slug && p.paragraph === paragraph)!

function answered(topSlug: string, alsoSlug: string): AnsweredQuestion {
  const top = passageOf(topSlug, 1)
  const also = passageOf(alsoSlug, 2)
  return {
    answered: true,
    question: 'q?',
    type: 'what',
    answer: { passageId: top.id, text: top.sentences[0]!.text, start: 0, end: top.sentences[0]!.end, highlights: [] },
    passages: [{ passage: top, score: 1, matchedTerms: [] }, { passage: also, score: 0.9, matchedTerms: [] }],
  }
}

describe('askMessage with article sources', () => {
  it('GIVEN an answer THEN Source gives title, outlet and date, and the embed links to the article’s URL', () => {
    const embed = askMessage(answered(WIRE_SLUG, WIRE_SLUG), { ephemeral: false }, both).embeds[0]!
    const source = embed.fields?.find((field) => field.name === 'Source')?.value ?? ''
    expect(source).toMatch(/^Valdoria unveils austerity budget as dockers threaten strike · Example Wire · 2024-03-12 · Opening · ¶1$/)
    expect(embed.url).toBe('https://example.com/world/valdoria-budget')
  })

  it('GIVEN a supporting passage from another article THEN "See also" names that article; from the same one it does not', () => {
    const mixed = askMessage(answered(WIRE_SLUG, MAIN_SLUG), { ephemeral: false }, both).embeds[0]!
    expect(mixed.fields?.find((field) => field.name.startsWith('See also'))?.name).toContain(engine.article(MAIN_SLUG)!.title)
    const same = askMessage(answered(WIRE_SLUG, WIRE_SLUG), { ephemeral: false }, both).embeds[0]!
    expect(same.fields?.find((field) => field.name.startsWith('See also'))?.name).not.toContain(engine.article(WIRE_SLUG)!.title)
  })

  it('GIVEN an abstention THEN "the articles" with several, "the article" with one', () => {
    const unanswered: UnansweredQuestion = { answered: false, question: 'q?', type: 'what', reason: 'unknown-names', missing: ['Atlantis'], topics: ['x'], passages: [] }
    const several = askMessage(unanswered, { ephemeral: false }, both).embeds[0]!
    expect(several.description).toMatch(/None of the articles mentions/)
    expect(several.fields?.[0]?.name).toBe('What the articles cover')
    const one = askMessage(unanswered, { ephemeral: false }, wireOnly).embeds[0]!
    expect(one.description).toMatch(/The article doesn’t mention/)
    expect(one.fields?.[0]?.name).toBe('What the article covers')
  })
})

describe('"what did X tell <outlet>" with no such words', () => {
  const notTold = (missing: string[]): UnansweredQuestion => ({ answered: false, question: 'q?', type: 'what', reason: 'not-told', missing, topics: ['x'], passages: [] })

  it('GIVEN the teller and the outlet THEN the reply names both, in Discord and on the terminal', () => {
    const embed = askMessage(notTold(['Oskar Venn', 'the Dunmere Gazette']), { ephemeral: false }, wireOnly).embeds[0]!
    expect(embed.description).toMatch(/^The article doesn’t quote anything Oskar Venn told the Dunmere Gazette, so I won’t pass off other words as that\.$/)
    expect(notAnsweredText(notTold(['Oskar Venn', 'the Dunmere Gazette']), both)).toMatch(/^The articles don't quote anything Oskar Venn told the Dunmere Gazette\.\n/)
  })

  it('GIVEN no teller THEN "said to" the outlet; markdown in what was typed is escaped', () => {
    expect(askMessage(notTold(['', '**Radio** Brisk']), { ephemeral: false }, both).embeds[0]!.description).toContain('quote anything said to \\*\\*Radio\\*\\* Brisk')
    expect(notAnsweredText(notTold(['', 'Radio Brisk']), wireOnly)).toMatch(/^The article doesn't quote anything said to Radio Brisk\./)
  })
})

describe('quoteMessage with article sources', () => {
  it('GIVEN several articles THEN each byline names its article, and an unmatched query lists speakers per article', () => {
    const speaker = engine.speakers({ articles: new Set([WIRE_SLUG]) })[0]!.name
    const found = quoteMessage(engine.quote(speaker), 0, { ephemeral: false }, String, both).embeds[0]!
    expect(found.description).toContain(engine.article(WIRE_SLUG)!.title)
    const none = quoteMessage(engine.quote('zzzz nobody'), 0, { ephemeral: false }, String, both).embeds[0]!
    for (const article of engine.articles()) expect(none.description).toContain(`Quoted in ${article.title}`)
    const single = quoteMessage(engine.quote('zzzz nobody', { articles: new Set([WIRE_SLUG]) }), 0, { ephemeral: false }, String, wireOnly).embeds[0]!
    expect(single.description).toContain('Quoted in the article')
  })
})
