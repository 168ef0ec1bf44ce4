import { MORE_PAGE_SIZE, passageContext, wholeQuotation } from '../src/engine/followUps.ts'
import type { Engine } from '../src/engine/engine.ts'
import type { ButtonHandler, ButtonInput, ButtonResult } from '../src/interactions/types.ts'
import { FOLLOW_UP_PREFIX, followUpId, followUpOf, type FollowUp } from '../src/presenters/discord/followUpButtons.ts'
import { contextMessage, moreMessage, questionOfFollowUp, wholeQuoteMessage } from '../src/presenters/discord/followUpMessages.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { sourcesOf } from '../src/presenters/sources.ts'
import { ARTICLE_OPTION, articlesIn, pickArticle, scopeOf } from './articleOption.ts'

const STALE = 'This answer is out of date (its article changed or is gone). Ask again with `/ask`.'

function reply(text: string): ButtonResult {
  return { kind: 'reply', message: notice(text) }
}

/**
 * More: a page of the further passages for the question the message states.
 * Pressed on the answer, it answers with a new ephemeral message (the answer
 * everyone sees stays as it is); pressed on that message, it turns its page.
 */
function more(input: ButtonInput, engine: Engine, followUp: Extract<FollowUp, { kind: 'more' }>): ButtonResult {
  const asked = questionOfFollowUp(input.messageEmbedAuthor)
  // The scope is worked out again on every press: this server's articles, or the one the answer was limited to.
  const pick = pickArticle({ ...input, options: followUp.article ? { [ARTICLE_OPTION]: followUp.article } : {} }, engine, false)
  if (!asked || pick.kind === 'refused') return reply(STALE)
  const articles = pick.kind === 'one' ? [pick.article] : pick.articles
  const scope = scopeOf(articles)
  let result = engine.more(asked.question, scope, { offset: followUp.page * MORE_PAGE_SIZE })
  if (!result.answered) return reply(STALE)
  if (result.total === 0) return reply('Nothing else in the article bears on this question: the answer shows every passage that does.')
  // A page past the end (the articles changed since) shows the last one.
  const pages = Math.ceil(result.total / MORE_PAGE_SIZE)
  const page = Math.min(followUp.page, pages - 1)
  if (page !== followUp.page) result = engine.more(asked.question, scope, { offset: page * MORE_PAGE_SIZE })
  const article = followUp.article
  // A More id is at most 92 characters (a slug is at most 80): it always fits.
  const pageId = (target: number) => followUpId({ kind: 'more', page: target, article }) as string
  const message = moreMessage(result, page, sourcesOf(articles), pageId)
  return asked.on === 'more' ? { kind: 'update', message } : { kind: 'reply', message }
}

/** The passage a follow-up names, if this server may see its article. */
function visiblePassage(input: ButtonInput, engine: Engine, passageId: string) {
  const passage = engine.passage(passageId)
  const articles = articlesIn(engine, input)
  return passage && articles.some((article) => article.slug === passage.articleSlug) ? { passage, sources: sourcesOf(articles) } : null
}

/** The buttons under an /ask answer: More, Context and Whole quote. Every reply is ephemeral. */
export const askFollowUpButtons: ButtonHandler = {
  prefix: FOLLOW_UP_PREFIX,
  handle(input, { engine }) {
    const followUp = followUpOf(input.customId)
    if (!followUp) return reply('This button no longer works. Ask again with `/ask`.')
    if (followUp.kind === 'more') return more(input, engine, followUp)
    const found = visiblePassage(input, engine, followUp.passageId)
    if (!found) return reply(STALE)
    if (followUp.kind === 'context') {
      const context = passageContext(engine.passage, followUp.passageId)
      return context ? { kind: 'reply', message: contextMessage(context, found.sources) } : reply(STALE)
    }
    const whole = wholeQuotation(engine.passage, followUp.passageId, followUp.quotation)
    return whole ? { kind: 'reply', message: wholeQuoteMessage(whole, found.sources) } : reply(STALE)
  },
}
