/**
 * Question normalisation: what people type in Discord, made into what the
 * engine reads. See questionNormaliser.ts for the pipeline.
 */
export { createQuestionNormaliser, type NormalisedQuestion, type QuestionNormaliser, type QuestionNormaliserOptions } from './questionNormaliser.ts'
export { foldSpelling } from './spellingVariants.ts'
export { loadEnglishDictionary, loadEnglishWords, dictionaryCacheFile, DEFAULT_DICTIONARY_CACHE_DIR, type DictionaryCacheOptions } from './dictionaryCache.ts'
export { hunspellDictionary, wordListDictionary, type SpellChecker } from './englishDictionary.ts'
export { CorpusVocabulary } from './corpusVocabulary.ts'
export type { Correction } from './spellingCorrection.ts'
export { MAX_QUESTION_LENGTH } from './discordMarkup.ts'
