/**
 * Cold start: a fresh Node 22 process loads an app (which loads zapier-platform-core) and runs its
 * first invocation through core's createAppHandler, as Zapier's runtime does on a new container.
 * Timed inside the process from its first line to the invocation's result (Node's own start-up,
 * the same for both, is left out). The app is the built one (lib/ via index.js); the yardstick is
 * the CLI's TypeScript custom-auth template (bench/template.ts). Both are loaded with require()
 * (Node 22 loads the template's ES modules that way too), so both go through the same loader.
 *
 * The invocation is the same for both: a hidden trigger added to each definition whose perform
 * makes one z.request to a server in the bench process and returns one item. It is what every
 * first invocation pays (compiling the definition, core's middlewares, one request) without the
 * app's own operations, which differ from the template's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { median, nodeJsonAsync, progress, ROOT } from './lib';

const CHILD = `
  const started = process.hrtime.bigint();
  const [entry, url, corePath] = process.argv.slice(1);
  const loaded = require(entry);
  const app = loaded && loaded.platformVersion ? loaded : loaded.default;
  if (!app || !app.platformVersion) throw new Error('no app definition in ' + entry);
  const loadedAt = process.hrtime.bigint();
  const { createAppHandler } = require(corePath);
  const ping = async (z) => [{ id: String((await z.request({ url, method: 'GET' })).status) }];
  app.triggers = { ...app.triggers, bench_ping: { key: 'bench_ping', noun: 'Ping', display: { label: 'Ping', description: 'Triggers for the benchmark.', hidden: true }, operation: { perform: ping } } };
  createAppHandler(app)({ command: 'execute', method: 'triggers.bench_ping.operation.perform', bundle: { authData: {}, inputData: {} } })
    .then((output) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const results = output && output.results;
      if (!Array.isArray(results) || results[0].id !== '200') throw new Error('unexpected result ' + JSON.stringify(output));
      process.stdout.write(JSON.stringify({ ms, loadMs: Number(loadedAt - started) / 1e6 }));
      process.exit(0);
    })
    .catch((error) => { console.error(error); process.exit(1); });
`;

const CORE = path.join(ROOT, 'node_modules', 'zapier-platform-core');

export interface ColdStart {
  app: number;
  template: number;
  /** Medians of the load alone (before the first invocation), ms. */
  appLoad: number;
  templateLoad: number;
  runs: number;
}

export async function coldStart(appEntry: string, templateEntry: string, runs = 24, warmUp = 3): Promise<ColdStart> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' });
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
  const samples = {
    app: [] as number[],
    template: [] as number[],
    appLoad: [] as number[],
    templateLoad: [] as number[],
  };
  const once = (entry: string) => nodeJsonAsync<{ ms: number; loadMs: number }>(CHILD, [entry, url, CORE]);
  try {
    // The first pairs after a build read files the OS has not cached yet; they are not counted.
    for (let i = -warmUp; i < runs; i += 1) {
      const appFirst = i % 2 === 0;
      const first = await once(appFirst ? appEntry : templateEntry);
      const second = await once(appFirst ? templateEntry : appEntry);
      const [app, template] = appFirst ? [first, second] : [second, first];
      if (i < 0) continue;
      samples.app.push(app.ms);
      samples.template.push(template.ms);
      samples.appLoad.push(app.loadMs);
      samples.templateLoad.push(template.loadMs);
      if ((i + 1) % 8 === 0) progress(`cold start: ${i + 1}/${runs} pairs`);
    }
  } finally {
    server.close();
  }
  return {
    app: median(samples.app),
    template: median(samples.template),
    appLoad: median(samples.appLoad),
    templateLoad: median(samples.templateLoad),
    runs,
  };
}
