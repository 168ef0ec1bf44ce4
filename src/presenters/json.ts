import type { AskResult, QuoteResult, SummaryResult } from '../engine/types.ts'
import { describeSpeaker, passageLocation } from './citation.ts'

/** The CLI's JSON shapes: stable, documented in the README, and free of engine internals. */

export function askToJson(result: AskResult) {
  return {
    question: result.question,
    answered: result.answered,
    ...(result.answered
      ? { answer: { text: result.answer.text, passageId: result.answer.passageId } }
      : { reason: result.reason, missing: result.missing, topics: result.topics }),
    passages: result.passages.map(({ passage, score }) => ({
      id: passage.id,
      article: passage.articleSlug,
      /** The heading above the passage; null before the first heading. */
      section: passage.section,
      paragraph: passage.paragraph,
      /** Where it stands, exactly as the text output and Discord show it ("Title · Opening · ¶1"). */
      location: passageLocation(passage),
      text: passage.text,
      speakers: passage.attributions.map(describeSpeaker),
      score: Math.round(score * 1000) / 1000,
    })),
  }
}

export function quoteToJson(result: QuoteResult) {
  return {
    query: result.query,
    quotes: result.quotes.map(({ text, attribution, passage }) => ({
      text,
      speaker: attribution?.speaker.name ?? null,
      role: attribution?.speaker.role ?? null,
      affiliation: attribution?.speaker.affiliation ?? null,
      via: attribution?.via ?? null,
      passageId: passage.id,
    })),
    ...(result.quotes.length === 0 ? { speakers: result.speakers.map((speaker) => speaker.name) } : {}),
  }
}

export function summaryToJson(result: SummaryResult) {
  return { article: result.article.slug, title: result.article.title, length: result.length, sentences: result.sentences.map(({ text, passageId, introduces }) => ({ text, passageId, introduces })) }
}
