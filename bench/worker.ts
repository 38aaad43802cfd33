/**
 * A process that runs an app the way Zapier's Lambda runtime does: zapier-platform-core's
 * createAppHandler (what the CLI's zapierwrapper.js exports as the Lambda handler), called with
 * the app's path for a CommonJS app (the shipped bundle) or with its definition for an ES-module
 * app (the template), one event per invocation, without createAppTester's test cache. Core runs
 * as in production (NODE_ENV unset; its per-invocation memory line goes to stdout, ignored here).
 *
 * Each app gets the same hidden create, `bench_step`, whose perform makes one z.request (a POST
 * with a small JSON body) to the simulated vendor (bench/vendor.ts) and returns its record: the
 * same work for both, so what differs is what each definition and its middlewares cost in core.
 * Role `single` is the app with every trigger, create and search taken out but that one (the
 * retired one-operation yardstick, printed as information).
 *
 *   node -e WORKER serve ROLE ENTRY CORE   answers {url} messages with {ms} (one invocation each)
 *   node -e WORKER cold ROLE ENTRY CORE URL one first invocation, then {ms, coreMs, loadMs, firstMs}
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { NODE22, ROOT } from './lib';

export const CORE = path.join(ROOT, 'node_modules', 'zapier-platform-core');

export const WORKER = `
  const started = process.hrtime.bigint();
  const [mode, role, entry, corePath, coldUrl] = process.argv.slice(1);
  const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;
  const zapier = require(corePath);
  const coreAt = process.hrtime.bigint();
  const BENCH_CREATE = {
    key: 'bench_step',
    noun: 'Step',
    display: { label: 'Bench Step', description: 'Creates a step for the benchmark.', hidden: true },
    operation: {
      inputFields: [{ key: 'url', label: 'URL', required: true }],
      perform: async (z, bundle) => {
        const response = await z.request({ url: bundle.inputData.url, method: 'POST', body: { name: 'Bench' } });
        return response.data;
      },
      sample: { id: '1', name: 'Bench' },
      outputFields: [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }],
    },
  };
  const loaded = require(entry);
  const definition = loaded && loaded.platformVersion ? loaded : loaded && loaded.default;
  if (!definition || !definition.platformVersion) throw new Error('no app definition in ' + entry);
  if (role === 'single') {
    for (const group of ['triggers', 'creates', 'searches', 'searchOrCreates', 'searchAndCreates', 'resources'])
      if (group in definition) definition[group] = {};
  }
  definition.creates = { ...definition.creates, bench_step: BENCH_CREATE };
  const loadedAt = process.hrtime.bigint();
  // A CommonJS app by its path, as zapierwrapper.js does (core requires it in every invocation);
  // an ES module by its definition, as zapierwrapper.mjs does.
  const handler = zapier.createAppHandler(loaded === definition ? entry : definition);
  const event = (url) => ({
    command: 'execute',
    method: 'creates.bench_step.operation.perform',
    bundle: {
      authData: { apiKey: 'bench-key' },
      inputData: { url },
      meta: { isLoadingSample: false, isFillingDynamicDropdown: false, isTestingAuth: false,
              isPopulatingDedupe: false, limit: -1, page: 0, zap: { id: 'bench-zap' } },
    },
  });
  const invoke = async (url) => {
    const output = await handler(event(url));
    const result = output && output.results;
    if (!result || result.id !== '1' || result.name !== 'Bench')
      throw new Error('unexpected result ' + JSON.stringify(output).slice(0, 300));
  };
  const fail = (error) => { console.error(error); process.exit(1); };
  if (mode === 'cold') {
    const invokedAt = process.hrtime.bigint();
    invoke(coldUrl).then(() => {
      const ms = since(started);
      process.send({ ms, coreMs: Number(coreAt - started) / 1e6, loadMs: Number(loadedAt - coreAt) / 1e6,
                     firstMs: since(invokedAt) }, () => process.exit(0));
    }, fail);
  } else {
    process.on('message', (message) => {
      const t = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      invoke(message.url).then(() => {
        const used = process.cpuUsage(cpu);
        process.send({ ms: since(t), cpuMs: (used.user + used.system) / 1000 });
      }, fail);
    });
    process.on('disconnect', () => process.exit(0));
    process.send({ ready: true });
  }
`;

/** Core as Zapier runs it: no NODE_ENV=test (which would turn its output checks into errors and its logs off). */
export function productionEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' };
  delete env.NODE_ENV;
  return env;
}

function spawnWorker(args: string[]): ChildProcess {
  return spawn(NODE22, ['-e', WORKER, ...args], {
    cwd: ROOT,
    env: productionEnv(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

function nextMessage<T>(child: ChildProcess, stderr: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}): ${stderr().slice(-2000)}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** A long-lived process running one app: `invoke(url)` runs one invocation and returns its time (ms). */
export class Worker {
  private readonly child: ChildProcess;
  private stderr = '';
  readonly ready: Promise<unknown>;

  constructor(
    readonly role: 'app' | 'template' | 'single',
    entry: string,
  ) {
    this.child = spawnWorker(['serve', role, entry, CORE]);
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.ready = nextMessage(this.child, () => this.stderr);
  }

  /** The invocation's wall time, ms (the process's CPU time during it in `lastCpuMs`). */
  async invoke(url: string): Promise<number> {
    const reply = nextMessage<{ ms: number; cpuMs: number }>(this.child, () => this.stderr);
    this.child.send({ url });
    const { ms, cpuMs } = await reply;
    this.lastCpuMs = cpuMs;
    return ms;
  }

  lastCpuMs = 0;

  stop(): void {
    this.child.disconnect();
  }
}

export interface ColdRun {
  /** From the process's first line to the first invocation's result, ms. */
  ms: number;
  coreMs: number;
  loadMs: number;
  firstMs: number;
}

/** One fresh process: loads core and the app, runs its first invocation against `url`. */
export async function coldRun(role: 'app' | 'template', entry: string, url: string): Promise<ColdRun> {
  const child = spawnWorker(['cold', role, entry, CORE, url]);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return nextMessage<ColdRun>(child, () => stderr);
}
