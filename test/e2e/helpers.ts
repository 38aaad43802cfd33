/**
 * What the end-to-end tests share: the sandbox started once per file and the app pointed at it,
 * every emulator back to normal with an empty request log before each test, and the operations'
 * creates and searches under their keys, looked up in the app definition (so a new operation needs no
 * list here, and a test can hand loosely typed mapped values, as Zapier does).
 */
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { isoCheckedTester } from '../support/output-shape';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';

type AnyPerform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

type Operation = { operation: { perform: unknown } };

/** Every create and search of the app by its key, read from the app definition itself. */
const OPERATIONS: Record<string, AnyPerform> = Object.fromEntries(
  [App.creates, App.searches].flatMap((group) =>
    Object.entries((group ?? {}) as Record<string, Operation>).map(([key, op]) => [
      key,
      op.operation.perform as AnyPerform,
    ]),
  ),
);

/** The app tester of the e2e tests: every live result is checked against check T003 (ISO 8601 dates with a zone). */
export const appTester = isoCheckedTester(createAppTester(App));

/** Runs a create or search by its key. */
export const runOperation = (
  key: string,
  authData: Record<string, string>,
  inputData: Record<string, unknown>,
): Promise<unknown> => {
  const perform = OPERATIONS[key];
  if (!perform) throw new Error(`no operation ${key}`);
  return appTester(perform, { authData, inputData });
};

/** Starts the sandbox for the file's tests; returns a getter (the sandbox exists once beforeAll ran). */
export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
    restoreEnv = applyEnv(sandbox.urls);
  });
  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    for (const emulator of sandbox!.emulators) await emulator.fault('none');
    sandbox!.clearRequests();
  });
  return () => sandbox!;
}
