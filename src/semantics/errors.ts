/**
 * Errors a caller can show as they are: one line each, naming the fix.
 * Every one is a WordVectorsError, so a caller can catch the family.
 */
export class WordVectorsError extends Error {
  override name = 'WordVectorsError'
}

/** The package the vectors are built from is not installed. */
export class VectorSourceMissingError extends WordVectorsError {
  override name = 'VectorSourceMissingError'
}

/** The package is there but its file is not the expected embeddings JSON. */
export class VectorSourceFormatError extends WordVectorsError {
  override name = 'VectorSourceFormatError'
  constructor(detail: string) {
    super(`the word-vector source is not a wink embeddings file: ${detail}`)
  }
}

/** A cache file that cannot be read (truncated, corrupt, another format). */
export class VectorCacheError extends WordVectorsError {
  override name = 'VectorCacheError'
}
