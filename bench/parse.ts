/**
 * Webhook parsing: New Order Status's parser (the compiled lib/) on a large MeaSoft document
 * against a bare fast-xml-parser parse of the same string, each in fresh Node 22 processes that
 * alternate (sharing one process would let each side's JIT state slow the other). Also reports
 * the peak RSS of the process that parsed the document.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, nodeJson, ROOT, WORK } from './lib';

type Mode = 'app' | 'bare' | 'bare-validating';

const CHILD = `
  const fs = require('fs');
  const [file, mode, root] = process.argv.slice(1);
  const xml = fs.readFileSync(file, 'utf8');
  const { XMLParser } = require(root + '/node_modules/fast-xml-parser');
  const { parseMeasoftOrder } = require(root + '/lib/measoft/parse-order.js');
  const run = mode === 'app' ? () => parseMeasoftOrder(xml)
    : mode === 'bare' ? () => new XMLParser({ ignoreAttributes: false }).parse(xml)
    : () => new XMLParser({ ignoreAttributes: false }).parse(xml, true);
  for (let i = 0; i < 5; i += 1) run();
  const times = [];
  for (let i = 0; i < 15; i += 1) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ ms: times[7], maxRssKiB: process.resourceUsage().maxRSS }));
`;

export interface ParseResult {
  app: number;
  bare: number;
  bareValidating: number;
  docsPerSecond: number;
  peakRssMiB: number;
}

export function parseBench(document: string, rounds = 5): ParseResult {
  const file = path.join(WORK, 'measoft-order.xml');
  writeFileSync(file, document);
  const samples: Record<Mode, number[]> = { app: [], bare: [], 'bare-validating': [] };
  let peakRssKiB = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of Object.keys(samples) as Mode[]) {
      const result = nodeJson<{ ms: number; maxRssKiB: number }>(CHILD, [file, mode, ROOT]);
      samples[mode].push(result.ms);
      if (mode === 'app') peakRssKiB = Math.max(peakRssKiB, result.maxRssKiB);
    }
  }
  const app = median(samples.app);
  return {
    app,
    bare: median(samples.bare),
    bareValidating: median(samples['bare-validating']),
    docsPerSecond: 1000 / app,
    peakRssMiB: peakRssKiB / 1024,
  };
}
