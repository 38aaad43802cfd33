/** Small shared pieces of the benchmark: paths, process helpers and statistics. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const BIN = path.join(ROOT, 'node_modules', '.bin');
/** Node 22, which the project brings (Zapier runs apps on Node 22). */
export const NODE22 = path.join(BIN, 'node');
export const WORK = path.join(ROOT, '.bench');

export function run(command: string, args: string[], cwd = ROOT, env: Record<string, string> = {}): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, DISABLE_ZAPIER_ANALYTICS: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs a Node 22 script in a fresh process and returns what it printed as JSON. */
export function nodeJson<T>(script: string, args: string[] = [], cwd = ROOT): T {
  const result = spawnSync(NODE22, ['-e', script, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`node failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}
