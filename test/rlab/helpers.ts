/**
 * Local stand-ins for R-Lab's hosts: real HTTP servers on 127.0.0.1 that check each request's key
 * the way R-Lab does (its own md5, not the app's), record what arrived, and answer as told.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { md5 } from '../support/hash';

// The R-Lab API document's example account: user 1, key 3c6e...
export const USER_ID = '1';
export const API_KEY = '3c6e0b8a9c15224a8228b9a98ca1531d';
export const authData = { rlab_user_id: USER_ID, rlab_api_key: API_KEY };

export type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
/** What a fake answers: a status and a body (an object is sent as JSON), or 'hang' to never answer. */
export type Reply = { status?: number; body: unknown } | 'hang';
export type Handler = (request: Received, index: number) => Reply;

export type FakeHost = { url: string; received: Received[]; close(): Promise<void> };

export async function fakeHost(handler: Handler): Promise<FakeHost> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const reply = handler(request, received.length - 1);
      if (reply === 'hang') return;
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: connecting gives ECONNREFUSED. */
export async function deadAddress(): Promise<string> {
  const host = await fakeHost(() => ({ body: '' }));
  await host.close();
  return host.url;
}

type TrackingBody = {
  trackingUserId: number;
  trackingRequestKey: string;
  testMode: boolean;
  trackingData: Array<{ trackingUserClientTrack: string }> | null;
};

export const OK = { resultState: 0, resultInfo: 'Данные успешно добавлены в базу', resultData: null };
export const KEY_ERROR = {
  resultState: 2,
  ' resultInfo ': 'Некорректный ключ запроса в trackingRequestKey',
  resultData: null,
};

/**
 * R-Lab's side of the key: md5(userId:tracks:apiKey), or md5(userId:apiKey) for getuserinfo.
 * A wrong key gets the document's answer; a right one gets `answer(body)`.
 */
export const rlabHandler =
  (answer: (body: TrackingBody, index: number) => Reply = () => ({ body: OK }), apiKey = API_KEY): Handler =>
  (request, index) => {
    const body = JSON.parse(request.body) as TrackingBody;
    const tracks = body.trackingData?.map((entry) => entry.trackingUserClientTrack).join('');
    const expected = md5(
      tracks === undefined ? `${body.trackingUserId}:${apiKey}` : `${body.trackingUserId}:${tracks}:${apiKey}`,
    );
    return body.trackingRequestKey === expected ? answer(body, index) : { body: KEY_ERROR };
  };

export const parsedBodies = (host: FakeHost) =>
  host.received.map((request) => JSON.parse(request.body) as TrackingBody);
