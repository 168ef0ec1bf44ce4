import { performance } from 'node:perf_hooks'

export interface Stats {
  runs: number
  medianMs: number
  p99Ms: number
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

export function summarise(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  return { runs: sorted.length, medianMs: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) }
}

/**
 * Times each call separately, after a warm-up (so the JIT has compiled the
 * code: the first `warmup` inputs, or other inputs given) and a full garbage collection when node runs with --expose-gc (so
 * earlier work's garbage is not collected inside this measurement).
 */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, warmup: number | readonly T[] = 200): Stats {
  // Other inputs than those timed warm the JIT without warming any memo for the timed ones.
  const warmInputs = typeof warmup === 'number' ? inputs.slice(0, warmup) : warmup
  for (const input of warmInputs) run(input)
  globalThis.gc?.()
  const samples: number[] = []
  for (const input of inputs) {
    const started = performance.now()
    run(input)
    samples.push(performance.now() - started)
  }
  return summarise(samples)
}

export { pick, seededRandom } from '../support/random.ts'

const fmt = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1))

export function row(label: string, stats: Stats, extra = ''): string {
  return `${label.padEnd(44)} median ${fmt(stats.medianMs).padStart(8)} ms   p99 ${fmt(stats.p99Ms).padStart(8)} ms   (n=${stats.runs})${extra ? `   ${extra}` : ''}`
}
