/**
 * Parse time and memory of New Order Status's parser (parseMeasoftOrder in the compiled
 * lib/measoft/read-order.js, what the trigger's perform calls on the raw body) against
 * fast-xml-parser configured with the app's own options, on the bench's MeaSoft documents.
 *
 * The app's options: the app now reads XML in one pass of its own (src/measoft/xml-reader.ts,
 * which also checks well-formedness, as fast-xml-parser does not), so the yardstick is
 * fast-xml-parser with the options the app gave it until then, not its faster defaults.
 *
 * Every measure runs in fresh Node 22 processes that alternate (sharing one process would let
 * each side's JIT and heap state slow the other).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, MiB, nodeJson, progress, ROOT, WORK } from './lib';

/** Shared by the children: loads the app's parser and the yardstick parser with the app's options. */
const PRELUDE = `
  const fs = require('fs');
  const root = process.argv[1];
  const fxp = require(root + '/node_modules/fast-xml-parser');
  const parserModule = require(root + '/lib/measoft/read-order.js');
  const { parseMeasoftOrder } = parserModule;
  if (typeof parseMeasoftOrder !== 'function') throw new Error('lib/measoft/read-order.js exports no parseMeasoftOrder');
  // The app reads XML itself since it checks well-formedness and builds the tree in one pass
  // (src/measoft/xml-reader.ts). The yardstick keeps the options the app gave fast-xml-parser until
  // then (the order reader before that change): attributes and text in their own keys,
  // every element a list, nothing decoded or trimmed by the parser, names checked by a callback.
  const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
  const checkName = (name) => { if (FORBIDDEN.has(name)) throw new Error('forbidden name ' + name); return name; };
  function appOptions() {
    return {
      source: "the app's last fast-xml-parser options (before it read XML in one pass)",
      options: {
        ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: ':@', textNodeName: '#text',
        isArray: () => true, alwaysCreateTextNode: true, processEntities: false, htmlEntities: false,
        parseTagValue: false, parseAttributeValue: false, trimValues: false, ignoreDeclaration: true,
        ignorePiTags: true, cdataPropName: '#cdata', transformTagName: checkName, transformAttributeName: checkName,
        onDangerousProperty: (name) => name, jPath: false,
      },
    };
  }
`;

const TIME_CHILD = `${PRELUDE}
  const [, file, mode, warm, timed] = process.argv.slice(1);
  const xml = fs.readFileSync(file, 'utf8');
  const { source, options } = appOptions();
  const run = mode === 'app' ? () => parseMeasoftOrder(xml) : () => new fxp.XMLParser(options).parse(xml);
  const probe = run();
  if (mode === 'app' && !probe.orderno) throw new Error('the app parsed no orderno');
  for (let i = 0; i < Number(warm); i += 1) run();
  const times = [];
  for (let i = 0; i < Number(timed); i += 1) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], source }));
`;

/** One cold parse: the file read, the parser loaded (and, for the yardstick, the app's options read), one parse. */
const MEMORY_CHILD = `${PRELUDE}
  const [, file, mode] = process.argv.slice(1);
  const xml = fs.readFileSync(file, 'utf8');
  const options = mode === 'app' ? null : appOptions().options;
  const result = mode === 'app' ? parseMeasoftOrder(xml) : new fxp.XMLParser(options).parse(xml);
  if (!result) throw new Error('nothing parsed');
  process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
`;

/** The full trigger through core: createAppTester, New Order Status's perform, the document as Zapier's rawRequest. */
const TRIGGER_CHILD = `
  const fs = require('fs');
  const [root, file] = process.argv.slice(1);
  const { createAppTester } = require(root + '/node_modules/zapier-platform-core');
  const app = require(root + '/index.js');
  const trigger = app.triggers && app.triggers.order_status;
  if (!trigger) throw new Error('the app has no trigger order_status (New Order Status)');
  const content = fs.readFileSync(file, 'utf8');
  const bundle = {
    authData: {},
    inputData: {},
    meta: {},
    rawRequest: { method: 'POST', querystring: '', headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(Buffer.byteLength(content)) }, content },
    cleanedRequest: { querystring: {} },
  };
  createAppTester(app)(trigger.operation.perform, bundle).then((results) => {
    if (!Array.isArray(results) || results.length !== 1) throw new Error('expected one event, got ' + JSON.stringify(results).slice(0, 200));
    process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  }).catch((error) => { console.error(error); process.exit(1); });
`;

export interface ParseTime {
  bytes: number;
  app: number;
  bare: number;
  ratio: number;
  docsPerSecond: number;
  bareDocsPerSecond: number;
  optionsSource: string;
}

export function documentFile(name: string, document: string): string {
  const file = path.join(WORK, name);
  writeFileSync(file, document);
  return file;
}

export function parseTime(file: string, bytes: number, rounds: number, warm: number, timed: number): ParseTime {
  const samples = { app: [] as number[], bare: [] as number[] };
  let optionsSource = '';
  for (let round = 0; round < rounds; round += 1) {
    const modes = round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const mode of modes) {
      const result = nodeJson<{ ms: number; source: string }>(TIME_CHILD, [
        ROOT,
        file,
        mode,
        String(warm),
        String(timed),
      ]);
      samples[mode].push(result.ms);
      optionsSource = result.source;
    }
    progress(`parse ${(bytes / MiB).toFixed(0)} MiB: round ${round + 1}/${rounds}`);
  }
  const app = median(samples.app);
  const bare = median(samples.bare);
  return {
    bytes,
    app,
    bare,
    ratio: app / bare,
    docsPerSecond: 1000 / app,
    bareDocsPerSecond: 1000 / bare,
    optionsSource,
  };
}

export interface ParseMemory {
  /** Peak RSS, MiB (median over fresh processes). */
  app: number;
  bare: number;
  ratio: number;
  trigger: number;
}

export function parseMemory(file: string, rounds = 3): ParseMemory {
  const samples = { app: [] as number[], bare: [] as number[], trigger: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    const modes = round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const mode of modes)
      samples[mode].push(nodeJson<{ maxRssKiB: number }>(MEMORY_CHILD, [ROOT, file, mode]).maxRssKiB / 1024);
    samples.trigger.push(nodeJson<{ maxRssKiB: number }>(TRIGGER_CHILD, [ROOT, file]).maxRssKiB / 1024);
    progress(`parse memory: round ${round + 1}/${rounds}`);
  }
  const app = median(samples.app);
  const bare = median(samples.bare);
  return { app, bare, ratio: app / bare, trigger: median(samples.trigger) };
}
