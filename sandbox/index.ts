/**
 * The local sandbox: every vendor the app talks to, emulated over real HTTP on 127.0.0.1.
 *
 *   const sandbox = await startSandbox();
 *   applyEnv(sandbox.urls);               // point the app at the emulators
 *   await sandbox.rlab.fault('down');     // R-Lab's primary host refuses connections
 *   ...
 *   await sandbox.stop();
 *
 * Development tooling only: it never imports the app's code for its checks and is not part of the
 * built app.
 */
import { DEFAULT_JUSTCLICK_ACCOUNT, JustClickEmulator, type JustClickOptions } from './emulators/justclick';
import { BLACKLIST_RECORDS, type BlacklistRecord } from './emulators/blacklist-data';
import { BlacklistHistoryEmulator, DeliveryCrmEmulator } from './emulators/deliverycrm';
import { DEFAULT_MEASOFT_ACCOUNT, MeasoftEmulator, type MeasoftAccount } from './emulators/measoft';
import { RlabEmulator } from './emulators/rlab';
import { DEFAULT_RLAB_USER, RlabState, seedRlabState } from './emulators/rlab-state';
import type { Emulator } from './emulators/server';

export type { FaultMode, FaultOptions, ReceivedRequest } from './emulators/server';
export { DEFAULT_JUSTCLICK_ACCOUNT, DEFAULT_MEASOFT_ACCOUNT, DEFAULT_RLAB_USER };

/** The environment variables the app reads its vendor addresses from (src/config.ts). */
export type SandboxUrls = {
  JUSTCLICK_BASE_URL: string;
  RLAB_BASE_URL: string;
  RLAB_FALLBACK_URL: string;
  DELIVERYCRM_BASE_URL: string;
  RLAB_BLACKLIST_BASE_URL: string;
  MEASOFT_BASE_URL: string;
};

/** The connection fields (authData) the emulators accept. */
export type SandboxAccounts = {
  justclick_login: string;
  justclick_secret: string;
  rlab_user_id: string;
  rlab_api_key: string;
  measoft_login: string;
  measoft_password: string;
  measoft_extra: string;
};

export interface SandboxOptions {
  /**
   * Listen on basePort..basePort+5 (JustClick, R-Lab, R-Lab backup, DeliveryCRM, blacklist history, MeaSoft); free
   * ports when absent.
   */
  basePort?: number;
  justclick?: JustClickOptions;
  rlab?: { userId?: string; apiKey?: string };
  /** The MeaSoft account the emulator accepts (default: DEFAULT_MEASOFT_ACCOUNT). */
  measoft?: Partial<MeasoftAccount>;
  /** The clock R-Lab dates are written from (default: the real time). */
  now?: () => Date;
}

export interface Sandbox {
  urls: SandboxUrls;
  accounts: SandboxAccounts;
  justclick: JustClickEmulator;
  /** R-Lab's primary host (RLAB_BASE_URL). */
  rlab: RlabEmulator;
  /** R-Lab's backup host (RLAB_FALLBACK_URL), sharing the primary's data. */
  rlabBackup: RlabEmulator;
  deliverycrm: DeliveryCrmEmulator;
  blacklistHistory: BlacklistHistoryEmulator;
  /** MeaSoft's XML API (MEASOFT_BASE_URL). */
  measoft: MeasoftEmulator;
  /** The tracks, users and notification histories behind R-Lab and DeliveryCRM. */
  rlabState: RlabState;
  /** The buyers DeliveryCRM's blacklist and its history host know (a record pushed here is found by both). */
  blacklist: BlacklistRecord[];
  emulators: Emulator[];
  /** Forgets every emulator's recorded requests. */
  clearRequests(): void;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const rlabState = new RlabState(options.now);
  const rlabUser = seedRlabState(rlabState, {
    userId: options.rlab?.userId ?? DEFAULT_RLAB_USER.userId,
    apiKey: options.rlab?.apiKey ?? DEFAULT_RLAB_USER.apiKey,
  });
  const justclick = new JustClickEmulator(options.justclick);
  const rlab = new RlabEmulator(rlabState, 'R-Lab');
  const rlabBackup = new RlabEmulator(rlabState, 'R-Lab backup');
  const blacklist = [...BLACKLIST_RECORDS];
  const deliverycrm = new DeliveryCrmEmulator(rlabState, blacklist);
  const blacklistHistory = new BlacklistHistoryEmulator(blacklist);
  const measoft = new MeasoftEmulator(options.measoft, options.now);
  const emulators: Emulator[] = [justclick, rlab, rlabBackup, deliverycrm, blacklistHistory, measoft];
  try {
    for (const [index, emulator] of emulators.entries()) {
      await emulator.start(options.basePort === undefined ? 0 : options.basePort + index);
    }
  } catch (error) {
    await Promise.all(emulators.map((emulator) => emulator.stop()));
    throw error;
  }
  return {
    urls: {
      JUSTCLICK_BASE_URL: justclick.baseUrl,
      RLAB_BASE_URL: rlab.url,
      RLAB_FALLBACK_URL: rlabBackup.url,
      DELIVERYCRM_BASE_URL: deliverycrm.url,
      RLAB_BLACKLIST_BASE_URL: blacklistHistory.url,
      MEASOFT_BASE_URL: measoft.apiUrl,
    },
    accounts: {
      justclick_login: justclick.account.login,
      justclick_secret: justclick.account.secret,
      rlab_user_id: rlabUser.userId,
      rlab_api_key: rlabUser.apiKey,
      measoft_login: measoft.account.login,
      measoft_password: measoft.account.password,
      measoft_extra: measoft.account.extra,
    },
    justclick,
    rlab,
    rlabBackup,
    deliverycrm,
    blacklistHistory,
    measoft,
    rlabState,
    blacklist,
    emulators,
    clearRequests: () => emulators.forEach((emulator) => emulator.clearRequests()),
    stop: async () => {
      await Promise.all(emulators.map((emulator) => emulator.stop()));
    },
  };
}

/** Points the app at the sandbox; returns a function that restores the previous values. */
export function applyEnv(urls: SandboxUrls): () => void {
  const previous = Object.fromEntries(Object.keys(urls).map((name) => [name, process.env[name]]));
  Object.assign(process.env, urls);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** The .env lines `zapier-platform invoke` reads: the addresses and the connection as authData_*. */
export function envLines(sandbox: Pick<Sandbox, 'urls' | 'accounts'>): string[] {
  return [
    ...Object.entries(sandbox.urls).map(([name, value]) => `${name}=${value}`),
    ...Object.entries(sandbox.accounts).map(([key, value]) => `authData_${key}=${value}`),
  ];
}
