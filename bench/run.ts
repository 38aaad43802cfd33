/**
 * `npm run bench`: what a shop owner's Zap waits for and what the app costs Zapier's runtime, each
 * target a ratio against a yardstick measured side by side in the same run (these machines are
 * noisy, so only figures taken together are compared). Prints one table and progress on stderr;
 * exits non-zero when a target is missed. Not part of `npm test`. `npm run bench` builds lib/ first.
 *
 * The app measured is the one build.zip ships (the esbuild bundle of scripts/bundle.sh, bench/shipped.ts),
 * run through zapier-platform-core's createAppHandler as Zapier's Lambda wrapper runs it (bench/worker.ts);
 * the yardstick is the CLI's TypeScript template (bench/template.ts).
 */
import './env';
import os from 'node:os';
import { applyEnv, startSandbox } from '../sandbox';
import { buildSizes } from './build-size';
import { coldStart } from './cold-start';
import { fmt, MiB, progress, type Paired, type Row } from './lib';
import { memoryPerInvocation } from './memory';
import { measoftDocument } from './measoft-document';
import { countNodes } from './nodes';
import { batching, loadApp } from './operations';
import { documentFile, parseMemory, parseTime } from './parse';
import { prepareShipped } from './shipped';
import { stepTimes } from './step';
import { prepareTemplate } from './template';
import { startVendor } from './vendor';

const TARGETS = {
  /** Step time at the vendor's round trip (ms): app / template, median of the pair ratios. */
  step: new Map([
    [150, 1.02],
    [400, 1.01],
  ]),
  coldStart: 1.1,
  /** Live heap growth per invocation, bytes. */
  memoryPerInvocation: 100,
  parse: 1.15,
  parseMemory: 1.2,
  triggerRssMiB: 300,
  buildSize: 1.15,
};
const STEP_PAIRS = new Map([
  [150, 100],
  [400, 50],
]);
const MEMORY_INVOCATIONS = 20_000;

const x = (n: number, digits = 3) => `${fmt(n, digits)}x`;
/** "1.034x (pairs 100, quartiles 1.021-1.047, 95 % CI 1.028-1.039)" */
const spread = (p: Paired) =>
  `quartiles ${fmt(p.q1, 3)}-${fmt(p.q3, 3)}, 95 % CI of the median ${fmt(p.low, 3)}-${fmt(p.high, 3)}`;

/** Information rows: both the median pair ratio and the ratio of the medians (they part when pairs are noisy). */
const info = (p: Paired) =>
  `${fmt(p.a, 1)} ms vs ${fmt(p.b, 1)} ms: ${x(p.ratio, 2)} (ratio of medians ${x(p.a / p.b, 2)}; ${spread(p)})`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = Date.now();
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  const loadAtStart = load();
  progress(`load average ${loadAtStart}; preparing the CLI TypeScript template and the shipped bundle`);
  const template = prepareTemplate();
  const shipped = prepareShipped();
  const vendor = await startVendor();
  try {
    // Timing first, with nothing else of the bench running.
    const plan = [...STEP_PAIRS].map(([delayMs, pairs]) => ({ delayMs, pairs }));
    const steps = await stepTimes(shipped, template.entry, vendor.base, plan);
    for (const step of steps.steps) {
      const target = TARGETS.step.get(step.delayMs)!;
      rows.push({
        measure:
          `Step time: a create with one z.request, vendor answering after ${step.delayMs} ms, through ` +
          `createAppHandler, app vs template (median of ${step.pairs} A/B pairs)`,
        value: `${fmt(step.a, 1)} ms vs ${fmt(step.b, 1)} ms: ${x(step.ratio)} (${spread(step)})`,
        target: `<= ${target}x`,
        ok: step.ratio <= target,
      });
    }
    rows.push(
      {
        measure: '  information: the same step, vendor answering at once, app vs template (core work + request)',
        value: info(steps.coreOnly),
        target: 'printed',
        ok: null,
      },
      {
        measure:
          `  information (retired target): app (${countNodes(loadApp())} definition nodes) vs the app holding ` +
          'only that create, vendor answering at once',
        value: info(steps.single),
        target: 'printed',
        ok: null,
      },
    );

    progress('cold start: fresh processes, app and template alternating');
    const cold = await coldStart(shipped, template.entry, `${vendor.base}/delay/0`);
    rows.push({
      measure: `Cold start: fresh process, core + shipped app loaded, first invocation, app vs template (${cold.pairs} pairs)`,
      value:
        `${fmt(cold.a, 0)} ms vs ${fmt(cold.b, 0)} ms: ${x(cold.ratio)} (${spread(cold)}; core ` +
        `${fmt(cold.app.coreMs, 0)} vs ${fmt(cold.template.coreMs, 0)} ms, app ${fmt(cold.app.loadMs, 0)} vs ` +
        `${fmt(cold.template.loadMs, 0)} ms, first invocation ${fmt(cold.app.firstMs, 0)} vs ` +
        `${fmt(cold.template.firstMs, 0)} ms)`,
      target: `<= ${TARGETS.coldStart}x`,
      ok: cold.ratio <= TARGETS.coldStart,
    });

    for (const [size, rounds, warm, timed] of [
      [1, 4, 4, 12],
      [10, 3, 1, 3],
    ] as const) {
      const document = measoftDocument(size * MiB);
      const file = documentFile(`measoft-${size}mib.xml`, document);
      const parse = parseTime(file, Buffer.byteLength(document), rounds, warm, timed);
      rows.push({
        measure:
          `Parse: New Order Status on the ${fmt(parse.bytes / MiB)} MiB document vs fast-xml-parser with the ` +
          `app's last options (median, ${rounds} fresh processes each)`,
        value:
          `${fmt(parse.app, 1)} ms vs ${fmt(parse.bare, 1)} ms = ${x(parse.ratio, 2)} ` +
          `(${fmt(parse.docsPerSecond, 2)} vs ${fmt(parse.bareDocsPerSecond, 2)} documents/s)`,
        target: `<= ${TARGETS.parse}x`,
        ok: parse.ratio <= TARGETS.parse,
      });
    }

    // Not a timing: memory runs beside what is not timed (parse memory, batching, build size); every
    // timing before it (step times, cold start, parse time) runs with nothing else of the bench running.
    progress(`memory: ${MEMORY_INVOCATIONS} webhook deliveries each, app and template (in the background)`);
    const memory = Promise.all([
      memoryPerInvocation('app', shipped, vendor.base, MEMORY_INVOCATIONS),
      memoryPerInvocation('template', template.entry, vendor.base, MEMORY_INVOCATIONS),
    ]);
    // Keep the rejection from going unhandled while the rest runs; awaited below.
    memory.catch(() => undefined);

    progress('parse memory: one cold parse per fresh process, and the trigger through core');
    const memoryFile = documentFile('measoft-10mib.xml', measoftDocument(10 * MiB));
    const parsed = parseMemory(memoryFile);
    rows.push(
      {
        measure: 'Parse memory: peak RSS of one cold parse of the 10 MiB document, app vs fast-xml-parser',
        value: `${fmt(parsed.app, 0)} MiB vs ${fmt(parsed.bare, 0)} MiB = ${x(parsed.ratio, 2)}`,
        target: `<= ${TARGETS.parseMemory}x`,
        ok: parsed.ratio <= TARGETS.parseMemory,
      },
      {
        measure: 'Parse memory: peak RSS of New Order Status through core (createAppTester), 10 MiB document',
        value: `${fmt(parsed.trigger, 0)} MiB`,
        target: `< ${TARGETS.triggerRssMiB} MiB`,
        ok: parsed.trigger < TARGETS.triggerRssMiB,
      },
    );

    progress('batching: Add Tracking Number with 1, 100, 101, 1000 tracks against the sandbox');
    const sandbox = await startSandbox();
    const restoreEnv = applyEnv(sandbox.urls);
    try {
      for (const batch of await batching(loadApp(), sandbox, [1, 100, 101, 1000])) {
        const expected = Math.ceil(batch.tracks / 100);
        rows.push({
          measure: `Batching: Add Tracking Number with ${batch.tracks} track(s), requests`,
          value: String(batch.requests),
          target: `= ${expected}`,
          ok: batch.requests === expected,
        });
      }
    } finally {
      restoreEnv();
      await sandbox.stop();
    }

    progress('build size: zapier-platform build of the app and of the template');
    const size = buildSizes(template.dir);
    rows.push({
      measure: 'Build size: build.zip, app vs template',
      value: `${fmt(size.app / 1024, 0)} KiB vs ${fmt(size.template / 1024, 0)} KiB = ${x(size.app / size.template, 2)}`,
      target: `<= ${TARGETS.buildSize}x`,
      ok: size.app / size.template <= TARGETS.buildSize,
    });

    progress('memory: waiting for the deliveries to finish');
    const [app, yardstick] = await memory;
    rows.splice(steps.steps.length + 3, 0, {
      measure:
        `Memory: live heap growth per invocation after a full GC, ${app.invocations} webhook deliveries ` +
        'through createAppHandler (one event-loop turn apart), app (template beside it)',
      value:
        `${fmt(app.perInvocation, 1)} B (${fmt(app.start / MiB, 1)} -> ${fmt(app.end / MiB, 1)} MiB, slope ` +
        `${fmt(app.slope, 1)} B; ${fmt(app.seconds, 0)} s) vs template ${fmt(yardstick.perInvocation, 1)} B ` +
        `(slope ${fmt(yardstick.slope, 1)} B)`,
      target: `<= ${TARGETS.memoryPerInvocation} B`,
      ok: app.perInvocation <= TARGETS.memoryPerInvocation,
    });
  } finally {
    vendor.stop();
  }

  printTable(rows, (Date.now() - started) / 1000, loadAtStart, load());
  const missed = rows.filter((row) => row.ok === false);
  if (missed.length > 0) {
    console.error(`\n${missed.length} target(s) missed: ${missed.map((row) => row.measure.split(':')[0]).join(', ')}.`);
    process.exitCode = 1;
  }
}

function table(header: string[], lines: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)];
}

function printTable(rows: Row[], seconds: number, loadAtStart: string, loadAtEnd: string): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [];
  out.push(
    `\nBenchmark ${new Date().toISOString()} on ${os.cpus().length} x ${cpu}, ` +
      `${fmt(os.totalmem() / 2 ** 30, 0)} GiB, runner Node ${process.version}, children Node 22; ` +
      `${fmt(seconds, 0)} s; load average at start ${loadAtStart}, at end ${loadAtEnd}\n`,
  );
  out.push(
    ...table(
      ['Measure', 'Result', 'Target', 'Met'],
      rows.map((row) => [row.measure, row.value, row.target, row.ok === null ? '-' : row.ok ? 'yes' : 'NO']),
    ),
  );
  console.log(out.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
