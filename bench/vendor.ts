/**
 * The simulated vendor: an HTTP server on 127.0.0.1 in a process of its own (so its work never
 * shares an event loop with the app's), answering `POST /delay/<ms>` with a small JSON record
 * after <ms> milliseconds, the round trip of a vendor in Russia or Vietnam seen from Zapier's
 * servers (150-400 ms). Both apps call the same server.
 *
 * It also stands in for Zapier's RPC endpoint (`POST /rpc`, the JSON-RPC that core's z.cache
 * calls with the event's token): zcache_set/get/delete on a store kept in this process, so a
 * webhook trigger's redelivery guard makes the round trip it makes on Zapier, and the keys it
 * records are kept here, not in the process measured.
 */
import { spawn } from 'node:child_process';
import { NODE22 } from './lib';

const SERVER = `
  const http = require('http');
  const store = new Map();
  const rpc = (method, [key, value = null, , , nx]) => {
    if (method === 'zcache_get') return store.has(key) ? store.get(key) : null;
    if (method === 'zcache_delete') return store.delete(key);
    if (method === 'zcache_set') {
      if (nx && store.has(key)) return false;
      store.set(key, value);
      return true;
    }
    throw new Error('the stand-in has no RPC method ' + method);
  };
  const server = http.createServer((request, response) => {
    if (request.url === '/rpc') {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const call = JSON.parse(body);
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: call.id, result: rpc(call.method, call.params) }));
      });
      return;
    }
    const match = /^\\/delay\\/(\\d+)/.exec(request.url || '');
    const delay = match ? Number(match[1]) : 0;
    request.resume();
    request.on('end', () => setTimeout(() => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"id":"1","name":"Bench"}');
    }, delay));
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
`;

export interface Vendor {
  /** `${base}/delay/<ms>` answers after <ms> milliseconds. */
  base: string;
  stop: () => void;
}

export function startVendor(): Promise<Vendor> {
  const child = spawn(NODE22, ['-e', SERVER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the vendor process exited (${code})`)));
    child.once('message', (message: { port: number }) =>
      resolve({
        base: `http://127.0.0.1:${message.port}`,
        stop: () => {
          child.removeAllListeners('exit');
          child.kill();
        },
      }),
    );
  });
}
