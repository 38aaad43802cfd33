/**
 * `npm run bench`: the app's cost, measured side by side with a yardstick in one run (these
 * machines are noisy, so only ratios taken in the same run are compared against targets).
 * Prints one table and exits non-zero when a target is missed. Not part of `npm test`.
 */
import os from 'node:os';
import path from 'node:path';
import { applyEnv, startSandbox } from '../sandbox';
import { buildSizes } from './build-size';
import { coldLoad } from './cold-load';
import { BIN, ROOT, run, type Row } from './lib';
import { measoftDocument } from './measoft-document';
import { batching, definitionCost, operationOverhead } from './operations';
import { parseBench } from './parse';
import { prepareTemplate } from './template';

const ratio = (a: number, b: number): number => a / b;
const fmt = (n: number, digits = 2): string => n.toFixed(digits);

async function main(): Promise<void> {
  const rows: Row[] = [];
  const template = prepareTemplate();

  const load = coldLoad(path.join(ROOT, 'index.js'), template.entry);
  const loadRatio = ratio(load.app, load.template);
  rows.push({
    measure: 'Cold load, app vs CLI TypeScript custom-auth template (median of 25 fresh processes)',
    value: `${fmt(load.app, 0)} ms vs ${fmt(load.template, 0)} ms = ${fmt(loadRatio)}x`,
    target: '<= 1.15x',
    ok: loadRatio <= 1.15,
  });

  const document = measoftDocument(1024 * 1024);
  const parse = parseBench(document);
  const parseRatio = ratio(parse.app, parse.bare);
  rows.push({
    measure: `New Order Status parse of a ${fmt(Buffer.byteLength(document) / 2 ** 20)} MiB MeaSoft document vs bare XMLParser.parse (median, fresh processes)`,
    value: `${fmt(parse.app, 1)} ms vs ${fmt(parse.bare, 1)} ms = ${fmt(parseRatio)}x (${fmt(parse.docsPerSecond, 1)} documents/s)`,
    target: '<= 1.30x',
    ok: parseRatio <= 1.3,
  });
  rows.push({
    measure: '  same, vs XMLParser.parse(xml, true) (fast-xml-parser with its validator, which the app needs)',
    value: `${fmt(parse.app, 1)} ms vs ${fmt(parse.bareValidating, 1)} ms = ${fmt(ratio(parse.app, parse.bareValidating))}x`,
    target: 'printed',
    ok: null,
  });
  rows.push({ measure: 'Peak RSS of a process parsing the 1 MiB document', value: `${fmt(parse.peakRssMiB, 0)} MiB`, target: 'printed', ok: null });

  const sandbox = await startSandbox();
  const restoreEnv = applyEnv(sandbox.urls);
  try {
    for (const op of await operationOverhead(sandbox)) {
      const opRatio = ratio(op.app, op.bare);
      rows.push({
        measure: `${op.name}: createAppTester vs bare fetch of the same request (median of 60)`,
        value: `${fmt(op.app)} ms vs ${fmt(op.bare)} ms = ${fmt(opRatio)}x`,
        target: '<= 2.00x',
        ok: opRatio <= 2,
      });
    }
    const cost = await definitionCost(sandbox);
    rows.push({
      measure: `  why: Find Track Status in an app with only that operation (core copies the ${fmt(cost.definitionKiB, 0)} KiB definition on every call)`,
      value: `${fmt(cost.single)} ms vs ${fmt(cost.full)} ms in the full app, bare fetch ${fmt(cost.bare)} ms = ${fmt(ratio(cost.single, cost.bare))}x`,
      target: 'printed',
      ok: null,
    });
    for (const batch of await batching(sandbox, [1, 100, 101, 1000])) {
      const expected = Math.ceil(batch.tracks / 100);
      rows.push({
        measure: `Add Tracking Number with ${batch.tracks} track(s): requests`,
        value: String(batch.requests),
        target: `= ${expected}`,
        ok: batch.requests === expected,
      });
    }
  } finally {
    restoreEnv();
    await sandbox.stop();
  }
  const tracks = JSON.parse(run(`${BIN}/tsx`, ['bench/add-tracks-child.ts', '1000'])) as { requests: number; maxRssKiB: number };
  rows.push({
    measure: 'Peak RSS of a process adding 1000 tracks (sandbox included)',
    value: `${fmt(tracks.maxRssKiB / 1024, 0)} MiB (${tracks.requests} requests)`,
    target: 'printed',
    ok: null,
  });

  const size = buildSizes(template.dir);
  rows.push({
    measure: 'build.zip size, app vs template',
    value: `${fmt(size.app / 1024, 0)} KiB vs ${fmt(size.template / 1024, 0)} KiB = ${fmt(ratio(size.app, size.template))}x`,
    target: 'printed',
    ok: null,
  });

  printTable(rows);
  const missed = rows.filter((row) => row.ok === false);
  if (missed.length > 0) {
    console.error(`\n${missed.length} target(s) missed.`);
    process.exitCode = 1;
  }
}

function printTable(rows: Row[]): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nBenchmark on ${os.cpus().length} x ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version} (runner)\n`);
  const header = ['Measure', 'Result', 'Target', 'Met'];
  const lines = rows.map((row) => [row.measure, row.value, row.target, row.ok === null ? '-' : row.ok ? 'yes' : 'NO']);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
