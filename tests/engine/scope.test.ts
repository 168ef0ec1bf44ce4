/** Article scope in the engine: a server's articles, or the one picked, and nothing else. */
import { describe, expect, it } from 'vitest'
import { newestArticle, visibleArticles, type ArticleInfo } from '../../src/engine/articleInfo.ts'
import { twoArticleEngine, MAIN_SLUG, WIRE_SLUG } from './support.ts'

const only = (slug: string) => ({ articles: new Set([slug]) })

describe('engine scope', () => {
  const engine = twoArticleEngine()

  it('GIVEN a scope THEN ask answers only from passages of its articles', () => {
    const unscoped = engine.ask('By how much is public spending cut?')
    expect(unscoped.answered && unscoped.passages[0]?.passage.articleSlug).toBe(WIRE_SLUG)
    const scoped = engine.ask('By how much is public spending cut?', only(MAIN_SLUG))
    expect(scoped.passages.every((ranked) => ranked.passage.articleSlug === MAIN_SLUG)).toBe(true)
  })

  it('GIVEN a scope THEN an abstention lists only what those articles cover', () => {
    const result = engine.ask('What did the Martian ambassador say?', only(WIRE_SLUG))
    expect(result.answered).toBe(false)
    expect(result.answered ? [] : result.topics).not.toContain(engine.article(MAIN_SLUG)?.title)
    expect(result.answered ? [] : result.topics).toContain(engine.article(WIRE_SLUG)?.title)
  })

  it('GIVEN a scope THEN quotes, speakers and suggestions come from its articles only', () => {
    const wireSpeakers = engine.speakers(only(WIRE_SLUG)).map((speaker) => speaker.name)
    const mainSpeakers = engine.speakers(only(MAIN_SLUG)).map((speaker) => speaker.name)
    expect(wireSpeakers.length).toBeGreaterThan(0)
    expect(wireSpeakers.some((name) => mainSpeakers.includes(name))).toBe(false)
    const someone = wireSpeakers[0] as string
    expect(engine.quote(someone, only(WIRE_SLUG)).quotes.length).toBeGreaterThan(0)
    expect(engine.quote(someone, only(MAIN_SLUG)).quotes.every((match) => match.passage.articleSlug === MAIN_SLUG)).toBe(true)
    expect(engine.suggestQuotes('', 25, only(MAIN_SLUG)).map((suggestion) => suggestion.label).join(' ')).not.toContain(someone)
  })

  it('GIVEN the article metadata THEN it is what the front matter says, with counts and speakers per article', () => {
    const wire = engine.article(WIRE_SLUG)
    expect(wire).toMatchObject({ slug: WIRE_SLUG, outlet: 'Example Wire', published: '2024-03-12', url: 'https://example.com/world/valdoria-budget', paragraphs: 10, owner: null })
    expect(wire?.speakers).toEqual(engine.speakers(only(WIRE_SLUG)).map((speaker) => speaker.name))
    expect(engine.article(MAIN_SLUG)).toMatchObject({ outlet: null, published: null, url: null })
  })
})

describe('newestArticle and visibleArticles', () => {
  const info = (slug: string, published: string | null, addedAt: number, owner: string | null = null): ArticleInfo => ({
    slug, title: slug, outlet: null, url: null, published, paragraphs: 1, sections: [], speakers: [], owner, addedAt,
  })
  const day = 86_400_000

  it('GIVEN published dates THEN the latest; without any, the file added last', () => {
    expect(newestArticle([info('a', '2024-01-02', 5), info('b', '2024-03-01', 1)])?.slug).toBe('b')
    expect(newestArticle([info('a', null, 10 * day), info('b', null, 20 * day)])?.slug).toBe('b')
    expect(newestArticle([info('only', null, 0)])?.slug).toBe('only')
    expect(newestArticle([])).toBeUndefined()
  })

  it('GIVEN owners THEN a server sees shared articles and its own; DMs only shared ones', () => {
    const all = [info('shared', null, 0), info('mine', null, 0, '111'), info('theirs', null, 0, '222')]
    expect([...visibleArticles(all, '111')]).toEqual(['shared', 'mine'])
    expect([...visibleArticles(all, null)]).toEqual(['shared'])
  })
})

describe('scope in a corpus large enough to have common terms', () => {
  it('GIVEN a question of only common terms whose best passages lie in another article THEN the scoped ask still finds its own article’s passage', async () => {
    const { buildPassages } = await import('../../src/passages/buildPassages.ts')
    const { buildPassageIndex } = await import('../../src/search/passageIndex.ts')
    const { ask } = await import('../../src/engine/ask.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { termsOf } = await import('../../src/search/terms.ts')
    const many = parseArticle(
      `---\ntitle: Harbour news\n---\n\n${Array.from({ length: 6 }, (_, i) => `The harbour harbour harbour was busy on day ${i + 1}, with ships at the harbour wall.`).join('\n\n')}\n`,
      'harbour-news',
    )
    const other = parseArticle('---\ntitle: Town news\n---\n\nThe market opened early on Monday.\n\nA new harbour ferry started running to the island.\n\nThe library closed for repairs.\n', 'town-news')
    const passages = [...buildPassages(many), ...buildPassages(other)]
    // Tiny thresholds: "harbour" is a common term whose single best passage is in the first article.
    const index = buildPassageIndex(passages, { commonTerms: { minPassages: 2, share: 0.05, depth: 1 } })
    expect(index.commonTerms.has(termsOf('harbour')[0] as string)).toBe(true)
    expect(index.commonTerms.best(termsOf('harbour')[0] as string).map((impact) => index.passages[impact.position]?.articleSlug)).toEqual(['harbour-news'])
    const result = ask(index, 'What about the harbour?', {}, { scope: new Set(['town-news']) })
    expect(result.answered).toBe(true)
    expect(result.passages[0]?.passage.articleSlug).toBe('town-news')
  })
})

describe('scope hides other servers’ articles from abstentions too', () => {
  it('GIVEN a name found only in another server’s article THEN the answer is the same as for a name in no article', async () => {
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { loadMainArticles, loadWireArticles } = await import('./support.ts')
    const theirs = {
      ...parseArticle('---\ntitle: Lake ferry returns\n---\n\nThe Lake Merrow ferry returned to service on Wednesday after a refit.\n\n“We will run eleven crossings a day,” said Odile Brenner, the operations manager.\n', 'lake-ferry'),
      owner: '1300000000000000999',
    }
    const engine = createEngine([...loadMainArticles(), ...loadWireArticles(), theirs])
    const shared = { articles: new Set([MAIN_SLUG, WIRE_SLUG]) }
    const strip = (result: ReturnType<typeof engine.ask>) => (result.answered ? { answered: true } : { reason: result.reason, missing: result.missing.length, topics: result.topics })
    for (const [hidden, absent] of [
      ['What did Odile Brenner say?', 'What did Zelda Quimby say?'],
      ['What happened at Lake Merrow?', 'What happened at Lake Zorbo?'],
    ] as const) {
      expect(strip(engine.ask(hidden, shared)), hidden).toEqual(strip(engine.ask(absent, shared)))
    }
    // The server that owns it is answered.
    expect(engine.ask('What did Odile Brenner say?', { articles: new Set([MAIN_SLUG, WIRE_SLUG, 'lake-ferry']) }).answered).toBe(true)
  })
})
