/**
 * Per call: every create and search of the app (discovered from its definition) run through
 * createAppTester against the local sandbox, against the same operation in an app that holds
 * only that operation (the real definition copied, every other trigger, create, search and
 * search-or-create dropped; same authentication, same bundle), side by side in this process.
 * What is left is the cost of the definition's size: zapier-platform-core compiles the whole
 * definition on every invocation and merges it into every request.
 * Also: requests made for N tracks (batching).
 */
import path from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import type { Sandbox } from '../sandbox';
import { OPERATION_INPUTS, type OperationInput } from './inputs';
import { median, progress, ROOT } from './lib';
import { countNodes } from './nodes';

type Kind = 'creates' | 'searches';
type Perform = (z: unknown, bundle: unknown) => unknown;
type Definition = Record<string, unknown> & Partial<Record<Kind, Record<string, { operation: { perform: Perform } }>>>;
type AppTester = ReturnType<typeof createAppTester>;

const KINDS: Kind[] = ['creates', 'searches'];
const OPERATION_GROUPS = ['triggers', 'creates', 'searches', 'searchOrCreates', 'searchAndCreates', 'resources'];

/** The built app (lib/ via index.js), as Zapier loads it. Loaded after the sandbox's addresses are set. */
export function loadApp(): Definition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ROOT, 'index.js')) as Definition;
}

export interface Operation {
  kind: Kind;
  key: string;
  label: string;
  input: OperationInput;
}

/**
 * Every create and search of the app, each with its entry in bench/inputs.ts. An operation without
 * an entry stops the bench (so none is skipped silently); entries for keys the app lacks are listed.
 */
export function discoverOperations(app: Definition): { operations: Operation[]; absent: string[] } {
  const operations: Operation[] = [];
  const missing: string[] = [];
  for (const kind of KINDS) {
    for (const [key, operation] of Object.entries(app[kind] ?? {})) {
      const input = OPERATION_INPUTS[key];
      if (!input) missing.push(`${kind}.${key}`);
      else
        operations.push({
          kind,
          key,
          label: (operation as { display?: { label?: string } }).display?.label ?? key,
          input,
        });
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `bench/inputs.ts has no input data for ${missing.join(', ')}: add an entry to OPERATION_INPUTS for ` +
        'each (the bench measures every create and search).',
    );
  }
  const present = new Set(operations.map((operation) => operation.key));
  return { operations, absent: Object.keys(OPERATION_INPUTS).filter((key) => !present.has(key)) };
}

/** The real definition with only one operation left in it (same authentication, middlewares, version). */
export function oneOperationApp(app: Definition, kind: Kind, key: string): Definition {
  const copy: Definition = { ...app };
  for (const group of OPERATION_GROUPS) if (group in copy) copy[group] = {};
  copy[kind] = { [key]: app[kind]![key]! };
  return copy;
}

/**
 * The definition with what users and Zapier's checks need taken out of every trigger, create and
 * search (input fields, output fields, samples): the floor that the number of operations alone
 * costs per call. Not an app to ship; the bench prints it beside the targets as evidence.
 */
export function strippedApp(app: Definition): Definition {
  const copy: Definition = { ...app };
  for (const group of OPERATION_GROUPS) {
    const operations = app[group as Kind] as Definition[Kind] | undefined;
    if (!operations || group === 'searchOrCreates') continue;
    copy[group as Kind] = Object.fromEntries(
      Object.entries(operations).map(([key, operation]) => [
        key,
        { ...operation, operation: { ...operation.operation, inputFields: [], outputFields: [], sample: { id: '1' } } },
      ]),
    ) as Definition[Kind];
  }
  return copy;
}

/**
 * The definition with every operation's output fields behind one function each (Zapier's dynamic
 * output fields; core counts a function as one leaf), samples and input fields kept: what that
 * option would save per call. Not shipped: whether Zapier's style checks accept it cannot be
 * checked offline.
 */
export function dynamicOutputFieldsApp(app: Definition): Definition {
  const copy: Definition = { ...app };
  for (const group of OPERATION_GROUPS) {
    const operations = app[group as Kind] as Definition[Kind] | undefined;
    if (!operations || group === 'searchOrCreates') continue;
    copy[group as Kind] = Object.fromEntries(
      Object.entries(operations).map(([key, operation]) => {
        const fields = (operation.operation as { outputFields?: unknown[] }).outputFields;
        const outputFields = fields ? [() => fields] : undefined;
        return [key, { ...operation, operation: { ...operation.operation, outputFields } }];
      }),
    ) as Definition[Kind];
  }
  return copy;
}

function performOf(app: Definition, key: string): Perform {
  for (const kind of KINDS) {
    const perform = app[kind]?.[key]?.operation.perform;
    if (perform) return perform;
  }
  throw new Error(`the app has no create or search ${key}`);
}

async function time(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface PerCall {
  key: string;
  label: string;
  kind: Kind;
  /** Medians, ms. */
  full: number;
  single: number;
  ratio: number;
  singleNodes: number;
}

/**
 * Each operation: `calls` rounds after `warmUp` uncounted ones, the full app and the one-operation
 * app in turn (the order swapped every round, so drift and turn order hit both alike). Setup and
 * `before` steps run untimed through the full app.
 */
export async function perCall(
  app: Definition,
  sandbox: Sandbox,
  calls = 60,
  warmUp = 6,
  only?: readonly string[],
): Promise<PerCall[]> {
  const operations = discoverOperations(app).operations.filter((operation) => !only || only.includes(operation.key));
  const authData = { ...sandbox.accounts } as Record<string, string>;
  const full = createAppTester(app as never);
  const run = (key: string, inputData: Record<string, unknown>) =>
    full(performOf(app, key) as never, { authData, inputData });
  const results: PerCall[] = [];
  for (const [index, operation] of operations.entries()) {
    const oneApp = oneOperationApp(app, operation.kind, operation.key);
    const single = createAppTester(oneApp as never);
    const perform = performOf(app, operation.key) as never;
    const { input } = operation;
    await input.setUp?.(run);
    let callNumber = 0;
    const timedCall = async (tester: AppTester): Promise<number> => {
      const n = (callNumber += 1);
      const prepared = (await input.before?.(run, n)) ?? {};
      const inputData = typeof input.inputData === 'function' ? input.inputData(n, prepared) : input.inputData;
      return time(() => tester(perform, { authData, inputData }));
    };
    const samples = { full: [] as number[], single: [] as number[] };
    for (let round = -warmUp; round < calls; round += 1) {
      const order = round % 2 === 0 ? (['full', 'single'] as const) : (['single', 'full'] as const);
      for (const which of order) {
        const ms = await timedCall(which === 'full' ? full : single);
        if (round >= 0) samples[which].push(ms);
      }
    }
    const result = {
      key: operation.key,
      label: operation.label,
      kind: operation.kind,
      full: median(samples.full),
      single: median(samples.single),
      ratio: median(samples.full) / median(samples.single),
      singleNodes: countNodes(oneApp),
    };
    progress(
      `per call ${index + 1}/${operations.length} ${operation.kind}.${operation.key}: ` +
        `${result.full.toFixed(2)} ms vs ${result.single.toFixed(2)} ms alone = ${result.ratio.toFixed(2)}x`,
    );
    results.push(result);
  }
  return results;
}

const tracks = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

/** How many requests Add Tracking Number makes for N tracks. */
export async function batching(
  app: Definition,
  sandbox: Sandbox,
  sizes: number[],
): Promise<Array<{ tracks: number; requests: number }>> {
  const appTester = createAppTester(app as never);
  const results = [];
  for (const [index, size] of sizes.entries()) {
    sandbox.clearRequests();
    await appTester(performOf(app, 'rlab_add_track') as never, {
      authData: { ...sandbox.accounts },
      inputData: { track: tracks(size, `9${index}`), phone: ['+7 916 000-00-02'] },
    });
    results.push({ tracks: size, requests: sandbox.rlab.requestsTo('/addtrack.ashx').length });
  }
  return results;
}
