/**
 * A real PostgreSQL server for the storage tests: a fresh cluster in a temp
 * folder (initdb + pg_ctl from Debian's `postgresql` package) on a free
 * 127.0.0.1 port, trust authentication, removed afterwards. PostgreSQL
 * refuses to run as root, so under root (CI) the cluster belongs to the
 * `postgres` user (or `nobody`) and its tools run through `runuser`.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type ThrowawayPostgres = { url: (database?: string) => string; stop: () => void } | { skipped: string }

function findBin(name: string): string | null {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : []
  for (const version of versions) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`
    if (existsSync(candidate)) return candidate
  }
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

function uidOf(user: string): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })) }
  } catch {
    return null
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const initdb = findBin('initdb')
  const pgCtl = findBin('pg_ctl')
  if (!initdb || !pgCtl) return { skipped: 'no PostgreSQL server binaries (initdb, pg_ctl): install Debian’s postgresql package' }
  const root = mkdtempSync(join(tmpdir(), 'bot-pg-'))
  const data = join(root, 'data')
  let run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'pipe', timeout: 60_000 })
  if (process.getuid?.() === 0) {
    const user = uidOf('postgres') ? 'postgres' : uidOf('nobody') ? 'nobody' : null
    if (!user) return { skipped: 'running as root with neither a postgres nor a nobody user to own the cluster' }
    const owner = uidOf(user) as { uid: number; gid: number }
    chmodSync(root, 0o700)
    chownSync(root, owner.uid, owner.gid)
    run = (command, args) => execFileSync('runuser', ['-u', user, '--', command, ...args], { stdio: 'pipe', timeout: 60_000, cwd: root })
  }
  const port = await freePort()
  try {
    run(initdb, ['-D', data, '-U', 'test', '--auth=trust', '--no-sync', '--encoding=UTF8', '--no-instructions'])
    const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`
    run(pgCtl, ['-D', data, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start'])
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop()
    return { skipped: `could not start a PostgreSQL server: ${stderr || (error as Error).message}` }
  }
  return {
    url: (database = 'postgres') => `postgres://test@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  }
}
