/**
 * `fitMessage`, the one gate for Discord's limits: at each limit nothing
 * changes, one past it the text is cut (a prefix, marked "…") or the surplus
 * dropped; and a seeded property loop over random long messages.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField, ButtonStyle, ComponentType } from 'discord.js'
import { describe, expect, it } from 'vitest'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { fitMessage } from '../../src/presenters/discord/fitMessage.ts'
import { isPrefixTrim, LIMIT, limitBreaches, seededRandom, sentences } from './limits.ts'

function message(init: Partial<BotMessage>): BotMessage {
  return { embeds: [], components: [], mentionUsers: [], ephemeral: false, ...init }
}

function embedMessage(embed: APIEmbed): BotMessage {
  return message({ embeds: [embed] })
}

// Discord's numbers (ComponentType.Button = 2, ButtonStyle.Secondary = 2, ComponentType.ActionRow = 1),
// written out so this file does not load discord.js.
function button(customId: string, label = 'Go'): APIButtonComponent {
  return { type: 2 as ComponentType.Button, style: 2 as ButtonStyle.Secondary, custom_id: customId, label }
}

function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: 1 as ComponentType.ActionRow, components: buttons }
}

function expectCut(cut: string | undefined, original: string, max: number): void {
  expect(cut).toBeDefined()
  const text = cut as string
  expect(text.length).toBeLessThanOrEqual(max)
  expect(text.endsWith('…')).toBe(true)
  expect(isPrefixTrim(text, original)).toBe(true)
  // Cut near the limit (at the last sentence that fits), not far before it.
  expect(text.length).toBeGreaterThan(max / 2)
}

describe('fitMessage: each limit, at it and one past it', () => {
  type TextCase = [string, number, (text: string) => BotMessage, (fitted: BotMessage) => string | undefined]
  const textCases: TextCase[] = [
    ['content', LIMIT.content, (text) => message({ content: text }), (fitted) => fitted.content],
    ['embed title', LIMIT.title, (text) => embedMessage({ title: text }), (fitted) => fitted.embeds[0]?.title],
    ['embed description', LIMIT.description, (text) => embedMessage({ description: text }), (fitted) => fitted.embeds[0]?.description],
    ['field name', LIMIT.fieldName, (text) => embedMessage({ fields: [{ name: text, value: 'v' }] }), (fitted) => fitted.embeds[0]?.fields?.[0]?.name],
    ['field value', LIMIT.fieldValue, (text) => embedMessage({ fields: [{ name: 'n', value: text }] }), (fitted) => fitted.embeds[0]?.fields?.[0]?.value],
    ['footer', LIMIT.footer, (text) => embedMessage({ footer: { text } }), (fitted) => fitted.embeds[0]?.footer?.text],
    ['author', LIMIT.author, (text) => embedMessage({ author: { name: text } }), (fitted) => fitted.embeds[0]?.author?.name],
    ['button label', LIMIT.label, (text) => message({ components: [row([button('id', text)])] }), (fitted) => (fitted.components[0]?.components[0] as { label?: string } | undefined)?.label],
  ]

  it.each(textCases)('GIVEN a %s of exactly its limit (%i) THEN the message is unchanged', (_, max, build) => {
    const input = build(sentences(max))
    expect(fitMessage(input)).toEqual(input)
  })

  it.each(textCases)('GIVEN a %s one past its limit (%i) THEN it is cut to a prefix within the limit, ending "…"', (_, max, build, read) => {
    const text = sentences(max + 1)
    const fitted = fitMessage(build(text))
    expectCut(read(fitted), text, max)
    expect(limitBreaches(fitted)).toEqual([])
  })

  it('GIVEN 25 fields THEN all are kept; GIVEN 26 THEN the first 25 are kept, in order', () => {
    const fields = Array.from({ length: 26 }, (_, i): APIEmbedField => ({ name: `Field ${i}`, value: `Value ${i}` }))
    const at = embedMessage({ fields: fields.slice(0, 25) })
    expect(fitMessage(at)).toEqual(at)
    expect(fitMessage(embedMessage({ fields })).embeds[0]?.fields).toEqual(fields.slice(0, 25))
  })

  it('GIVEN 10 embeds THEN all are kept; GIVEN 11 THEN the first 10', () => {
    const embeds = Array.from({ length: 11 }, (_, i): APIEmbed => ({ description: `Embed ${i}` }))
    expect(fitMessage(message({ embeds: embeds.slice(0, 10) })).embeds).toEqual(embeds.slice(0, 10))
    expect(fitMessage(message({ embeds })).embeds).toEqual(embeds.slice(0, 10))
  })

  it('GIVEN one embed totalling exactly 6,000 characters THEN it is unchanged', () => {
    // 4,096 + (1 + 951) + (1 + 951) = 6,000
    const input = embedMessage({ description: sentences(4096), fields: [{ name: 'a', value: sentences(951) }, { name: 'b', value: sentences(951) }] })
    expect(fitMessage(input)).toEqual(input)
  })

  it('GIVEN one embed totalling 6,001 characters THEN trailing fields are dropped first: the total is at most 6,000, the first field and the description stay whole', () => {
    const description = sentences(4096)
    const fields = [{ name: 'a', value: sentences(951) }, { name: 'b', value: sentences(952) }]
    const fitted = fitMessage(embedMessage({ description, fields }))
    expect(limitBreaches(fitted)).toEqual([])
    const embed = fitted.embeds[0] as APIEmbed
    expect(embed.fields).toEqual(fields.slice(0, 1))
    expect(embed.description).toBe(description)
  })

  it('GIVEN title, author, footer and description over 6,000 even without the fields THEN all fields go and the description is cut to a prefix', () => {
    const description = sentences(4096)
    const fields = Array.from({ length: 3 }, (_, i) => ({ name: `F${i}`, value: sentences(1000) }))
    const fitted = fitMessage(embedMessage({ title: sentences(256), author: { name: sentences(256) }, footer: { text: sentences(2048) }, description, fields }))
    expect(limitBreaches(fitted)).toEqual([])
    const embed = fitted.embeds[0] as APIEmbed
    expect(embed.fields).toEqual([])
    expect(isPrefixTrim(embed.description ?? '', description)).toBe(true)
    // What is left of the 6,000 after title, author and footer, nearly all used.
    const room = 6000 - 256 - 256 - 2048
    expect(embed.description?.length).toBeLessThanOrEqual(room)
    expect(embed.description?.length).toBeGreaterThan(room - 60)
  })

  it('GIVEN two embeds totalling exactly 6,000 THEN unchanged; GIVEN 6,001 THEN the total is at most 6,000', () => {
    const at = message({ embeds: [{ description: sentences(4096) }, { description: sentences(1904, 'Other') }] })
    expect(fitMessage(at)).toEqual(at)
    const over = message({ embeds: [{ description: sentences(4096) }, { description: sentences(1905, 'Other') }] })
    const fitted = fitMessage(over)
    expect(limitBreaches(fitted)).toEqual([])
    expect(fitted.embeds[0]?.description).toBe(over.embeds[0]?.description)
    expect(isPrefixTrim(fitted.embeds[1]?.description ?? '', over.embeds[1]?.description ?? '')).toBe(true)
  })

  // BUG: fitMessage only sheds fields and descriptions to meet the 6,000-character total
  // across embeds; titles, authors and footers are never shortened for it, so several embeds
  // with long footers stay over the limit and Discord would reject the whole message (50035).
  // Reproduction: fitMessage({ embeds: [1, 2, 3].map(() => ({ footer: { text: 'x'.repeat(2048) } })), components: [],
  //   mentionUsers: [], ephemeral: false }) → footers still total 6,144. (No current command sends more than one embed.)
  it('GIVEN three embeds whose footers alone total 6,144 characters THEN the message still keeps the 6,000 total', () => {
    const fitted = fitMessage(message({ embeds: [1, 2, 3].map((i) => ({ footer: { text: sentences(2048, `Footer${i}`) } })) }))
    expect(limitBreaches(fitted)).toEqual([])
  })

  it('GIVEN 5 rows of 5 buttons THEN all are kept; GIVEN 6 rows of 6 THEN 5 rows of the first 5', () => {
    const grid = (rows: number, per: number) => Array.from({ length: rows }, (_, r) => row(Array.from({ length: per }, (_, b) => button(`b:${r}:${b}`))))
    const at = message({ components: grid(5, 5) })
    expect(fitMessage(at)).toEqual(at)
    const fitted = fitMessage(message({ components: grid(6, 6) }))
    expect(fitted.components).toEqual(grid(5, 5))
  })

  it('GIVEN a custom_id of 100 characters THEN kept; of 101 THEN cut to its first 100 (no "…": an id is not text)', () => {
    const id = 'q:'.padEnd(101, '0123456789')
    expect((fitMessage(message({ components: [row([button(id.slice(0, 100))])] })).components[0]?.components[0] as { custom_id: string }).custom_id).toBe(id.slice(0, 100))
    expect((fitMessage(message({ components: [row([button(id)])] })).components[0]?.components[0] as { custom_id: string }).custom_id).toBe(id.slice(0, 100))
  })

  it('GIVEN an empty field name or value THEN it becomes a zero-width space (Discord rejects empty ones)', () => {
    const fitted = fitMessage(embedMessage({ fields: [{ name: '', value: '' }] }))
    expect(fitted.embeds[0]?.fields).toEqual([{ name: '\u200b', value: '\u200b' }])
  })

  it('GIVEN a message THEN its other properties (ephemeral, mentions, colour, inline) pass through', () => {
    const input: BotMessage = {
      content: 'c',
      embeds: [{ color: 0x123456, description: 'd', fields: [{ name: 'n', value: 'v', inline: true }] }],
      components: [],
      mentionUsers: ['555555555555555555'],
      ephemeral: true,
    }
    expect(fitMessage(input)).toEqual(input)
  })
})

describe('fitMessage: property loop over random long messages (seeded)', () => {
  const SEED = 20240611
  const random = seededRandom(SEED)
  const int = (max: number) => Math.floor(random() * (max + 1))
  const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éü’“”—'
  const SEPARATORS = [' ', ' ', ' ', ' ', ' ', '. ', '! ', '? ', '.” ', '\n', '\n\n', ', ']

  function text(maxLength: number): string {
    const target = 1 + int(maxLength)
    let out = ''
    while (out.length < target) {
      const length = 1 + int(random() < 0.05 ? 40 : 11)
      for (let i = 0; i < length; i++) out += WORD_CHARS[int(WORD_CHARS.length - 1)]
      out += SEPARATORS[int(SEPARATORS.length - 1)]
    }
    return out.slice(0, target).trim() || 'x'
  }

  function randomMessage(): BotMessage {
    const embeds: APIEmbed[] = Array.from({ length: 1 + int(2) }, (_, index) => {
      const embed: APIEmbed = { description: text(6000), fields: Array.from({ length: int(30) }, () => ({ name: text(400), value: text(1500) })) }
      // Title, author and footer only on the first embed: together they stay under 6,000 (see the it.fails above).
      if (index === 0) Object.assign(embed, { title: text(400), author: { name: text(400) }, footer: { text: text(3000) } })
      return embed
    })
    const components = Array.from({ length: int(7) }, (_, r) => row(Array.from({ length: int(7) }, (_, b) => button(`p:${r}:${b}:${text(140).replace(/\s/g, '')}`, text(120)))))
    return message({ ...(random() < 0.8 ? { content: text(3500) } : {}), embeds, components, mentionUsers: [], ephemeral: random() < 0.5 })
  }

  it(`GIVEN 150 random messages (seed ${SEED}) THEN every limit holds and every text is its input or a prefix of it ending "…"`, () => {
    for (let iteration = 0; iteration < 150; iteration++) {
      const input = randomMessage()
      const snapshot = structuredClone(input)
      const fitted = fitMessage(input)
      const where = `iteration ${iteration}`
      expect(limitBreaches(fitted), where).toEqual([])
      // The input is not modified.
      expect(input, where).toEqual(snapshot)
      if (input.content !== undefined) expect(isPrefixTrim(fitted.content ?? '', input.content), where).toBe(true)
      fitted.embeds.forEach((embed, e) => {
        const original = input.embeds[e] as APIEmbed
        for (const key of ['title', 'description'] as const) {
          if (original[key] !== undefined && embed[key] !== '') expect(isPrefixTrim(embed[key] ?? '', original[key] ?? ''), `${where} embed ${e} ${key}`).toBe(true)
        }
        if (original.author) expect(isPrefixTrim(embed.author?.name ?? '', original.author.name), where).toBe(true)
        if (original.footer) expect(isPrefixTrim(embed.footer?.text ?? '', original.footer.text), where).toBe(true)
        ;(embed.fields ?? []).forEach((field, f) => {
          const source = original.fields?.[f] as APIEmbedField
          expect(isPrefixTrim(field.name, source.name), `${where} field ${f} name`).toBe(true)
          expect(isPrefixTrim(field.value, source.value), `${where} field ${f} value`).toBe(true)
        })
      })
      fitted.components.forEach((fittedRow, r) =>
        fittedRow.components.forEach((fittedButton, b) => {
          const source = input.components[r]?.components[b] as APIButtonComponent & { custom_id: string; label: string }
          const out = fittedButton as APIButtonComponent & { custom_id: string; label: string }
          expect(source.custom_id.startsWith(out.custom_id), where).toBe(true)
          expect(isPrefixTrim(out.label, source.label), where).toBe(true)
        }),
      )
    }
  })
})
