/**
 * Real PHP as the reference for PHP-exact behaviour (http_build_query, $_POST parsing, libxml2's
 * reading of XML), with nothing to install beyond `npm ci`: PHP 8.3 compiled to WebAssembly runs
 * in a child process (test/support/php-wasm.mjs), as php-cli and `php -S` did.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const WORKER = path.join(__dirname, 'php-wasm.mjs');

/**
 * Runs PHP code (a script starting with `<?php`) and returns what it printed. `input` is the
 * request body: the script reads it with file_get_contents('php://input'). Any PHP error, warning
 * or notice fails the call, with PHP's message.
 */
export function runPhp(code: string, input = ''): string {
  const result = spawnSync(process.execPath, [WORKER, 'run'], {
    input: JSON.stringify({ code, input }),
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`PHP failed (exit ${result.status}): ${result.stderr}${result.stdout.slice(0, 2000)}`);
  return result.stdout;
}

export interface PhpServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What PHP wrote to stderr so far (warnings, errors). */
  errors(): string;
  close(): Promise<void>;
}

/**
 * Serves HTTP on 127.0.0.1 through a PHP script, as `php -S 127.0.0.1:PORT script.php` does: the
 * script sees the request in $_SERVER, $_POST and php://input, and getenv() reads `env`.
 */
export async function startPhpServer(script: string, env: Record<string, string> = {}): Promise<PhpServer> {
  const child = spawn(process.execPath, [WORKER, 'serve', JSON.stringify({ script, env })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error('the PHP server did not start within 15 s')), 15_000);
    const onExit = (code: number | null) => fail(new Error(`the PHP server exited (${code}): ${stderr}`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^listening (\d+)\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    errors: () => stderr,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
