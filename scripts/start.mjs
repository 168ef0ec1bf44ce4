// `npm start` (and `npm run start:http`): `node scripts/start.mjs <entry.ts> [args]`.
// Runs dist/'s compiled copy of the entry point when it was built from the
// sources as they are now (`npm install` builds it; so does `npm run build`),
// otherwise the TypeScript through tsx, exactly as before. Edit a file and the
// next start runs your edit.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runEntryPoint } from './compiledBuild.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const [target = 'src/main.ts', ...args] = process.argv.slice(2)
await runEntryPoint(root, target, async () => (await import('tsx/esm/api')).register(), args)
