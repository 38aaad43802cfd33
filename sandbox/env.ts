/**
 * `npm run sandbox`: starts every emulator and prints the .env lines that point the app (and
 * `zapier-platform invoke`, which reads .env from the project folder) at them, then keeps running
 * until Ctrl-C. The ports are fixed (SANDBOX_PORT, default 18401..18406) so the .env stays valid
 * across restarts; when they are taken, free ports are used and printed.
 *
 *   npm run sandbox                  # print the lines; copy them into .env
 *   npm run sandbox -- --write-env   # or write .env directly (it is git-ignored)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { envLines, startSandbox, type Sandbox } from './index';

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

async function main(): Promise<void> {
  const sandbox = await start();
  const lines = envLines(sandbox);
  const writeEnv = process.argv.includes('--write-env');
  if (writeEnv) {
    const file = path.join(__dirname, '..', '.env');
    writeFileSync(file, `# Written by npm run sandbox: the local sandbox, not real accounts.\n${lines.join('\n')}\n`);
    console.log(`Wrote ${file}:`);
  } else {
    console.log('# Put these lines in .env (or run `npm run sandbox -- --write-env`):');
  }
  console.log(lines.join('\n'));
  console.log(
    [
      '',
      '# The sandbox is running. In another terminal, for example:',
      '#   zapier-platform invoke create justclick_update_order_status --inputData ' +
        `'{"bill_id":"100001","status":"paid","date":"2024-05-01T10:00:00Z"}' --non-interactive`,
      `# JustClick bills: ${[...sandbox.justclick.bills.keys()].join(', ')}. Blacklisted phone: 79160000013 (karma 9).`,
      '# Known R-Lab tracks: ' +
        `${[...(sandbox.rlabState.user(sandbox.accounts.rlab_user_id)?.tracks.keys() ?? [])].join(', ')}.`,
      '# Press Ctrl-C to stop.',
    ].join('\n'),
  );
  for (const emulator of sandbox.emulators) {
    emulator.listeners.add((request) =>
      console.log(`${request.receivedAt.toISOString()} ${emulator.name}: ${request.method} ${request.path}`),
    );
  }
  const stop = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
