/**
 * Run in a fresh process by the benchmark: adds N tracks through Add Tracking Number against the
 * sandbox and prints the process's peak RSS, so the figure is the app's and not the benchmark's.
 */
import { applyEnv, startSandbox } from '../sandbox';
import { batching } from './operations';

(async () => {
  const count = Number(process.argv[2] ?? 1000);
  const sandbox = await startSandbox();
  applyEnv(sandbox.urls);
  const [result] = await batching(sandbox, [count]);
  await sandbox.stop();
  process.stdout.write(JSON.stringify({ ...result, maxRssKiB: process.resourceUsage().maxRSS }));
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
