import { describe, expect, it } from 'vitest'
import { expandContraction, expandContractions } from '../../src/normalise/contractions.ts'

describe('expandContractions', () => {
  it.each([
    ['whos the info minister', 'who is the info minister'],
    ["who's the info minister", 'who is the info minister'],
    ["what's the TTP", 'what is the TTP'],
    ['whats the TTP', 'what is the TTP'],
    ['wheres the border, hows it going, whens it open, whys it shut', 'where is the border, how is it going, when is it open, why is it shut'],
    ['thats why theres no deal', 'that is why there is no deal'],
    ['didnt', 'did not'],
    ["didn't", 'did not'],
    ['they doesnt dont isnt arent wasnt werent', 'they does not do not is not are not was not were not'],
    ['cant wont wouldnt couldnt shouldnt', 'cannot will not would not could not should not'],
    ["can't won't", 'cannot will not'],
    ['hasnt havent hadnt', 'has not have not had not'],
    ['im sure ive seen it, youre right, theyre wrong', 'I am sure I have seen it, you are right, they are wrong'],
    ["they'll we're you've he'd", 'they will we are you have he would'],
    ["what'd he say", 'what did he say'],
    ['when hed sign', 'when he would sign'],
    ["let's see", 'let us see'],
    ['Whos there?', 'Who is there?'],
    ['WHOS THERE', 'WHO IS THERE'],
    ["Didn't", 'Did not'],
  ])('%s', (input, expected) => {
    expect(expandContractions(input)).toBe(expected)
  })

  it.each(['its', 'lets', 'were', 'well', 'ill', 'id', 'shed', 'hell', 'wed', 'pakistans', "pakistan's", "asif's", 'its own'])(
    'leaves %s alone',
    (word) => {
      expect(expandContractions(word)).toBe(word)
    },
  )

  it('returns undefined for a word that is no contraction', () => {
    expect(expandContraction('minister')).toBeUndefined()
  })
})
