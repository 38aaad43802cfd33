/**
 * Batching: how many requests Add Tracking Number (rlab_add_track) makes for N tracks, run through
 * createAppTester against the local sandbox (which counts the requests R-Lab received).
 */
import path from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import type { Sandbox } from '../sandbox';
import { ROOT } from './lib';

type Perform = (z: unknown, bundle: unknown) => unknown;
type Definition = Record<string, unknown> & { creates?: Record<string, { operation: { perform: Perform } }> };

/** The built app (lib/ via index.js). Loaded after the sandbox's addresses are set. */
export function loadApp(): Definition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ROOT, 'index.js')) as Definition;
}

const tracks = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

export async function batching(
  app: Definition,
  sandbox: Sandbox,
  sizes: number[],
): Promise<Array<{ tracks: number; requests: number }>> {
  const perform = app.creates?.rlab_add_track?.operation.perform;
  if (!perform) throw new Error('the app has no create rlab_add_track (Add Tracking Number)');
  const appTester = createAppTester(app as never);
  const results = [];
  for (const [index, size] of sizes.entries()) {
    sandbox.clearRequests();
    await appTester(perform as never, {
      authData: { ...sandbox.accounts },
      inputData: { track: tracks(size, `9${index}`), phone: ['+7 916 000-00-02'] },
    });
    results.push({ tracks: size, requests: sandbox.rlab.requestsTo('/addtrack.ashx').length });
  }
  return results;
}
