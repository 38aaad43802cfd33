/**
 * Step time: one create through core's createAppHandler making one z.request to the simulated
 * vendor (bench/vendor.ts, its own process), the shipped app against the CLI's TypeScript
 * template, each in a long-lived process of its own (as a warm Lambda container), invocations
 * one at a time in A/B pairs whose order alternates, after uncounted warm-up pairs. What the user
 * waits for is the whole step, vendor included; the ratio is taken pair by pair (lib.ts, paired).
 */
import { paired, progress, type Paired } from './lib';
import { Worker } from './worker';

export interface StepTime extends Paired {
  delayMs: number;
}

async function pairs(
  a: Worker,
  b: Worker,
  url: string,
  count: number,
  warmUp: number,
  label: string,
): Promise<{ a: number[]; b: number[] }> {
  const samples = { a: [] as number[], b: [] as number[] };
  for (let i = -warmUp; i < count; i += 1) {
    const aFirst = i % 2 === 0;
    const first = await (aFirst ? a : b).invoke(url);
    const second = await (aFirst ? b : a).invoke(url);
    if (i < 0) continue;
    samples.a.push(aFirst ? first : second);
    samples.b.push(aFirst ? second : first);
    if ((i + 1) % 25 === 0 || i + 1 === count) progress(`${label}: ${i + 1}/${count} pairs`);
  }
  return samples;
}

export async function stepTimes(
  appEntry: string,
  templateEntry: string,
  vendorBase: string,
  plan: Array<{ delayMs: number; pairs: number }>,
): Promise<{ steps: StepTime[]; single: Paired; coreOnly: Paired }> {
  const app = new Worker('app', appEntry);
  const template = new Worker('template', templateEntry);
  const single = new Worker('single', appEntry);
  try {
    await Promise.all([app.ready, template.ready, single.ready]);
    const steps: StepTime[] = [];
    for (const { delayMs, pairs: count } of plan) {
      const samples = await pairs(app, template, `${vendorBase}/delay/${delayMs}`, count, 6, `step ${delayMs} ms`);
      steps.push({ delayMs, ...paired(samples.a, samples.b) });
    }
    // Information only: the vendor answering at once, so the step is core's work and the request.
    const now = `${vendorBase}/delay/0`;
    const vsSingle = await pairs(app, single, now, 100, 10, 'step 0 ms, app vs one-operation app');
    const vsTemplate = await pairs(app, template, now, 100, 0, 'step 0 ms, app vs template');
    return { steps, single: paired(vsSingle.a, vsSingle.b), coreOnly: paired(vsTemplate.a, vsTemplate.b) };
  } finally {
    app.stop();
    template.stop();
    single.stop();
  }
}
