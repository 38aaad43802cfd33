/**
 * `npm run sandbox`: starts every emulator and prints the .env lines that point the app (and
 * `zapier-platform invoke`, which reads .env from the project folder) at them, then keeps running
 * until Ctrl-C. The ports are fixed (SANDBOX_PORT, default 18401..18406, and 18407 for steering) so
 * the .env stays valid across restarts; when they are taken, free ports are used and printed.
 *
 *   npm run sandbox                  # print the lines; copy them into .env
 *   npm run sandbox -- --write-env   # or merge them into .env (git-ignored; other lines are kept)
 *   npm run sandbox -- steer ...     # from another terminal: change the running sandbox (steer.ts)
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeMerge, mergeEnv } from './env-file';
import { envLines, startSandbox, type Sandbox } from './index';
import { sendSteer, startControl, STEER_USAGE, type Control } from './steer';

const DEFAULT_BASE_PORT = 18401;

async function start(): Promise<Sandbox> {
  const basePort = Number(process.env.SANDBOX_PORT ?? DEFAULT_BASE_PORT);
  try {
    return await startSandbox({ basePort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`Ports ${basePort}..${basePort + 5} are taken; using free ports instead.`);
    return startSandbox();
  }
}

/** The steering address: SANDBOX_CONTROL_URL, or the port after the emulators' fixed ones. */
const controlUrl = (): string =>
  process.env.SANDBOX_CONTROL_URL ?? `http://127.0.0.1:${Number(process.env.SANDBOX_PORT ?? DEFAULT_BASE_PORT) + 6}`;

async function startSteering(sandbox: Sandbox): Promise<Control> {
  const port = Number(process.env.SANDBOX_PORT ?? DEFAULT_BASE_PORT) + 6;
  try {
    return await startControl(sandbox, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startControl(sandbox);
  }
}

/** Merges the lines into .env, writing a new file beside it first so a crash leaves the old one whole. */
function writeEnv(lines: string[]): void {
  const file = path.join(__dirname, '..', '.env');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const merge = mergeEnv(existing, lines);
  const temporary = `${file}.sandbox-${process.pid}`;
  writeFileSync(temporary, merge.text, { mode: existing === undefined ? 0o600 : statSync(file).mode & 0o777 });
  renameSync(temporary, file);
  console.log(describeMerge(file, merge));
}

async function steerCommand(words: string[]): Promise<void> {
  const url = controlUrl();
  let answer: { ok: boolean; text: string };
  try {
    answer = await sendSteer(url, words);
  } catch {
    console.error(
      `No sandbox answers at ${url}: start it with \`npm run sandbox\` in another terminal ` +
        '(or set SANDBOX_CONTROL_URL to the steering address it printed).',
    );
    process.exit(1);
  }
  (answer.ok ? console.log : console.error)(answer.text);
  if (!answer.ok) process.exit(1);
}

async function main(): Promise<void> {
  const steerAt = process.argv.indexOf('steer');
  if (steerAt >= 0) {
    const words = process.argv.slice(steerAt + 1);
    if (words.length === 0) {
      console.log(`npm run sandbox -- ${STEER_USAGE.split('\n').join('\nnpm run sandbox -- ')}`);
      return;
    }
    return steerCommand(words);
  }
  const sandbox = await start();
  const control = await startSteering(sandbox);
  const lines = envLines(sandbox);
  if (process.argv.includes('--write-env')) {
    writeEnv(lines);
  } else {
    console.log('# Put these lines in .env (or run `npm run sandbox -- --write-env`):');
  }
  console.log(lines.join('\n'));
  const steerPrefix = control.url === controlUrl() ? '' : `SANDBOX_CONTROL_URL=${control.url} `;
  console.log(
    [
      '',
      '# The sandbox is running. In another terminal, for example (DISABLE_ZAPIER_ANALYTICS keeps the CLI offline):',
      '#   export DISABLE_ZAPIER_ANALYTICS=1',
      '#   npx zapier-platform invoke create justclick_update_order_status --inputData ' +
        `'{"bill_id":"100001","status":"paid","date":"2024-05-01T10:00:00Z"}' --non-interactive`,
      `# JustClick bills: ${[...sandbox.justclick.bills.keys()].join(', ')}. Blacklisted phone: 79160000013 (karma 9).`,
      '# Known R-Lab tracks: ' +
        `${[...(sandbox.rlabState.user(sandbox.accounts.rlab_user_id)?.tracks.keys() ?? [])].join(', ')}.`,
      `# Steer it (${control.url}): ${steerPrefix}npm run sandbox -- steer list | measoft-next ORDERNO | ` +
        'justclick-pay BILL_ID | blacklist-add PHONE',
      '# Press Ctrl-C to stop.',
    ].join('\n'),
  );
  for (const emulator of sandbox.emulators) {
    emulator.listeners.add((request) =>
      console.log(`${request.receivedAt.toISOString()} ${emulator.name}: ${request.method} ${request.path}`),
    );
  }
  const stop = () => {
    void Promise.all([sandbox.stop(), control.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
