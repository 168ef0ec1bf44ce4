import { fileURLToPath } from 'node:url'

/** The project folder, wherever the process was started from. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Articles shipped with the project. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url))
