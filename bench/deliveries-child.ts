/**
 * Run in a fresh process by the bench: 1,000 webhook deliveries through the built app's triggers
 * (createAppTester, New Order Status and Abaha's New Order interleaved, one in ten a redelivery
 * of an earlier event, in Zapier's request shape from sandbox/receiver.ts), with a full garbage
 * collection and the live heap measured every 100 deliveries. Prints JSON.
 *
 * Unlike test/reliability/load.test.ts there is no HTTP in or out and no cache RPC, so what
 * grows is the app's and core's, not the harness's.
 */
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { toZapierRequest } from '../sandbox/receiver';
import { abahaOrder, measoftOrderXml, type MeasoftItem, type MeasoftStatusCode } from '../sandbox/senders';

const DELIVERIES = Number(process.argv[2] ?? 1000);
const WARM_UP = 100;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  (runInNewContext('gc') as () => void)();
}

type Perform = (z: unknown, bundle: unknown) => unknown;
type AppTester = (perform: Perform, bundle: object) => Promise<unknown>;

(async () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createAppTester } = require('zapier-platform-core') as { createAppTester: (app: unknown) => AppTester };
  const app = require(path.join(__dirname, '..', 'index.js')) as {
    triggers: Record<string, { operation: { perform: Perform } }>;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const tester = createAppTester(app);
  const statuses: MeasoftStatusCode[] = ['ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'];
  // Sixty items a document (about 15 KB), so a leak that kept each body or parsed event would show in megabytes.
  const items: MeasoftItem[] = Array.from({ length: 60 }, (_, i) => ({
    name: `Товар №${i}: футболка хлопковая`,
    quantity: 1 + (i % 3),
    mass: 0.4,
    retprice: 990 + i,
  }));
  // Each delivery is made from its number, so a redelivery is made again, not kept: the harness
  // holds no bodies, and what grows is the app's and core's.
  const deliveryOf = (i: number): { trigger: string; contentType: string; body: string } => {
    if (i % 2 === 0) {
      const orderno = `LOAD-${String(i).padStart(5, '0')}`;
      const body = measoftOrderXml({
        orderno,
        status: statuses[i % statuses.length]!,
        at: new Date(base + i * 60_000),
        items,
      });
      return { trigger: 'order_status', contentType: 'text/xml; charset=utf-8', body };
    }
    const id = String(500_000 + i);
    const modified = new Date(base + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    return {
      trigger: 'abaha_order',
      contentType: 'application/json',
      body: JSON.stringify(abahaOrder({ id, cart_code: id.padStart(11, '0'), modified })),
    };
  };
  const heap: number[] = [];
  let bodyBytes = 0;
  let events = 0;
  let distinct = 0;
  const base = Date.UTC(2024, 4, 20, 6);
  for (let i = 0; i < DELIVERIES; i += 1) {
    // One in ten: an earlier event sent again unchanged.
    const redelivery = i % 10 === 9;
    const delivery = deliveryOf(redelivery ? (i * 7919) % i : i);
    if (!redelivery) distinct += 1;
    bodyBytes += Buffer.byteLength(delivery.body);
    const request = toZapierRequest({
      method: 'POST',
      url: '/hooks/catch/1/bench/',
      rawHeaders: ['Content-Type', delivery.contentType],
      body: delivery.body,
    });
    const results = (await tester(app.triggers[delivery.trigger]!.operation.perform, {
      authData: {},
      inputData: {},
      meta: { zap: { id: 'bench-zap' } },
      ...request,
    })) as unknown[];
    events += results.length;
    if ((i + 1) % WARM_UP === 0) {
      collectGarbage();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  process.stdout.write(
    JSON.stringify({
      deliveries: DELIVERIES,
      distinct,
      events,
      bodyBytes,
      heapAfterWarmUp: heap[0],
      heapAtEnd: heap.at(-1),
      heap,
      maxRssKiB: process.resourceUsage().maxRSS,
    }),
  );
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
