import type { Attribution, Passage } from '../passages/types.ts'

/**
 * "Khawaja Asif, Pakistan’s Defence Minister": the name with the role and
 * affiliation as the article words them; the name alone when the role is unknown,
 * and a role-only source as written ("A spokesperson for the commission").
 */
export function speakerLabel(speaker: { name: string; role: string | null; title?: string | null; affiliation?: string | null; kind?: string }): string {
  if (speaker.kind === 'source') return speaker.name
  const described = speaker.title ?? (speaker.role && speaker.affiliation ? `${speaker.role}, ${speaker.affiliation}` : speaker.role)
  return described ? `${speaker.name}, ${described}` : speaker.name
}

/** "Khawaja Asif, Pakistan’s Defence Minister (via Dawn, AFP)": one speaker of a /speakers list. */
export function speakerWithOutlets(speaker: { name: string; role: string | null; title?: string | null; affiliation?: string | null; kind?: string; outlets: string[] }): string {
  return `${speakerLabel(speaker)}${speaker.outlets.length > 0 ? ` (via ${speaker.outlets.join(', ')})` : ''}`
}

/** "Khawaja Asif, Pakistan’s Defence Minister, as quoted by Dawn" */
export function describeSpeaker(attribution: Attribution): string {
  const { speaker, via } = attribution
  const who = speakerLabel(speaker)
  if (!via) return who
  return speaker.isPerson ? `${who}, as quoted by ${via}` : `${who}, via ${via}`
}

/** "¶7" or "¶7 (part 2)" */
export function paragraphLabel(passage: Passage): string {
  return passage.part > 1 ? `¶${passage.paragraph} (part ${passage.part})` : `¶${passage.paragraph}`
}

/** "Article title · Section · ¶7": where a passage stands. The lead has no section. */
export function passageLocation(passage: Passage): string {
  return [passage.articleTitle, passage.section ?? 'Opening', paragraphLabel(passage)].join(' · ')
}

/** Who speaks in a passage, for its attribution line; empty when it is narration. */
export function passageSpeakers(passage: Passage): string {
  return passage.attributions.map(describeSpeaker).join('; ')
}

/** What a source line says of an article: "Title · Outlet · 2025-06-03" (outlet and date where known). */
export function articleCitation(article: { title: string; outlet: string | null; published: string | null }): string {
  return [article.title, article.outlet, article.published].filter(Boolean).join(' · ')
}

/** "Oskar Venn told the Dunmere Gazette", or "said to Radio Brisk" when the question names no teller. */
export function toldBy([teller, outlet]: string[]): string {
  return teller ? `${teller} told ${outlet ?? 'them'}` : `said to ${outlet ?? 'them'}`
}
