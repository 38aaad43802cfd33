/**
 * The deliveries of the load test (load.test.ts), run in a process of their own: forked by the test
 * with tsx, it starts the receivers, sends every delivery, and sends back what the test asserts on.
 *
 * Why a process of its own: zapier-platform-core ends the process it runs in (process.exit(1)) once
 * it has run more than 250 invocations with RSS above 450 MB (src/tools/memory-checker.js). Inside a
 * jest worker, RSS also holds what every earlier test file left behind, so the verdict on this
 * file's memory depended on the files that ran before it, and a worker killed this way is restarted
 * by jest, which runs the file again without saying so. Here RSS is this run's own, as in a fresh
 * Zapier process; if core ends it, the test fails with the exit code and core's line.
 *
 * Memory: each invocation through createAppTester allocates a few hundred KB, most of it garbage V8
 * collects only under pressure. So every 100 deliveries the run keeps only what the test asserts on
 * (event ids, errors) from the receivers' records, runs a full garbage collection (node runs this
 * file with --expose-gc) and measures the live heap: memory something still holds survives the
 * collection, so no leak is hidden.
 */
import { startReceiver, stopReceivers } from '../../sandbox/receiver';
import { abahaOrder, measoftOrderXml, sendMeasoftStatus, type MeasoftStatusCode } from '../../sandbox/senders';
import { cpuNow } from '../support/cpu-time';

export const DELIVERIES = 1000;
export const REDELIVERY_EVERY = 10;
export const BATCH = 100;

/** What the run reports to the test. */
export interface LoadResult {
  deliveries: number;
  /** The events sent once each (redeliveries excluded): kind and the id the trigger must give it. */
  sent: Array<{ kind: 'measoft' | 'abaha'; id: string }>;
  /** Each delivery's HTTP status. */
  replies: number[];
  /** Deliveries the receivers handled. */
  handled: number;
  /** The ids of the items the triggers returned (Zap starts), in order, per receiver. */
  startsOf: { measoft: string[]; abaha: string[] };
  errors: string[];
  /** Live heap after a full collection, every BATCH deliveries. */
  heapAt: number[];
  peakRss: number;
  wallMs: number;
  cpuMs: number;
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

const STATUSES: MeasoftStatusCode[] = ['ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'];

async function run(): Promise<LoadResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run load-run.ts with node --expose-gc');
  const measoft = await startReceiver({ triggerKey: 'order_status' });
  const abaha = await startReceiver({ triggerKey: 'abaha_order' });
  try {
    const next = random(20261123);
    const sent: Sent[] = [];
    const replies: number[] = [];
    const startsOf = { measoft: [] as string[], abaha: [] as string[] };
    const errors: string[] = [];
    let handled = 0;
    const harvest = () => {
      for (const [name, receiver] of [
        ['measoft', measoft],
        ['abaha', abaha],
      ] as const) {
        handled += receiver.deliveries.length;
        startsOf[name].push(...(receiver.zapStarts as Array<{ id: string }>).map((event) => event.id));
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
          ? (await sendMeasoftStatus(measoft.url, delivery.body)).status
          : await fetch(abaha.url, {
              method: 'POST',
              body: delivery.body,
              headers: { 'Content-Type': 'application/json' },
            }).then(async (response) => {
              await response.arrayBuffer(); // read to the end, so the connection is free again
              return response.status;
            });
      replies.push(reply);
      if ((i + 1) % BATCH === 0) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        harvest();
        gc();
        heapAt.push(process.memoryUsage().heapUsed);
      }
    }
    const wallMs = performance.now() - started;
    const cpuMs = cpuNow() - cpuStarted;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      deliveries: DELIVERIES,
      sent: sent.map(({ kind, id }) => ({ kind, id })),
      replies,
      handled,
      startsOf,
      errors,
      heapAt,
      peakRss,
      wallMs,
      cpuMs,
    };
  } finally {
    await measoft.close();
    await abaha.close();
    await stopReceivers();
  }
}

if (require.main === module) {
  run().then(
    // Disconnecting closes the IPC channel, the last thing holding the process: it then ends by itself,
    // so a handle the run left open (a server, a socket, a timer) shows as a process that never ends.
    (result) => process.send!(result, () => process.disconnect()),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
