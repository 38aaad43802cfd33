import { rpcReply, startZapierRpcServer, ZCacheStore } from '../../sandbox/zapier-cache';

describe('the Zapier cache stand-in', () => {
  it('honours nx: a second set of the same key is refused and changes nothing', () => {
    const store = new ZCacheStore();
    expect(store.set('k', '"first"', 60, true)).toBe(true);
    expect(store.set('k', '"second"', 60, true)).toBe(false);
    expect(store.get('k')).toBe('"first"');
    expect(store.set('k', '"third"', 60, null)).toBe(true); // without nx a set overwrites
    expect(store.get('k')).toBe('"third"');
  });

  it('expires entries after their TTL, after which nx may set the key again', () => {
    let now = 1_000_000;
    const store = new ZCacheStore(() => now);
    store.set('k', '1', 10, true);
    now += 9_999;
    expect(store.get('k')).toBe('1');
    expect(store.set('k', '2', 10, true)).toBe(false);
    now += 1;
    expect(store.get('k')).toBeNull();
    expect(store.set('k', '2', 10, true)).toBe(true);
    store.set('forever', 'x', null, null);
    now += 10 ** 9;
    expect(store.get('forever')).toBe('x');
  });

  it("answers core's RPC calls, keeping scoped keys apart", () => {
    const store = new ZCacheStore();
    expect(rpcReply(store, { id: 1, method: 'zcache_set', params: ['k', '"v"', 60, ['user', 'auth'], true] })).toEqual({
      id: 1,
      result: true,
    });
    expect(rpcReply(store, { id: 2, method: 'zcache_set', params: ['k', '"w"', 60, ['user', 'auth'], true] })).toEqual({
      id: 2,
      result: false,
    });
    expect(rpcReply(store, { id: 3, method: 'zcache_get', params: ['k', null] })).toEqual({ id: 3, result: null });
    expect(rpcReply(store, { id: 4, method: 'zcache_get', params: ['k', ['user', 'auth']] })).toEqual({
      id: 4,
      result: '"v"',
    });
    expect(rpcReply(store, { id: 5, method: 'zcache_delete', params: ['k', ['user', 'auth']] })).toEqual({
      id: 5,
      result: true,
    });
    expect(rpcReply(store, { id: 6, method: 'stash_file', params: [] })).toEqual({
      id: 6,
      error: 'The Zapier stand-in does not offer stash_file',
    });
  });

  it('serves the same over HTTP, and refuses a body that is not JSON', async () => {
    const server = await startZapierRpcServer();
    try {
      const rpc = (body: string) => fetch(`${server.endpoint}/platform/rpc/cli`, { method: 'POST', body });
      const first = await rpc(
        JSON.stringify({ id: 'a', method: 'zcache_set', params: ['seen', '1', 86400, null, true] }),
      );
      expect(await first.json()).toEqual({ id: 'a', result: true });
      const again = await rpc(
        JSON.stringify({ id: 'b', method: 'zcache_set', params: ['seen', '1', 86400, null, true] }),
      );
      expect(await again.json()).toEqual({ id: 'b', result: false });
      expect(server.store.size).toBe(1);
      expect((await rpc('nope')).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
