/**
 * Per-operation overhead: each create and search run through createAppTester against the local
 * sandbox, against a bare `fetch` that replays the very request the app sent (as the emulator
 * recorded it) to the same emulator. Median of many alternating calls.
 * Also: requests made for N tracks (batching) and peak memory while adding 1000 tracks.
 */
import { createAppTester } from 'zapier-platform-core';
import App from '../src/index';
import type { Sandbox } from '../sandbox';
import type { Emulator, ReceivedRequest } from '../sandbox/emulators/server';
import { median } from './lib';

type AppTester = ReturnType<typeof createAppTester>;

interface Operation {
  name: string;
  kind: 'creates' | 'searches';
  key: string;
  inputData: Record<string, unknown>;
  emulator: (sandbox: Sandbox) => Emulator;
  /** Another operation to run, untimed, before each call (a deleted track must exist again). */
  before?: string;
}

export const OPERATIONS: Operation[] = [
  { name: 'Update Order Status', kind: 'creates', key: 'justclick_update_order_status', inputData: { bill_id: '100001', status: 'cancel' }, emulator: (s) => s.justclick },
  { name: 'Add Tracking Number', kind: 'creates', key: 'rlab_add_track', inputData: { track: ['80012345678901'], phone: ['+7 916 000-00-01'], order_number: ['A-1'] }, emulator: (s) => s.rlab },
  { name: 'Update Tracking Number', kind: 'creates', key: 'rlab_update_track', inputData: { track: ['80012345678901'], name: ['Анна'] }, emulator: (s) => s.rlab },
  { name: 'Delete Tracking Number', kind: 'creates', key: 'rlab_delete_track', inputData: { track: ['80012345678901'] }, emulator: (s) => s.rlab, before: 'rlab_add_track' },
  { name: 'Find Track Status', kind: 'searches', key: 'rlab_track_info', inputData: { track: '80085275412345' }, emulator: (s) => s.rlab },
  { name: 'Find Buyer in Blacklist', kind: 'searches', key: 'blacklist_check', inputData: { phone: '79160000013' }, emulator: (s) => s.deliverycrm },
  { name: 'Find Notification History', kind: 'searches', key: 'notification_history', inputData: { track: '80085275412345' }, emulator: (s) => s.deliverycrm },
];

type Perform = Parameters<AppTester>[0] & ((...args: never[]) => unknown);

function performOf(kind: Operation['kind'], key: string): Perform {
  const operations = App[kind] as unknown as Record<string, { operation: { perform: Perform } } | undefined>;
  const perform = operations[key]?.operation.perform;
  if (!perform) throw new Error(`the app has no ${kind} ${key}`);
  return perform;
}

const runOperation = (appTester: AppTester, operation: Operation, authData: Record<string, string>) =>
  appTester(performOf(operation.kind, operation.key), { authData, inputData: operation.inputData });

/** Replays a recorded request with fetch: the same method, path, query, headers and body. */
function replay(baseUrl: string, request: ReceivedRequest): () => Promise<void> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
  ) as Record<string, string>;
  const url = `${baseUrl}${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
  return async () => {
    const response = await fetch(url, { method: request.method, headers, body: request.method === 'GET' ? undefined : request.body });
    await response.text();
  };
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs an operation once and returns a bare fetch replaying the request it made to its emulator. */
async function recordReplay(appTester: AppTester, operation: Operation, authData: Record<string, string>, sandbox: Sandbox) {
  const emulator = operation.emulator(sandbox);
  emulator.clearRequests();
  await runOperation(appTester, operation, authData);
  const recorded = emulator.requests.at(-1);
  if (!recorded) throw new Error(`${operation.name} sent nothing to ${emulator.name}`);
  return replay(emulator.url, recorded);
}

interface Timed {
  /** Untimed work before each call. */
  prepare?: () => Promise<unknown>;
  call: () => Promise<unknown>;
}

/** The calls in turn, round after round (so drift hits all alike); medians after 5 warm-up rounds. */
async function sideBySide<K extends string>(calls: number, timed: Record<K, Timed>): Promise<Record<K, number>> {
  const keys = Object.keys(timed) as K[];
  const samples = new Map<K, number[]>(keys.map((key) => [key, []]));
  for (let round = -5; round < calls; round += 1) {
    for (const key of keys) {
      await timed[key].prepare?.();
      const ms = await time(timed[key].call);
      if (round >= 0) samples.get(key)!.push(ms);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(samples.get(key)!)])) as Record<K, number>;
}

export async function operationOverhead(sandbox: Sandbox, calls = 60): Promise<Array<{ name: string; app: number; bare: number }>> {
  const appTester = createAppTester(App);
  const authData = { ...sandbox.accounts };
  const results = [];
  for (const operation of OPERATIONS) {
    const setUp = OPERATIONS.find((candidate) => candidate.key === operation.before);
    const prepare = async () => {
      if (setUp) await runOperation(appTester, setUp, authData);
    };
    await prepare();
    const bare = await recordReplay(appTester, operation, authData, sandbox);
    const medians = await sideBySide(calls, {
      app: { prepare, call: () => runOperation(appTester, operation, authData) },
      bare: { prepare, call: bare },
    });
    results.push({ name: operation.name, ...medians });
  }
  return results;
}

/**
 * Why the overhead is what it is: core compiles (deep-copies and freezes) the whole app definition
 * on every call, so the same search costs less in an app that has only that operation. Measured
 * side by side: the full app, a one-operation app with the same connection, and the bare fetch.
 */
export async function definitionCost(sandbox: Sandbox, calls = 60): Promise<{ full: number; single: number; bare: number; definitionKiB: number }> {
  const operation = OPERATIONS.find((candidate) => candidate.key === 'rlab_track_info')!;
  const single = { ...App, triggers: {}, creates: {}, searches: { rlab_track_info: App.searches!.rlab_track_info! } } as typeof App;
  const fullTester = createAppTester(App);
  const singleTester = createAppTester(single);
  const authData = { ...sandbox.accounts };
  const medians = await sideBySide(calls, {
    full: { call: () => runOperation(fullTester, operation, authData) },
    single: { call: () => runOperation(singleTester, operation, authData) },
    bare: { call: await recordReplay(fullTester, operation, authData, sandbox) },
  });
  return { ...medians, definitionKiB: Buffer.byteLength(JSON.stringify(App)) / 1024 };
}

const tracks = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

/** How many requests Add Tracking Number makes for N tracks. */
export async function batching(sandbox: Sandbox, sizes: number[]): Promise<Array<{ tracks: number; requests: number }>> {
  const appTester = createAppTester(App);
  const results = [];
  for (const [index, size] of sizes.entries()) {
    sandbox.clearRequests();
    await appTester(performOf('creates', 'rlab_add_track'), {
      authData: { ...sandbox.accounts },
      inputData: { track: tracks(size, `9${index}`), phone: ['+7 916 000-00-02'] },
    });
    results.push({ tracks: size, requests: sandbox.rlab.requestsTo('/addtrack.ashx').length });
  }
  return results;
}
