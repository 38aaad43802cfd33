/**
 * What the reliability tests share: the sandbox started once per file with every emulator back to
 * normal before each test, the error a Zapier user would see (with a ThrottledError's delay), and
 * the operations' exported performs under their keys.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { applyEnv, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index';
import { perform as justClickUpdateOrderStatus } from '../../src/justclick/update-order-status';
import { perform as addTrack } from '../../src/rlab/add-track';
import { perform as blacklistCheck } from '../../src/rlab/blacklist-check';
import { perform as deleteTrack } from '../../src/rlab/delete-track';
import { perform as notificationHistory } from '../../src/rlab/notification-history';
import { perform as trackInfo } from '../../src/rlab/track-info';
import { perform as updateTrack } from '../../src/rlab/update-track';

export type AnyPerform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/** Every create and search, under its operation key (mapped values arrive loosely typed). */
export const OPERATIONS = {
  justclick_update_order_status: justClickUpdateOrderStatus,
  rlab_add_track: addTrack,
  rlab_update_track: updateTrack,
  rlab_delete_track: deleteTrack,
  rlab_track_info: trackInfo,
  blacklist_check: blacklistCheck,
  notification_history: notificationHistory,
} as unknown as Record<string, AnyPerform>;

/**
 * Starts the sandbox before the file's tests and points the app at it; before each test every
 * emulator is back to normal with an empty request log. Returns a getter (the sandbox exists only
 * once beforeAll ran).
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
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

/** Sets environment variables for one test and restores them after it. */
export function useEnv(): (values: Record<string, string | undefined>) => void {
  const saved = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
  });
  return (values) => {
    for (const [name, value] of Object.entries(values)) {
      if (!saved.has(name)) saved.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** An error as Zapier shows it: AppError and ThrottledError carry JSON, the others plain text. */
export interface Failure {
  name: string;
  /** The text the user reads (the first line: core may append "What happened" below it). */
  message: string;
  /** The whole message as thrown, appended context included. */
  raw: string;
  code?: string;
  /** ThrottledError: the seconds after which Zapier retries the step. */
  delay?: number | null;
}

export function asFailure(error: unknown): Failure {
  const { name, message } = error as Error;
  try {
    const parsed = JSON.parse(message) as { message?: unknown; code?: unknown; delay?: unknown };
    if (parsed && typeof parsed.message === 'string') {
      return {
        name,
        message: parsed.message,
        raw: message,
        ...(parsed.code === undefined ? {} : { code: String(parsed.code) }),
        ...(name === 'ThrottledError' ? { delay: typeof parsed.delay === 'number' ? parsed.delay : null } : {}),
      };
    }
  } catch {
    // plain text
  }
  return { name, message: message.split('\n')[0]!, raw: message };
}

/** The failure a promise ends with; a test fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return asFailure(error);
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** How many requests to a path (suffix) each emulator received, e.g. `{ primary: 1, backup: 0 }`. */
export const countsTo = (suffix: string, emulators: Record<string, { requestsTo(suffix: string): unknown[] }>): Record<string, number> =>
  Object.fromEntries(Object.entries(emulators).map(([name, emulator]) => [name, emulator.requestsTo(suffix).length]));
