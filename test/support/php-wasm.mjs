/**
 * Real PHP for the tests without a system PHP: PHP 8.3 compiled to WebAssembly (WordPress
 * Playground's @php-wasm packages, installed by `npm ci`; DOM and libxml2 included). It runs in a
 * process of its own because jest's module sandbox cannot load the runtime's ES modules, and so a
 * test sees it as it saw php-cli and `php -S`. Used through test/support/php.ts:
 *
 *   node php-wasm.mjs run            JSON {code, input} on stdin; PHP's output on stdout, its
 *                                    errors on stderr, exit code 1 when PHP failed or complained.
 *   node php-wasm.mjs serve CONFIG   CONFIG is JSON {script, env}: an HTTP server on 127.0.0.1
 *                                    that hands every request to the script, as `php -S` does;
 *                                    prints "listening PORT" once it accepts connections.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { getPHPLoaderModule } from '@php-wasm/node-8-3';
import { loadPHPRuntime, PHP, setPhpIniEntries } from '@php-wasm/universal';

async function startPhp() {
  // Emscripten ends the process when PHP calls exit(); throwing lets PHP.run report instead.
  const runtime = await loadPHPRuntime(await getPHPLoaderModule(), {
    quit(_code, error) {
      throw error;
    },
  });
  const php = new PHP(runtime);
  // Errors go to stderr only, never into the output a test compares; every one of them counts.
  await setPhpIniEntries(php, { display_errors: '0', log_errors: '1', error_reporting: String(32767) });
  return php;
}

/** Runs the request and returns PHP's answer, also when PHP exited with an error. */
async function run(php, request) {
  try {
    return await php.run(request);
  } catch (error) {
    if (error && error.response) return error.response;
    throw error;
  }
}

const readAll = async (stream) => {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
};

async function runOnce() {
  const { code, input } = JSON.parse((await readAll(process.stdin)).toString('utf8'));
  const php = await startPhp();
  // The input arrives as the request body: the script reads it from php://input.
  const response = await run(php, {
    code,
    method: 'POST',
    body: Buffer.from(input ?? '', 'utf8'),
    headers: { 'content-type': 'application/octet-stream' },
  });
  process.stderr.write(response.errors);
  process.stdout.write(response.bytes, () => process.exit(response.exitCode === 0 && response.errors === '' ? 0 : 1));
}

async function serve(config) {
  const { script, env } = JSON.parse(config);
  const php = await startPhp();
  php.mkdirTree('/srv');
  php.writeFile('/srv/index.php', readFileSync(script));
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    // One request at a time, like `php -S`: one PHP instance serves them all.
    queue = queue.then(async () => {
      try {
        const body = await readAll(req);
        const headers = {};
        for (const [name, value] of Object.entries(req.headers))
          headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
        const response = await run(php, {
          scriptPath: '/srv/index.php',
          relativeUri: req.url,
          method: req.method,
          protocol: 'HTTP/1.1',
          headers,
          body: new Uint8Array(body),
          env,
        });
        if (response.errors) process.stderr.write(response.errors);
        res.writeHead(response.httpStatusCode, response.headers);
        res.end(Buffer.from(response.bytes));
      } catch (error) {
        process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
        res.writeHead(500).end();
      }
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

const [mode, config] = process.argv.slice(2);
if (mode === 'run') await runOnce();
else if (mode === 'serve') await serve(config);
else throw new Error(`usage: php-wasm.mjs run | serve CONFIG (got ${mode})`);
