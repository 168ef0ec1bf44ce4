import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../src/corpus/parseArticle.ts'
import { createEngine } from '../../src/engine/engine.ts'
import { evalSetSchema, evaluate } from '../../src/evaluation/evalSet.ts'
import { loadMainArticles } from '../engine/support.ts'

/**
 * Regression guard over the attribution check articles written for issue 7
 * (tests/fixtures/heldout-attribution*). Each was scored once as a held-out
 * check before any fix it prompted (figures in the commit history); from then
 * on it is a regression test, no longer held out. Each is loaded beside the seed article.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const folders = readdirSync(FIXTURES).filter((name) => name.startsWith('heldout-attribution'))

describe.each(folders)('attribution check %s', (folder) => {
  const files = readdirSync(`${FIXTURES}${folder}`)
  const article = files.find((file) => file.endsWith('.md')) as string
  const set = evalSetSchema.parse(JSON.parse(readFileSync(`${FIXTURES}${folder}/${files.find((file) => file.endsWith('.json'))}`, 'utf8')))
  const engine = createEngine([...loadMainArticles(), parseArticle(readFileSync(`${FIXTURES}${folder}/${article}`, 'utf8'), article.replace(/\.md$/, ''))])
  const report = evaluate(engine, set)

  it('GIVEN its attribution list THEN every quotation names the right speaker and outlet', () => {
    expect(report.misses.filter((miss) => miss.kind === 'attribution')).toEqual([])
    expect(report.attribution.passed).toBe(set.attribution.length)
  })

  it('GIVEN its quote look-ups THEN each finds what it should, and nothing for people never quoted', () => {
    expect(report.misses.filter((miss) => miss.kind === 'quote')).toEqual([])
  })
})
