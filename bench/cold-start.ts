/**
 * Cold start: a fresh Node 22 process loads zapier-platform-core and the app as build.zip ships it
 * (bench/shipped.ts), and runs its first invocation through createAppHandler, as a new Lambda
 * container does; the yardstick is the CLI's TypeScript template the same way (bench/worker.ts,
 * mode `cold`). Timed inside the process from its first line to the invocation's result (Node's
 * own start-up, the same for both, is left out). The invocation is the same hidden create for both,
 * one z.request to the simulated vendor answering at once. Fresh processes alternate app/template
 * in pairs; the ratio is taken pair by pair.
 */
import { median, paired, progress, type Paired } from './lib';
import { coldRun, type ColdRun } from './worker';

export interface ColdStart extends Paired {
  /** Medians, ms: core's load, the app's load, the first invocation. */
  app: { coreMs: number; loadMs: number; firstMs: number };
  template: { coreMs: number; loadMs: number; firstMs: number };
}

export async function coldStart(
  appEntry: string,
  templateEntry: string,
  url: string,
  runs = 24,
  warmUp = 3,
): Promise<ColdStart> {
  const samples = { app: [] as ColdRun[], template: [] as ColdRun[] };
  // The first pairs after a build read files the OS has not cached yet; they are not counted.
  for (let i = -warmUp; i < runs; i += 1) {
    const appFirst = i % 2 === 0;
    const first = await coldRun(appFirst ? 'app' : 'template', appFirst ? appEntry : templateEntry, url);
    const second = await coldRun(appFirst ? 'template' : 'app', appFirst ? templateEntry : appEntry, url);
    if (i < 0) continue;
    samples.app.push(appFirst ? first : second);
    samples.template.push(appFirst ? second : first);
    if ((i + 1) % 8 === 0) progress(`cold start: ${i + 1}/${runs} pairs`);
  }
  const parts = (runs: ColdRun[]) => ({
    coreMs: median(runs.map((run) => run.coreMs)),
    loadMs: median(runs.map((run) => run.loadMs)),
    firstMs: median(runs.map((run) => run.firstMs)),
  });
  return {
    ...paired(
      samples.app.map((run) => run.ms),
      samples.template.map((run) => run.ms),
    ),
    app: parts(samples.app),
    template: parts(samples.template),
  };
}
