import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.ts'
import { speakerLabel, speakerWithOutlets } from '../../src/presenters/citation.ts'
import { quoteMessage } from '../../src/presenters/discord/quoteMessage.ts'
import { speakersText } from '../../src/presenters/text.ts'
import { loadMainArticles, loadWireArticles, mainEngine } from '../engine/support.ts'

describe('speaker lines', () => {
  it('GIVEN a person THEN the line is name, role as the article words it, then the outlets', () => {
    const asif = mainEngine().speakers().find((speaker) => speaker.name === 'Khawaja Asif')
    expect(asif && speakerWithOutlets(asif)).toMatch(/^Khawaja Asif, Pakistan[’']s Defence Minister \(via Dawn\)$/)
  })

  it('GIVEN a role-only source THEN the line is the source as written, without repeating its role', () => {
    expect(speakerLabel({ name: 'A spokesperson for the commission', role: 'spokesperson', affiliation: 'the commission', title: 'spokesperson for the commission', kind: 'source' })).toBe('A spokesperson for the commission')
  })

  it('GIVEN a role and affiliation but no wording for them THEN both are shown', () => {
    expect(speakerLabel({ name: 'Tomas Brenner', role: 'leader', affiliation: 'Social Union', title: null, kind: 'person' })).toBe('Tomas Brenner, leader, Social Union')
  })

  it('GIVEN two articles THEN /speakers lists each article’s speakers under it, each once', () => {
    const engine = createEngine([...loadMainArticles(), ...loadWireArticles()])
    const text = speakersText(engine.speakers())
    const blocks = text.split('\n\n')
    expect(blocks).toHaveLength(2)
    expect(blocks[0]?.split('\n')[0]).toBe('istanbul-talks:')
    expect(blocks[1]?.split('\n')[0]).toBe('valdoria-budget:')
    const lines = text.split('\n').filter((line) => line.startsWith('• '))
    expect(new Set(lines).size).toBe(lines.length)
  })

  it('GIVEN no match on Discord THEN "Quoted in the article" lists speakers with their outlets', () => {
    const message = quoteMessage(mainEngine().quote('zzz'), 0, { ephemeral: true }, (page) => `quote:${page}`)
    const description = message.embeds[0]?.description ?? ''
    expect(description).toContain('**Quoted in the article:**')
    expect(description).toMatch(/Attaullah Tarar, Pakistan[’']s Information Minister \(via AFP\)/)
  })
})
