/**
 * What the end-to-end tests share: the sandbox started once per file and the app pointed at it,
 * every emulator back to normal with an empty request log before each test, and the operations'
 * exported performs under their keys (so a test can hand loosely typed mapped values, as Zapier does).
 */
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as updateOrderStatus } from '../../src/justclick/update-order-status';
import { perform as addTrack } from '../../src/rlab/add-track';
import { perform as blacklistCheck } from '../../src/rlab/blacklist-check';
import { perform as deleteTrack } from '../../src/rlab/delete-track';
import { perform as notificationHistory } from '../../src/rlab/notification-history';
import { perform as trackInfo } from '../../src/rlab/track-info';
import { perform as updateTrack } from '../../src/rlab/update-track';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';

type AnyPerform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

const OPERATIONS = {
  justclick_update_order_status: updateOrderStatus,
  rlab_add_track: addTrack,
  rlab_update_track: updateTrack,
  rlab_delete_track: deleteTrack,
  rlab_track_info: trackInfo,
  blacklist_check: blacklistCheck,
  notification_history: notificationHistory,
} as unknown as Record<string, AnyPerform>;

export type OperationKey = keyof typeof OPERATIONS;

export const appTester = createAppTester(App);

/** Runs a create or search by its key. */
export const runOperation = (key: string, authData: Record<string, string>, inputData: Record<string, unknown>): Promise<unknown> => {
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
