/**
 * Load: 1,000 webhook deliveries in a row through the local stand-in for Zapier's hook endpoint
 * (sandbox/receiver.ts), MeaSoft status documents and Abaha orders interleaved, one in ten a
 * redelivery of an earlier event chosen at random (seeded). Each distinct event must start its Zap
 * exactly once, none may be lost, every delivery gets Zapier's reply, and the CPU time per delivery
 * stays under a bound (the wall-clock time is printed, never judged).
 *
 * Memory: zapier-platform-core kills the process (process.exit) when it has run more than 250
 * invocations and RSS is above 450 MB (src/tools/memory-checker.js), and each invocation through
 * createAppTester allocates a few hundred KB, most of it garbage V8 collects only under pressure:
 * left alone, RSS climbs towards 400 MB over 1,000 deliveries and a jest worker can be killed
 * mid-run. So every 100 deliveries the test keeps only what it asserts on (event ids, errors)
 * from the receiver's records, runs a full garbage collection, and measures the live heap. That
 * hides no leak: memory something still holds survives the collection. Measured on the dev
 * machine: the live heap grows by about 58 KB per delivery in this harness (HTTP in and out, the
 * cache RPC, core's patched http/fetch), of which the trigger through createAppTester alone keeps
 * about 3.5 KB per call; the test asserts under 100 KB per delivery (a leak that kept whole
 * documents would exceed it) and RSS below core's kill line.
 *
 * Nothing here imports zapier-platform-core or the app: the receiver loads them after pointing
 * core at its cache stand-in (which honours nx, so redeliveries are really dropped).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startReceiver, stopReceivers, type Receiver } from '../../sandbox/receiver';
import { abahaOrder, measoftOrderXml, sendMeasoftStatus, type MeasoftStatusCode } from '../../sandbox/senders';
import { cpuNow } from '../support/cpu-time';

const DELIVERIES = 1000;
const REDELIVERY_EVERY = 10;
/** core's kill line (KILL_MAX_LIMIT in zapier-platform-core/src/constants.js). */
const CORE_KILL_RSS = 450 * 1000 * 1000;

/**
 * CPU time of this process allowed per delivery (HTTP in and out, core's invocation, the trigger, the
 * cache RPC): about 20-26 ms on the dev machine. CPU time, not the wall clock: on a busy machine the
 * wall clock also counts the time other processes hold the cores (the run once took 62 s there, 50 s
 * alone, 71 s at 26 ms of CPU per delivery), which says nothing about this code. Jest's time limits
 * below (600 s) only guard against a hang.
 */
const CPU_MS_PER_DELIVERY = 60;

const BATCH = 100;
/** Live-heap growth allowed per delivery once warmed up (the receiver's records are dropped per batch). */
const HEAP_PER_DELIVERY = 100 * 1024;

/** A full garbage collection: node's gc(), exposed for this process without a command-line flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A small seeded generator (mulberry32), so the redelivery pattern is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Sent = { kind: 'measoft' | 'abaha'; body: string; id: string };
type Event = { id: string };

const STATUSES: MeasoftStatusCode[] = ['ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'];

describe('1,000 webhook deliveries in a row, 10 % of them redeliveries', () => {
  let measoft: Receiver;
  let abaha: Receiver;

  beforeAll(async () => {
    measoft = await startReceiver({ triggerKey: 'order_status' });
    abaha = await startReceiver({ triggerKey: 'abaha_order' });
  }, 600_000);

  afterAll(async () => {
    await measoft?.close();
    await abaha?.close();
    await stopReceivers();
  });

  it('starts each distinct event exactly once, loses none, and stays far from core’s memory kill line', async () => {
    const next = random(20261123);
    const sent: Sent[] = [];
    const replies: number[] = [];
    // What the test asserts on, taken from the receivers' records batch by batch.
    const startsOf = { measoft: [] as string[], abaha: [] as string[] };
    const errors: string[] = [];
    let handled = 0;
    const harvest = () => {
      for (const [name, receiver] of [
        ['measoft', measoft],
        ['abaha', abaha],
      ] as const) {
        handled += receiver.deliveries.length;
        startsOf[name].push(...(receiver.zapStarts as Event[]).map((event) => event.id));
        errors.push(...receiver.deliveries.flatMap((delivery) => (delivery.error ? [delivery.error.message] : [])));
        receiver.deliveries.length = 0;
      }
    };
    const heapAt: number[] = [];
    let peakRss = process.memoryUsage().rss;
    const base = new Date('2024-05-20T06:00:00Z').getTime();

    const started = performance.now();
    const cpuStarted = cpuNow();
    for (let i = 0; i < DELIVERIES; i += 1) {
      let delivery: Sent;
      if (i % REDELIVERY_EVERY === REDELIVERY_EVERY - 1) {
        delivery = sent[Math.floor(next() * sent.length)]!; // an earlier event, sent again unchanged
      } else if (i % 2 === 0) {
        const orderno = `LOAD-${String(i).padStart(5, '0')}`;
        const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
        const at = new Date(base + i * 60_000);
        // The trigger's event id: order number, status code and the branch's local time (UTC+3 here).
        const eventTime = new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
        delivery = {
          kind: 'measoft',
          body: measoftOrderXml({ orderno, status, at }),
          id: `${orderno}:${status}:${eventTime}`,
        };
        sent.push(delivery);
      } else {
        const id = String(500_000 + i);
        const modified = new Date(base + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
        delivery = {
          kind: 'abaha',
          body: JSON.stringify(abahaOrder({ id, cart_code: id.padStart(11, '0'), modified })),
          id: `order:${id}:${modified}`,
        };
        sent.push(delivery);
      }
      const reply =
        delivery.kind === 'measoft'
          ? await sendMeasoftStatus(measoft.url, delivery.body)
          : await fetch(abaha.url, {
              method: 'POST',
              body: delivery.body,
              headers: { 'Content-Type': 'application/json' },
            }).then((r) => r.status);
      replies.push(typeof reply === 'number' ? reply : reply.status);
      if ((i + 1) % BATCH === 0) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        harvest();
        collectGarbage();
        heapAt.push(process.memoryUsage().heapUsed);
      }
    }
    const elapsed = performance.now() - started;
    const cpuPerDelivery = (cpuNow() - cpuStarted) / DELIVERIES;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Warmed up after two batches: code compiled, caches filled.
    const heapPerDelivery = (heapAt[heapAt.length - 1]! - heapAt[1]!) / (DELIVERIES - 2 * BATCH);

    const distinct = {
      measoft: sent.filter((item) => item.kind === 'measoft'),
      abaha: sent.filter((item) => item.kind === 'abaha'),
    };
    console.log(
      `load: ${DELIVERIES} deliveries (${sent.length} distinct, ${DELIVERIES - sent.length} redelivered) in ${Math.round(elapsed)} ms: ` +
        `${(elapsed / DELIVERIES).toFixed(2)} ms per delivery (send, Zapier request shape, trigger, cache), ` +
        `${cpuPerDelivery.toFixed(2)} ms of CPU; ` +
        `live heap ${(heapPerDelivery / 1024).toFixed(1)} KB per delivery, peak RSS ${Math.round(peakRss / 1e6)} MB`,
    );

    expect(replies).toHaveLength(DELIVERIES);
    expect(replies.every((status) => status === 200)).toBe(true);
    expect(handled).toBe(DELIVERIES);
    expect(errors).toEqual([]);
    // Exactly one Zap start per distinct event, in the order first sent, none lost.
    expect(startsOf.measoft).toEqual(distinct.measoft.map((item) => item.id));
    expect(startsOf.abaha).toEqual(distinct.abaha.map((item) => item.id));
    expect(sent.length).toBe(DELIVERIES - DELIVERIES / REDELIVERY_EVERY);
    expect(heapPerDelivery).toBeLessThan(HEAP_PER_DELIVERY);
    expect(peakRss).toBeLessThan(CORE_KILL_RSS);
    expect(cpuPerDelivery).toBeLessThan(CPU_MS_PER_DELIVERY);
  }, 600_000);
});
