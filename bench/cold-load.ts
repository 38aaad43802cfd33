/**
 * Cold load: a fresh Node 22 process loading an app definition, timed inside the process from
 * just before the import to just after (Node's own start-up, equal for both, is left out). The
 * two apps alternate so that drift in the machine's speed hits both alike.
 */
import { pathToFileURL } from 'node:url';
import { median, nodeJson } from './lib';

const LOADER = `
  const started = process.hrtime.bigint();
  import(process.argv[1]).then((mod) => {
    const app = mod.default && mod.default.default ? mod.default.default : mod.default;
    if (!app || !app.platformVersion) throw new Error('no app definition');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(JSON.stringify({ ms }));
  });
`;

export function coldLoad(appEntry: string, templateEntry: string, runs = 25, warmUp = 3): { app: number; template: number } {
  const app: number[] = [];
  const template: number[] = [];
  // The first pairs after a build read files the OS has not cached yet; they are not counted.
  for (let i = -warmUp; i < runs; i += 1) {
    const appMs = nodeJson<{ ms: number }>(LOADER, [pathToFileURL(appEntry).href]).ms;
    const templateMs = nodeJson<{ ms: number }>(LOADER, [pathToFileURL(templateEntry).href]).ms;
    if (i < 0) continue;
    app.push(appMs);
    template.push(templateMs);
  }
  return { app: median(app), template: median(template) };
}
