/**
 * A stand-in for Zapier's cache service, which `z.cache` reaches through core's RPC client.
 *
 * createAppTester's own cache mock ignores `nx` and always reports success, so it cannot show a
 * duplicate webhook being dropped. This store honours `nx` and TTLs like Zapier's, and answers the
 * RPC protocol core speaks (POST {id, method, params} -> {id, result}). Two ways to plug it in:
 * - `startZapierRpcServer()`: a real HTTP server on loopback; set ZAPIER_BASE_ENDPOINT to its
 *   `endpoint` and ZAPIER_DEPLOY_KEY to anything *before* zapier-platform-core is first loaded
 *   (core reads the address at load time), then set `appTester.zcacheTestObj = null` so the tester
 *   uses RPC instead of its mock.
 * - `rpcReply(store, body)`: the same answer for an interceptor such as nock, in unit tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Entry {
  value: string;
  expiresAt: number | null;
}

export class ZCacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  get(key: string): string | null {
    return this.live(key)?.value ?? null;
  }

  /** Returns false, and changes nothing, when `nx` is set and the key is already there. */
  set(key: string, value: string, ttlSeconds: number | null, nx: boolean | null): boolean {
    if (nx && this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: ttlSeconds ? this.now() + ttlSeconds * 1000 : null });
    return true;
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Scoped keys are kept apart the way Zapier keeps user- and auth-scoped entries apart. */
const scopedKey = (key: string, scope: unknown): string => (Array.isArray(scope) ? `${scope.join('+')}:${key}` : key);

/** Answers one core RPC call (zcache_get / zcache_set / zcache_delete). */
export function rpcReply(store: ZCacheStore, body: unknown): { id: unknown; result?: unknown; error?: string } {
  const { id, method, params } = (body ?? {}) as { id?: unknown; method?: string; params?: unknown[] };
  const args = Array.isArray(params) ? params : [];
  switch (method) {
    case 'zcache_get':
      return { id, result: store.get(scopedKey(String(args[0]), args[1])) };
    case 'zcache_set':
      return {
        id,
        result: store.set(
          scopedKey(String(args[0]), args[3]),
          String(args[1]),
          typeof args[2] === 'number' ? args[2] : null,
          typeof args[4] === 'boolean' ? args[4] : null,
        ),
      };
    case 'zcache_delete':
      return { id, result: store.delete(scopedKey(String(args[0]), args[1])) };
    default:
      return { id, error: `The Zapier stand-in does not offer ${String(method)}` };
  }
}

export interface ZapierRpcServer {
  /** The value for ZAPIER_BASE_ENDPOINT: core posts to `${endpoint}/platform/rpc/cli`. */
  endpoint: string;
  store: ZCacheStore;
  close(): Promise<void>;
}

export async function startZapierRpcServer(store = new ZCacheStore()): Promise<ZapierRpcServer> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(rpcReply(store, body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
