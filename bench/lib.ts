/** Small shared pieces of the benchmark: paths, process helpers, progress and statistics. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const BIN = path.join(ROOT, 'node_modules', '.bin');
/** Node 22, which the project brings (Zapier runs apps on Node 22). */
export const NODE22 = path.join(BIN, 'node');
export const WORK = path.join(ROOT, '.bench');

const CHILD_ENV = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${BIN}:${process.env.PATH ?? ''}`,
  DISABLE_ZAPIER_ANALYTICS: '1',
  // zapier-platform-core prints a memory line to stdout on every invocation unless testing.
  NODE_ENV: 'test',
  ...env,
});

export function run(command: string, args: string[], cwd = ROOT, env: Record<string, string> = {}): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: CHILD_ENV(env),
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs a Node 22 script (source text, CommonJS) in a fresh process and returns what it printed as JSON. */
export function nodeJson<T>(
  script: string,
  args: string[] = [],
  options: { flags?: string[]; env?: Record<string, string> } = {},
): T {
  const result = spawnSync(NODE22, [...(options.flags ?? []), '-e', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: CHILD_ENV(options.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`node child failed (${result.status ?? result.signal}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The same, without blocking this process's event loop (so a server in this process can answer the child). */
export function nodeJsonAsync<T>(
  script: string,
  args: string[] = [],
  options: { env?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, ['-e', script, ...args], {
      cwd: ROOT,
      env: CHILD_ENV(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`node child failed (${code}): ${stderr}`));
      else {
        try {
          resolve(JSON.parse(stdout) as T);
        } catch {
          reject(new Error(`node child printed no JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
        }
      }
    });
  });
}

/** Runs a TypeScript file of bench/ with tsx (on Node 22) in a fresh process; returns its JSON output. */
export function tsxJson<T>(file: string, args: string[] = [], flags: string[] = []): T {
  const out = run(path.join(BIN, 'tsx'), [...flags, path.join(ROOT, 'bench', file), ...args]);
  return JSON.parse(out) as T;
}

const benchStarted = Date.now();
/** One line per step on stderr, with the time since the bench started, so a run of minutes shows where it is. */
export function progress(message: string): void {
  const seconds = ((Date.now() - benchStarted) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds} s] ${message}\n`);
}

export const median = (values: number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const fmt = (n: number, digits = 2): string => n.toFixed(digits);
export const MiB = 2 ** 20;

export interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

/** The q-quantile (0..1) of the values, by linear interpolation between order statistics. */
export const quantile = (values: number[], q: number): number => {
  if (values.length === 0) throw new Error('quantile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
};

/**
 * A and B measured in pairs (A/B taken pair by pair, so the machine's drift during the run hits
 * both sides of a pair alike): the median pair ratio (the verdict), its quartiles, and a 95 %
 * confidence interval of that median from the order statistics (distribution-free: the ranks
 * n/2 -/+ 0.98 sqrt(n)), which says whether noise could have decided the verdict.
 */
export interface Paired {
  pairs: number;
  a: number;
  b: number;
  ratio: number;
  q1: number;
  q3: number;
  low: number;
  high: number;
}

export function paired(a: number[], b: number[]): Paired {
  const ratios = a.map((value, i) => value / b[i]!).sort((x, y) => x - y);
  const n = ratios.length;
  const half = 0.98 * Math.sqrt(n);
  const low = ratios[Math.max(0, Math.floor(n / 2 - half))]!;
  const high = ratios[Math.min(n - 1, Math.ceil(n / 2 + half))]!;
  return {
    pairs: n,
    a: median(a),
    b: median(b),
    ratio: median(ratios),
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    low,
    high,
  };
}
