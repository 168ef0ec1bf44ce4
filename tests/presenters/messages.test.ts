/**
 * The replies' presenters over the project's article (facts checked against the
 * article file itself) and over hand-built results.
 *
 * askMessage: for an answer, the passage as a block quote with exactly the answer
 * sentence in bold and its source (title · section · ¶n); for an abstention, no
 * quotation at all and what the article covers instead.
 *
 * summaryMessage: one bullet per sentence, each the article's words verbatim and
 * ending with `*(¶n)*`, n the paragraph the sentence is in.
 *
 * quoteMessage and autocompleteChoices: the user's query echoed safely, the author
 * line page buttons read back, and choices within Discord's limits.
 */
import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import type { AnsweredQuestion, AskResult, QuoteSuggestion, SummaryResult } from '../../src/engine/types.ts'
import type { Passage } from '../../src/passages/types.ts'
import { askMessage } from '../../src/presenters/discord/askMessage.ts'
import { autocompleteChoices } from '../../src/presenters/discord/choices.ts'
import { queryOfQuoteMessage, quoteMessage } from '../../src/presenters/discord/quoteMessage.ts'
import { pinnedSummaryFooter, summaryMessage } from '../../src/presenters/discord/summaryMessage.ts'
import {
  ARTICLE_PARAGRAPH_SECTIONS,
  ARTICLE_PARAGRAPHS,
  ARTICLE_SECTIONS,
  ARTICLE_TITLE,
  corpusEngine,
  paragraphsContaining,
  unescapeMarkdown,
} from './article.ts'

/** Positions of `**` markers that are not escaped by a backslash. */
function boldMarkers(text: string): number[] {
  const positions: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++
      continue
    }
    if (text.startsWith('**', i)) {
      positions.push(i)
      i++
    }
  }
  return positions
}

/** The text between the first pair of `**`, with `__` underline markers and escapes removed. */
function boldText(description: string): string {
  const [open, close] = boldMarkers(description)
  if (open === undefined || close === undefined) throw new Error(`no bold pair in ${description}`)
  const inner = description.slice(open + 2, close)
  return unescapeMarkdown(inner.replace(/(?<!\\)__/g, ''))
}

function embedOf(result: AskResult): APIEmbed {
  const embed = askMessage(result, { ephemeral: false }).embeds[0]
  if (!embed) throw new Error('no embed')
  return embed
}

describe('askMessage for an answered question (the article’s own facts)', () => {
  it.each([
    ['How many people died in the Kabul explosions?', 'more than 70 people dead'],
    ['Where was the truce reached?', 'truce was reached in Doha'],
    ['What did Tarar say about the negotiations?', 'lack of seriousness'],
  ])('GIVEN %j THEN exactly the answer sentence — the one with %j — is bold, inside a block quote, and Source gives its paragraph with ¶', (question, fact) => {
    const result = corpusEngine().ask(question)
    expect(result.answered).toBe(true)
    const answered = result as AnsweredQuestion
    const embed = embedOf(answered)
    const description = embed.description ?? ''

    // One bold span, and it is the answer sentence.
    expect(boldMarkers(description)).toHaveLength(2)
    const bold = boldText(description)
    expect(bold).toBe(answered.answer.text)
    expect(bold).toContain(fact)
    // The bold text is a whole sentence of the article's paragraph, verbatim.
    const [paragraph, ...others] = paragraphsContaining(fact)
    expect(others).toEqual([])
    const paragraphText = ARTICLE_PARAGRAPHS[(paragraph as number) - 1] as string
    expect(paragraphText).toContain(bold)
    expect(bold).toMatch(/[.!?”]$/)
    const before = paragraphText.slice(0, paragraphText.indexOf(bold))
    expect(before === '' || /[.!?”]\s$/.test(before)).toBe(true)

    // Quoted as a block quote, line by line.
    for (const line of description.split('\n')) expect(line.startsWith('> ')).toBe(true)

    const source = embed.fields?.find((field) => field.name === 'Source')?.value ?? ''
    expect(source).toContain(ARTICLE_TITLE)
    expect(source).toContain(ARTICLE_PARAGRAPH_SECTIONS[(paragraph as number) - 1] ?? 'Opening')
    expect(source).toMatch(new RegExp(`¶${paragraph}(?!\\d)`))
    expect(embed.author?.name).toBe(`Q: ${question}`)
  })

  it('GIVEN an answer quoting Tarar THEN a Speaking field names him', () => {
    const embed = embedOf(corpusEngine().ask('What did Tarar say about the negotiations?'))
    expect(embed.fields?.find((field) => field.name === 'Speaking')?.value).toContain('Attaullah Tarar')
  })
})

describe('askMessage with Markdown characters in the passage (hand-built result)', () => {
  const text = 'Officials met on *Monday*. Turnout was 61 per cent, the __highest__ since |2001| and `record`* Then the count began.'
  const start = text.indexOf('Turnout')
  const end = text.indexOf('* Then') + 1 // the answer ends on an asterisk, right before the closing **
  const passage: Passage = {
    id: 'hand-p4',
    articleSlug: 'hand',
    articleTitle: 'A hand-made article',
    section: 'Results',
    paragraph: 4,
    part: 2,
    text,
    sentences: [],
    quotations: [],
    attributions: [],
    outlets: [],
    people: [],
    claims: [],
  }
  const result: AnsweredQuestion = {
    answered: true,
    question: 'What was the turnout?',
    type: 'what',
    answer: { passageId: passage.id, text: text.slice(start, end), start, end, highlights: [{ start, end: start + 'Turnout'.length }] },
    passages: [{ passage, score: 1, matchedTerms: ['turnout'] }],
  }

  it('GIVEN stars, underscores, pipes and backticks in the text THEN only the answer sentence is bold, and it reads back verbatim', () => {
    const embed = embedOf(result)
    const description = embed.description ?? ''
    expect(boldMarkers(description)).toHaveLength(2)
    expect(boldText(description)).toBe(text.slice(start, end))
    // The text outside the bold reads back verbatim too.
    expect(unescapeMarkdown(description.replace(/^> /gm, '').replace(/(?<!\\)\*\*|(?<!\\)__/g, ''))).toBe(text)
  })

  it('GIVEN a passage that is part 2 of paragraph 4 THEN Source says so with ¶', () => {
    const source = embedOf(result).fields?.find((field) => field.name === 'Source')?.value ?? ''
    expect(source).toContain('¶4')
    expect(source).toContain('part 2')
    expect(source).toContain('Results')
  })
})

describe('askMessage for an unanswered question', () => {
  it.each([
    ['Who is the president of India?'],
    ['What did the report say about the weather?'],
    [''],
    ['hello'],
  ])('GIVEN %j THEN there is no block quote and the article’s title and every section are listed as topics', (question) => {
    const result = corpusEngine().ask(question)
    expect(result.answered).toBe(false)
    const embed = embedOf(result)
    const texts = [embed.description ?? '', ...(embed.fields ?? []).map((field) => field.value)]
    for (const value of texts) for (const line of value.split('\n')) expect(line.startsWith('>')).toBe(false)
    expect(boldMarkers(embed.description ?? '').length % 2).toBe(0)
    const topics = embed.fields?.find((field) => /covers/.test(field.name))?.value.split('\n') ?? []
    for (const topic of [ARTICLE_TITLE, ...ARTICLE_SECTIONS]) expect(topics).toContain(`• ${topic}`)
    expect(embed.footer?.text ?? '').not.toMatch(/in bold/)
  })

  it('GIVEN a name the article never mentions THEN the reply names it', () => {
    const embed = embedOf(corpusEngine().ask('Who is the president of India?'))
    expect(embed.description).toContain('**India**')
  })

  it('GIVEN an empty question THEN the author line still says something', () => {
    expect(embedOf(corpusEngine().ask('')).author?.name.length).toBeGreaterThan('Q: '.length)
  })
})

/** A bullet: the verbatim sentence, then its paragraph and who the people it names are, outside the sentence. */
const BULLET = /^• (.+) \*\(¶(\d+)((?: · [^()]+)*)\)\*$/

describe('summaryMessage', () => {
  it('GIVEN a summary sentence naming Asif by surname only THEN his role is shown after the sentence, not inside it', () => {
    const result = corpusEngine().summary({ length: 'short' })
    const index = result.sentences.findIndex((sentence) => sentence.introduces.some(({ mention }) => mention === 'Asif'))
    expect(index).toBeGreaterThanOrEqual(0)
    const line = (summaryMessage(result, { ephemeral: false }).embeds[0]?.description ?? '').split('\n')[index] ?? ''
    const match = BULLET.exec(line)
    expect(match?.[3]).toMatch(/Asif: Khawaja Asif, Pakistan[’']s Defence Minister/)
    expect(unescapeMarkdown(match?.[1] ?? '')).toBe(result.sentences[index]?.text)
  })

  it.each(['short', 'full'] as const)('GIVEN the %s summary THEN every bullet is a verbatim sentence ending with *(¶n)*, n its paragraph in the article', (length) => {
    const result = corpusEngine().summary({ length })
    const message = summaryMessage(result, { ephemeral: false })
    const lines = (message.embeds[0]?.description ?? '').split('\n')
    expect(lines.length).toBe(result.sentences.length)
    expect(lines.length).toBeGreaterThanOrEqual(length === 'short' ? 2 : 4)
    const paragraphs: number[] = []
    for (const line of lines) {
      const match = BULLET.exec(line)
      expect(match, line).not.toBeNull()
      const sentence = unescapeMarkdown(match?.[1] ?? '')
      const found = paragraphsContaining(sentence)
      expect(found, sentence).toHaveLength(1)
      expect(Number(match?.[2])).toBe(found[0])
      paragraphs.push(found[0] as number)
    }
    // In article order.
    expect([...paragraphs].sort((a, b) => a - b)).toEqual(paragraphs)
    expect(message.embeds[0]?.title).toContain(ARTICLE_TITLE)
  })

  it('GIVEN pinned: true THEN the footer is the pinned-summary marker; otherwise it is not', () => {
    const result = corpusEngine().summary({ length: 'short' })
    expect(summaryMessage(result, { ephemeral: false }, { pinned: true }).embeds[0]?.footer?.text).toBe(pinnedSummaryFooter(result.article.slug))
    expect(summaryMessage(result, { ephemeral: false }).embeds[0]?.footer?.text).not.toBe(pinnedSummaryFooter(result.article.slug))
  })

  it('GIVEN a sentence with Markdown characters THEN it is escaped and its bullet still ends with *(¶n)*', () => {
    const result: SummaryResult = {
      article: { slug: 'hand', title: 'Hand-made' },
      length: 'short',
      sentences: [
        { text: 'Costs rose *sharply* to $5_000 | `net`.', passageId: 'hand-p3', paragraph: 3, introduces: [] },
        { text: 'Nothing else changed.', passageId: 'hand-p12', paragraph: 12, introduces: [] },
      ],
    }
    const lines = (summaryMessage(result, { ephemeral: true }).embeds[0]?.description ?? '').split('\n')
    expect(lines).toHaveLength(2)
    const first = BULLET.exec(lines[0] ?? '')
    expect(unescapeMarkdown(first?.[1] ?? '')).toBe('Costs rose *sharply* to $5_000 | `net`.')
    expect(first?.[1]).not.toMatch(/(?<!\\)[*_`|]/)
    expect(first?.[2]).toBe('3')
    expect(BULLET.exec(lines[1] ?? '')?.[2]).toBe('12')
  })
})

const pageId = (page: number) => `quote:${page}`

describe('quoteMessage', () => {
  it('GIVEN a query with Markdown that matches nothing THEN the echo is escaped, and the speakers quoted in the article are listed', () => {
    const result = corpusEngine().quote('**zzz** `qq` ||spoil||')
    expect(result.quotes).toEqual([])
    const message = quoteMessage(result, 0, { ephemeral: false }, pageId)
    const description = message.embeds[0]?.description ?? ''
    expect(description).not.toMatch(/(?<!\\)\*\*zzz/)
    expect(description).not.toMatch(/(?<!\\)`qq/)
    expect(description).not.toMatch(/(?<!\\)\|\|spoil/)
    for (const name of ['Khawaja Asif', 'Attaullah Tarar']) expect(description).toContain(name)
    expect(message.components).toEqual([])
  })

  it('GIVEN a reply THEN its author line gives the query back, and other author lines give null', () => {
    const result = corpusEngine().quote('defence minister')
    const author = quoteMessage(result, 0, { ephemeral: false }, pageId).embeds[0]?.author?.name ?? null
    expect(queryOfQuoteMessage(author)).toBe('defence minister')
    expect(queryOfQuoteMessage(null)).toBeNull()
    expect(queryOfQuoteMessage('Q: defence minister')).toBeNull()
  })

  it('GIVEN a page number out of range THEN the nearest page is shown', () => {
    const result = corpusEngine().quote('Khawaja Asif and Attaullah Tarar')
    const first = quoteMessage(result, 0, { ephemeral: false }, pageId)
    expect(quoteMessage(result, -3, { ephemeral: false }, pageId)).toEqual(first)
    expect(quoteMessage(result, 7, { ephemeral: false }, pageId).embeds[0]?.footer?.text).toMatch(/page 2 of 2/)
  })
})

describe('autocompleteChoices', () => {
  it('GIVEN 30 suggestions THEN 25 choices, in the same order', () => {
    const suggestions: QuoteSuggestion[] = Array.from({ length: 30 }, (_, i) => ({ label: `Speaker ${i}`, query: `Speaker ${i}` }))
    const choices = autocompleteChoices(suggestions)
    expect(choices).toHaveLength(25)
    expect(choices.map((choice) => choice.value)).toEqual(suggestions.slice(0, 25).map((suggestion) => suggestion.query))
  })

  it('GIVEN a label and query of 150 characters THEN the name is cut with "…" and the value cut on a word without "…", both ≤ 100', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ').slice(0, 150)
    const [choice] = autocompleteChoices([{ label: `“${long}”`, query: long }])
    expect(choice?.name.length).toBeLessThanOrEqual(100)
    expect(choice?.name.endsWith('…')).toBe(true)
    expect(choice?.value.length).toBeLessThanOrEqual(100)
    expect(choice?.value.length).toBeGreaterThan(50)
    expect(choice?.value).not.toContain('…')
    expect(long.startsWith(choice?.value ?? '?')).toBe(true)
    expect(long[(choice?.value ?? '').length]).toBe(' ')
  })

  it('GIVEN a query of 100 characters THEN it is kept whole', () => {
    const query = 'q'.repeat(100)
    expect(autocompleteChoices([{ label: 'x', query }])[0]?.value).toBe(query)
  })

  it('GIVEN an empty label or query THEN that suggestion is left out', () => {
    expect(autocompleteChoices([{ label: '', query: 'a' }, { label: 'b', query: '' }, { label: 'ok', query: 'ok' }])).toEqual([{ name: 'ok', value: 'ok' }])
  })
})
