/**
 * Question normalisation: what people type in Discord, made into what the
 * engine reads. See questionNormaliser.ts for the pipeline.
 *
 * Wiring, once at start (loadEngine is the place: it is the I/O layer):
 *
 *   const dictionary = loadEnglishDictionary()   // cache warm: ~10 ms; first start builds it (~100-300 ms)
 *   const normalise = createQuestionNormaliser({
 *     vocabulary: wordCounts,      // Map word → count from the index (fastest), or passage texts
 *     dictionary,
 *     wordRank: (word) => vectors.rankOf(word),   // optional: frequency rank, e.g. the vector cache's row
 *   })
 *   const { original, text, corrections } = normalise(raw)   // engine.ask(text); show `original`
 *
 * and `foldSpelling(word)` in the term pipeline (src/search/terms.ts), on the
 * index and question sides alike, in place of its own americanise().
 */
export { createQuestionNormaliser, type NormalisedQuestion, type QuestionNormaliser, type QuestionNormaliserOptions } from './questionNormaliser.ts'
export { foldSpelling } from './spellingVariants.ts'
export { loadEnglishDictionary, loadEnglishWords, dictionaryCacheFile, DEFAULT_DICTIONARY_CACHE_DIR, type DictionaryCacheOptions } from './dictionaryCache.ts'
export { hunspellDictionary, wordListDictionary, type SpellChecker } from './englishDictionary.ts'
export { CorpusVocabulary } from './corpusVocabulary.ts'
export type { Correction } from './spellingCorrection.ts'
export { MAX_QUESTION_LENGTH } from './discordMarkup.ts'
