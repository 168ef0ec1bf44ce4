import { describe, expect, it } from 'vitest'
import { isRoleNoun, entityKind } from '../../src/passages/entities.ts'
import { parseSpeakerPhrase } from '../../src/passages/speakerPhrase.ts'

describe('speaker phrases: name, role and affiliation kept apart', () => {
  it.each<[string, { name: string | null; role?: string | null; affiliation?: string | null; kind?: string }]>([
    ['Harbour City coach Miguel Santos', { name: 'Miguel Santos', role: 'coach', affiliation: 'Harbour City', kind: 'person' }],
    ['Khawaja Asif, Pakistan’s Defence Minister', { name: 'Khawaja Asif', role: 'Defence Minister', affiliation: 'Pakistan', kind: 'person' }],
    ['Pakistan’s Defence Minister Khawaja Asif', { name: 'Khawaja Asif', role: 'Defence Minister', affiliation: 'Pakistan', kind: 'person' }],
    ['Priya Raman, chair of the commission', { name: 'Priya Raman', role: 'chair', affiliation: 'the commission', kind: 'person' }],
    ["Corvid's general counsel, Marcus Feld", { name: 'Marcus Feld', role: 'general counsel', affiliation: 'Corvid', kind: 'person' }],
    ['Marta Kowalska, an analyst at Sea-Intelligence', { name: 'Marta Kowalska', role: 'analyst', affiliation: 'Sea-Intelligence', kind: 'person' }],
    ['Chief executive Julian Marsh', { name: 'Julian Marsh', role: 'Chief executive', affiliation: null, kind: 'person' }],
    ['Defence Minister Mawlawi Mohammad Yaqoob Mujahid', { name: 'Mawlawi Mohammad Yaqoob Mujahid', role: 'Defence Minister', affiliation: null, kind: 'person' }],
    ["the federation's head of security", { name: null, role: 'head of security', affiliation: 'the federation', kind: 'source' }],
    ['a federation spokeswoman', { name: null, role: 'federation spokeswoman', affiliation: null, kind: 'source' }],
    ['A Pakistani security source', { name: null, role: 'security source', affiliation: 'Pakistani', kind: 'source' }],
    ["a spokesperson for the Transport Workers' Federation", { name: null, role: 'spokesperson', affiliation: "the Transport Workers' Federation", kind: 'source' }],
    ['Analysts', { name: null, role: 'Analysts', affiliation: null, kind: 'source' }],
    ["the Farmers' Union", { name: "Farmers' Union", role: null, affiliation: null, kind: 'organisation' }],
    ['the Finance Ministry', { name: 'Finance Ministry', role: null, affiliation: null, kind: 'organisation' }],
    ['the company', { name: null, role: 'company', affiliation: null, kind: 'reference' }],
    ['Hallgren Breweries on Monday', { name: 'Hallgren Breweries' }],
    ['rival Kastell Group on Friday', { name: 'Kastell Group', kind: 'organisation' }],
  ])('GIVEN %j THEN it reads as %j', (phrase, expected) => {
    expect(parseSpeakerPhrase(phrase)).toMatchObject(expected)
  })

  it('GIVEN a relative clause after the appositive THEN it is not part of the role', () => {
    expect(parseSpeakerPhrase('Marek Lindqvist, national coordinator of the Fair Retirement Alliance, which organised the rally')).toMatchObject({
      name: 'Marek Lindqvist',
      role: 'national coordinator',
      affiliation: 'the Fair Retirement Alliance',
    })
  })

  it('GIVEN a title as written THEN it keeps the article’s wording for display', () => {
    expect(parseSpeakerPhrase('Pakistan’s Defence Minister Khawaja Asif')?.title).toBe('Pakistan’s Defence Minister')
    expect(parseSpeakerPhrase('Ines Okafor, a political scientist at the University of Port Calden')?.title).toBe('political scientist at the University of Port Calden')
  })

  it.each([[''], ['   '], [','], ['who said nothing'], ['However']])('GIVEN %j THEN no speaker is read from it', (phrase) => {
    expect(parseSpeakerPhrase(phrase)).toBeNull()
  })
})

describe('word classes from compromise', () => {
  it.each([['spokeswoman'], ['analyst'], ['coach'], ['economists'], ['counsel'], ['negotiators']])('GIVEN %j THEN it is a role noun', (word) => {
    expect(isRoleNoun(word)).toBe(true)
  })

  it.each([['company'], ['river'], ['Lindqvist'], ['budget']])('GIVEN %j THEN it is not a role noun', (word) => {
    expect(isRoleNoun(word)).toBe(false)
  })

  it.each<[string, string]>([
    ['Pakistan', 'place'],
    ['Finance Ministry', 'organisation'],
    ['Tuesday', 'other'],
  ])('GIVEN %j THEN compromise classes it as %s', (name, kind) => {
    expect(entityKind(name)).toBe(kind)
  })
})
