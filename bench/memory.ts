/**
 * Memory per invocation: the live heap after a full GC, before and after `count` webhook
 * deliveries through createAppHandler (bench/memory-child.ts), the shipped app and the template
 * each in a fresh process, every event with a token as on Zapier (so core streams its logs and
 * z.cache calls the RPC endpoint: both served by the vendor process, bench/vendor.ts). The growth per invocation is (end - start) / count; the slope of a
 * least-squares line through the samples taken every `every` invocations is printed beside it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, progress, ROOT, WORK } from './lib';
import { productionEnv } from './worker';

export interface Memory {
  invocations: number;
  start: number;
  end: number;
  perInvocation: number;
  slope: number;
  seconds: number;
  maxRssKiB: number;
}

export function memoryPerInvocation(
  role: 'app' | 'template',
  entry: string,
  vendorBase: string,
  count = 20_000,
  warmUp = 1_000,
  every = 2_000,
): Promise<Memory> {
  const out = path.join(WORK, `memory-${role}.json`);
  const env = productionEnv();
  env.PATH = `${BIN}:${env.PATH ?? ''}`;
  // With a token core streams each invocation's logs to Zapier's log endpoint: here, to the vendor
  // process (which discards them), never to the internet.
  env.LOGGING_ENDPOINT = `${vendorBase}/log`;
  const child = spawn(
    path.join(BIN, 'tsx'),
    [
      path.join(ROOT, 'bench', 'memory-child.ts'),
      role,
      entry,
      String(count),
      String(warmUp),
      String(every),
      `${vendorBase}/rpc`,
      out,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.on('message', (message: { progress?: number }) => {
    if (message.progress && message.progress % (every * 5) === 0)
      progress(`memory (${role}): ${message.progress}/${count} invocations`);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`memory child (${role}) failed (${code}): ${stderr.slice(-2000)}`));
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        invocations: number;
        heap: number[];
        seconds: number;
        maxRssKiB: number;
      };
      const { heap } = result;
      const xs = heap.map((_, i) => i * every);
      const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
      const meanY = heap.reduce((a, b) => a + b, 0) / heap.length;
      const slope =
        xs.reduce((sum, x, i) => sum + (x - meanX) * (heap[i]! - meanY), 0) /
        xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
      resolve({
        invocations: result.invocations,
        start: heap[0]!,
        end: heap.at(-1)!,
        perInvocation: (heap.at(-1)! - heap[0]!) / result.invocations,
        slope,
        seconds: result.seconds,
        maxRssKiB: result.maxRssKiB,
      });
    });
  });
}
