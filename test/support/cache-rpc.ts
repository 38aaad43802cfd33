/**
 * Runs z.cache through zapier-platform-core's real RPC client against a cache that honours `nx`
 * (sandbox/zapier-cache.ts). createAppTester's own cache mock ignores `nx` and always reports
 * success, so it cannot show a resent event being dropped.
 *
 * How: with `appTester.zcacheTestObj = null` core stops using its mock and posts every z.cache
 * call to its RPC address, https://rpc.zapier.com/cli when ZAPIER_BASE_ENDPOINT is unset, with
 * the X-Deploy-Key header from ZAPIER_DEPLOY_KEY; nock answers those posts from the store.
 * Shared by the MeaSoft, Abaha and webhook-helper tests.
 */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { isoCheckedTester } from './output-shape';
import { rpcReply, ZCacheStore } from '../../sandbox/zapier-cache';
import App from '../../src/index';

export const RPC_HOST = 'https://rpc.zapier.com';
const DEPLOY_KEY = 'test-deploy-key';

export interface RpcCall {
  method: string;
  params: unknown[];
}

/** An app tester whose z.cache goes over RPC (set up the answers with cacheRpc or failingCacheRpc). */
export function rpcAppTester(): ReturnType<typeof createAppTester> {
  process.env.ZAPIER_DEPLOY_KEY = DEPLOY_KEY;
  const appTester = createAppTester(App);
  (appTester as unknown as { zcacheTestObj: unknown }).zcacheTestObj = null;
  // Live results of triggers are checked against check T003 too (ISO 8601 dates with a zone).
  return isoCheckedTester(appTester);
}

/** Answers core's cache RPC from a store that honours nx and TTLs; records every call. */
export function cacheRpc(store = new ZCacheStore()): { store: ZCacheStore; calls: RpcCall[]; scope: nock.Scope } {
  const calls: RpcCall[] = [];
  const scope = nock(RPC_HOST)
    .post('/cli')
    .matchHeader('x-deploy-key', DEPLOY_KEY)
    .reply(200, (_uri, body) => {
      const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as { method: string; params: unknown[] };
      calls.push({ method: parsed.method, params: parsed.params });
      return rpcReply(store, parsed);
    })
    .persist();
  return { store, calls, scope };
}

/** Zapier's cache service down: every RPC attempt (core tries 3 times) gets a 503. */
export function failingCacheRpc(): nock.Scope {
  return nock(RPC_HOST).post('/cli').times(3).reply(503, 'Service Unavailable');
}

/**
 * What the step logs with z.console while `run` runs: core also echoes every such line to
 * console.log (as one line with its newline), which this captures (so the suite's output stays quiet)
 * and hands back, line by line, to assert on.
 */
export async function loggedBy<T>(run: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
  const logged: string[] = [];
  const spy = jest
    .spyOn(console, 'log')
    .mockImplementation((...args: unknown[]) => void logged.push(args.join(' ').replace(/\n$/, '')));
  try {
    return { value: await run(), logged };
  } finally {
    spy.mockRestore();
  }
}

/** The line the webhook triggers log when Zapier's cache fails (src/common/webhook.ts). */
export const CACHE_SKIPPED =
  /^Redelivery check skipped \(Zapier's cache did not answer: RPC request failed after 3 attempts: .+\); the event passes\.$/;
