import type { Article } from '../../src/corpus/article.ts'
import { pick, seededRandom } from './stats.ts'

/**
 * A deterministic corpus of wire-style articles for scale benchmarks: the
 * real article's vocabulary mixed with invented names and words, sections,
 * quotations with speaker tags, and outlets, about 25 paragraphs each.
 */
export function syntheticCorpus(articleCount: number, sourceText: string, seed = 42): Article[] {
  const random = seededRandom(seed)
  const realWords = sourceText.toLowerCase().match(/[a-z]{3,}/g) ?? ['talks']
  const invented = Array.from({ length: 20000 }, (_, index) => `w${index.toString(36)}${'aeiou'[index % 5]}n`)
  const names = Array.from({ length: 400 }, (_, index) => `${cap(pick(random, invented))} ${cap(pick(random, invented))}${index}`)
  const roles = ['Foreign Minister', 'Defence Minister', 'Interior Minister', 'President', 'Army Chief', 'Spokesperson']
  const outlets = ['Reuters', 'AFP', 'Dawn', 'Tolo News', 'the BBC', 'Al Jazeera']
  // Zipf-like: common words far more often than rare ones.
  const word = () => (random() < 0.6 ? pick(random, realWords) : (invented[Math.floor(invented.length * random() ** 3)] as string))
  const sentence = (length: number) => {
    const words = Array.from({ length }, word)
    return `${cap(words.join(' '))}.`
  }
  const articles: Article[] = []
  for (let articleIndex = 0; articleIndex < articleCount; articleIndex++) {
    const speaker = pick(random, names)
    const role = pick(random, roles)
    const outlet = pick(random, outlets)
    const surname = speaker.split(' ').at(-1) as string
    const paragraphs: Article['paragraphs'] = []
    let section: string | null = null
    for (let paragraphIndex = 0; paragraphIndex < 25; paragraphIndex++) {
      if (paragraphIndex > 0 && paragraphIndex % 6 === 0) section = cap(`${word()} ${word()} ${word()}`)
      let text: string
      if (paragraphIndex === 1) text = `${role} ${speaker} said the ${word()} ${word()} would ${word()}. ${sentence(14)}`
      else if (paragraphIndex % 5 === 3) text = `“${sentence(18).slice(0, -1)},” ${surname} said, as quoted by ${outlet}.`
      else text = Array.from({ length: 2 + Math.floor(random() * 2) }, () => sentence(14 + Math.floor(random() * 10))).join(' ')
      paragraphs.push({ section, text })
    }
    articles.push({ slug: `synthetic-${articleIndex}`, title: cap(`${word()} ${word()} ${word()} ${word()}`), paragraphs })
  }
  return articles
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
