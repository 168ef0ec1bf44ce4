/**
 * The one gate every reply passes (`fitMessage`): exactly at Discord's limits nothing changes,
 * one character past them the text is cut at a sentence boundary and marked with "…".
 * (The e2e files check that every body the bot really sent stays within these limits.)
 */
import { describe, expect, it } from 'vitest'
import type { APIEmbed } from 'discord.js'
import { fitMessage } from '../../src/presenters/discord/fitMessage.ts'
import type { BotMessage } from '../../src/presenters/discord/botMessage.ts'
import { limitBreaches } from './helpers.ts'

/** Numbered sentences ("Sentence 1 ends here. Sentence 2 ...") padded to exactly `length` characters. */
function sentences(length: number): string {
  let text = ''
  for (let i = 1; text.length < length; i++) text += `Sentence ${i} of the article ends here. `
  text = text.slice(0, length)
  // Never end on a space (trimmed away) or in a way that happens to be a sentence end.
  return text.replace(/\s$/, 'x')
}

function message(init: Partial<BotMessage>): BotMessage {
  return { embeds: [], components: [], mentionUsers: [], ephemeral: false, ...init }
}

/** `cut` is `original` shortened at a sentence end: a prefix ending with "." then " …". */
function expectSentenceCut(cut: string, original: string, max: number): void {
  expect(cut.length).toBeLessThanOrEqual(max)
  expect(cut.endsWith('…')).toBe(true)
  const kept = cut.replace(/\s*…$/, '')
  expect(original.startsWith(kept)).toBe(true)
  expect(kept).toMatch(/\.$/)
  // Cut at the last sentence that fits, not far earlier.
  expect(kept.length).toBeGreaterThan(max - 60)
}

describe('fitMessage at and past Discord’s limits', () => {
  it('content: 2,000 characters unchanged, 2,001 cut at a sentence boundary', () => {
    const atLimit = sentences(2000)
    expect(fitMessage(message({ content: atLimit })).content).toBe(atLimit)
    const over = sentences(2001)
    expectSentenceCut(fitMessage(message({ content: over })).content as string, over, 2000)
  })

  it('embed description: 4,096 characters unchanged, 4,097 cut at a sentence boundary', () => {
    const atLimit = sentences(4096)
    expect(fitMessage(message({ embeds: [{ description: atLimit }] })).embeds[0]?.description).toBe(atLimit)
    const over = sentences(4097)
    expectSentenceCut(fitMessage(message({ embeds: [{ description: over }] })).embeds[0]?.description as string, over, 4096)
  })

  it('fields: at most 25, values at most 1,024, and the 6,000 total across the embed', () => {
    const embed: APIEmbed = {
      title: 'A title',
      description: sentences(4096),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: sentences(1500) })),
      footer: { text: 'footer' },
    }
    const fitted = fitMessage(message({ embeds: [embed] }))
    expect(limitBreaches({ embeds: fitted.embeds })).toEqual([])
    for (const field of fitted.embeds[0]?.fields ?? []) {
      expect(field.value.length).toBeLessThanOrEqual(1024)
      expectSentenceCut(field.value, sentences(1500), 1024)
    }
    expect(fitted.embeds[0]?.description?.length).toBeGreaterThan(0)
  })

  it('a 1,024-character field value and 25 fields are kept as they are when the total fits', () => {
    const value = sentences(1024)
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `F${i}`, value: i === 0 ? value : 'x' }))
    const fitted = fitMessage(message({ embeds: [{ fields }] }))
    expect(fitted.embeds[0]?.fields).toEqual(fields)
  })
})
