/**
 * `npm run bench`: the app's cost, measured side by side with a yardstick in one run (these
 * machines are noisy, so only ratios taken in the same run are compared against targets).
 * Prints one table and exits non-zero when a target is missed. Not part of `npm test`.
 */
import os from 'node:os';
import path from 'node:path';
import { buildSizes } from './build-size';
import { coldLoad } from './cold-load';
import { ROOT, type Row } from './lib';
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
