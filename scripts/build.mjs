// `npm run build` (and the end of `npm install`): tsc → dist/, stamped with the
// sources it was built from so that `npm start` runs it only while it is current.
// With --postinstall a failed build never fails the install: `npm start` then
// runs the TypeScript through tsx, as it would with no dist/ at all.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCompiled } from './compiledBuild.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const postinstall = process.argv.includes('--postinstall')
const started = performance.now()
try {
  buildCompiled(root, () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: postinstall ? 'pipe' : 'inherit', encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`tsc failed${postinstall ? `: ${(result.stdout || result.stderr || '').trim().split('\n')[0]}` : ''}`)
  })
  process.stdout.write(`compiled to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s (npm start runs it while the sources are unchanged)\n`)
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  if (!postinstall) {
    process.stderr.write(`build failed: ${message}\n`)
    process.exit(1)
  }
  process.stdout.write(`not compiled now (${message}); npm start runs the TypeScript through tsx instead\n`)
}
