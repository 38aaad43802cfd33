/**
 * Run in a fresh process by the bench (`memory.ts`): webhook deliveries through core's
 * createAppHandler as Zapier's Lambda runtime runs them, one at a time with one turn of the event
 * loop between them (as separate invocations are), and the live heap after a full garbage
 * collection at the end of the warm-up and every `every` invocations after it. Writes JSON to the
 * file named last.
 *
 * Role `app`: the shipped app (by its path, as zapierwrapper.js loads it), New Order Status and
 * Abaha's New Order in turn, each body made from its number (the harness keeps none), in Zapier's
 * request shape (sandbox/receiver.ts), the redelivery guard's z.cache calls going to the RPC
 * stand-in in the vendor process (bench/vendor.ts) with a token, as on Zapier: no test cache.
 * Role `template`: the CLI's template with a hidden hook trigger that returns the parsed body.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { toZapierRequest } from '../sandbox/receiver';
import { abahaOrder, measoftOrderXml, type MeasoftItem, type MeasoftStatusCode } from '../sandbox/senders';

const [role, entry, countArg, warmArg, everyArg, rpcBase, out] = process.argv.slice(2);
const COUNT = Number(countArg);
const WARM_UP = Number(warmArg);
const EVERY = Number(everyArg);

function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

type Handler = (event: object) => Promise<{ results: unknown }>;

(async () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = require(path.join(__dirname, '..', 'node_modules', 'zapier-platform-core')) as {
    createAppHandler: (app: unknown) => Handler;
  };
  const loaded = require(entry!) as Record<string, unknown> & { default?: Record<string, unknown> };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const definition = (loaded.platformVersion ? loaded : loaded.default)!;
  if (role === 'template') {
    definition.triggers = {
      ...(definition.triggers as object),
      bench_hook: {
        key: 'bench_hook',
        noun: 'Order',
        display: { label: 'New Order', description: 'Triggers for the benchmark.', hidden: true },
        operation: {
          type: 'hook',
          perform: (_z: unknown, bundle: { cleanedRequest: Record<string, unknown> }) => [bundle.cleanedRequest],
          sample: { id: '1' },
        },
      },
    };
  }
  const handler = core.createAppHandler(loaded === definition ? entry : definition);
  const statuses: MeasoftStatusCode[] = ['ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'];
  const items: MeasoftItem[] = Array.from({ length: 60 }, (_, i) => ({
    name: `Товар №${i}: футболка хлопковая`,
    quantity: 1 + (i % 3),
    mass: 0.4,
    retprice: 990 + i,
  }));
  const base = Date.UTC(2024, 4, 20, 6);
  const abaha = (i: number) => {
    const id = String(500_000 + i);
    const modified = new Date(base + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    return JSON.stringify(abahaOrder({ id, cart_code: id.padStart(11, '0'), modified }));
  };
  const delivery = (i: number): { trigger: string; contentType: string; body: string } => {
    if (role === 'template') return { trigger: 'bench_hook', contentType: 'application/json', body: abaha(i) };
    if (i % 2 === 0) {
      const orderno = `LOAD-${String(i).padStart(6, '0')}`;
      const at = new Date(base + i * 60_000);
      const body = measoftOrderXml({ orderno, status: statuses[(i / 2) % statuses.length]!, at, items });
      return { trigger: 'order_status', contentType: 'text/xml; charset=utf-8', body };
    }
    return { trigger: 'abaha_order', contentType: 'application/json', body: abaha(i) };
  };
  const heap: number[] = [];
  let events = 0;
  const started = Date.now();
  for (let i = 0; i < WARM_UP + COUNT; i += 1) {
    const { trigger, contentType, body } = delivery(i);
    const output = await handler({
      command: 'execute',
      method: `triggers.${trigger}.operation.perform`,
      token: 'bench-token',
      rpc_base: rpcBase,
      bundle: {
        authData: {},
        inputData: {},
        meta: { zap: { id: 'bench-zap' } },
        ...toZapierRequest({
          method: 'POST',
          url: '/hooks/catch/1/bench/',
          rawHeaders: ['Content-Type', contentType],
          body,
        }),
      },
    });
    if (!Array.isArray(output.results) || output.results.length !== 1)
      throw new Error(`delivery ${i} (${trigger}) gave ${JSON.stringify(output.results).slice(0, 300)}`);
    events += 1;
    // One turn of the event loop between invocations, as between separate Lambda invocations.
    await new Promise((resolve) => setImmediate(resolve));
    const done = i + 1 - WARM_UP;
    if (done >= 0 && done % EVERY === 0) {
      heap.push(liveHeap());
      if (process.send) process.send({ progress: done });
    }
  }
  writeFileSync(
    out!,
    JSON.stringify({
      invocations: COUNT,
      events,
      heap,
      seconds: (Date.now() - started) / 1000,
      maxRssKiB: process.resourceUsage().maxRSS,
    }),
  );
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
