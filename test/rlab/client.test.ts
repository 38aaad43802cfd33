import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createAppTester, type ZObject } from 'zapier-platform-core';
import { NoAnswer, requestWithin, STEP_BUDGET_MS, TimeBudget } from '../../src/common/network';
import App from '../../src/index';
import { createRlabClient, emptyEntryOf, getUserInfo, parseRlabAnswer } from '../../src/rlab/client';
import type { TrackingEntry } from '../../src/rlab/types';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { md5 } from '../support/hash';
import { API_KEY, deadAddress, fakeHost, OK, rlabHandler, USER_ID, type FakeHost } from './helpers';

const appTester = createAppTester(App);
const credentials = { userId: USER_ID, apiKey: API_KEY };
const setEnv = useEnv();
const hosts: FakeHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const host = async (...args: Parameters<typeof fakeHost>) => {
  const created = await fakeHost(...args);
  hosts.push(created);
  return created;
};

/** Runs client calls inside Zapier's runtime, as an operation would. */
const run = <T>(body: (z: ZObject) => Promise<T>) => appTester(async (z: ZObject) => body(z), { authData: {} });

const emptyEntry = (track: string) => emptyEntryOf({ trackingUserClientTrack: track });
const oneTrack: TrackingEntry[] = [emptyEntry('19527937484546')];
/** The document's request key example: 1:1952793748454663010828068631:3c6e0b8a9c15224a8228b9a98ca1531d. */
const twoTracks: TrackingEntry[] = [emptyEntry('19527937484546'), emptyEntry('63010828068631')];

describe('R-Lab client: requests', () => {
  beforeEach(() => setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '' }));

  it("signs the document's example with the document's key 8e093b01... and posts it as plain-text JSON", async () => {
    const body =
      '{"trackingUserId":1,"trackingRequestKey":"8e093b01b18e3272a7d615704cc1502a","testMode":false,"trackingData":[' +
      '{"trackingUserClientPhone":"","trackingUserClientTrack":"19527937484546","trackingUserClientEmail":"","trackingUserClientName":"","trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false},' +
      '{"trackingUserClientPhone":"","trackingUserClientTrack":"63010828068631","trackingUserClientEmail":"","trackingUserClientName":"","trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false}]}';
    nock('https://apilr2.r-lab.biz')
      .post('/gettrackinfo.ashx', body)
      .matchHeader('content-type', 'text/plain; charset=utf-8')
      .reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [] });

    const answer = await run((z) => createRlabClient(z, credentials).call('gettrackinfo', twoTracks));

    expect(answer).toEqual({ resultState: 0, resultInfo: 'Запрос выполнен', resultData: [], servedByBackup: false });
  });

  it('sends Cyrillic unescaped, as the PHP example with JSON_UNESCAPED_UNICODE', async () => {
    // A string body is matched against the raw text sent: "\u0414\u043c..." would not match.
    const raw =
      `{"trackingUserId":1,"trackingRequestKey":"${md5(`1:1:${API_KEY}`)}","testMode":false,"trackingData":[` +
      '{"trackingUserClientPhone":"","trackingUserClientTrack":"1","trackingUserClientEmail":"","trackingUserClientName":"Дмитрий","trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false}]}';
    nock('https://apilr2.r-lab.biz').post('/addtrack.ashx', raw).reply(200, OK);
    const entry = { ...emptyEntry('1'), trackingUserClientName: 'Дмитрий' };
    await run((z) => createRlabClient(z, credentials).call('addtrack', [entry]));
  });

  it('reads the balance and tariff from getuserinfo, signed md5(userId:apiKey) with no tracking data', async () => {
    nock('https://apilr2.r-lab.biz')
      .post(
        '/getuserinfo.ashx',
        '{"trackingUserId":1,"trackingRequestKey":"4be008375662d5c8e7cb4eba945e7b4c","testMode":false,"trackingData":null}',
      )
      .reply(200, {
        resultState: 0,
        resultInfo: 'Запрос выполнен',
        resultData: {
          userExpireDate: '13.04.2015',
          userBalance: 384,
          userExpired: false,
          userBalanceUnlimited: false,
          userDateUnlimited: false,
        },
      });

    const info = await run((z) => getUserInfo(z, credentials));

    expect(info).toEqual({
      userExpireDate: '13.04.2015',
      userBalance: 384,
      userExpired: false,
      userBalanceUnlimited: false,
      userDateUnlimited: false,
    });
  });

  it('refuses a user ID that is not a number before sending anything, without printing it back (it may be the key)', async () => {
    const error = await caught(run((z) => getUserInfo(z, { userId: API_KEY, apiKey: API_KEY })));
    expect(error.message).toBe(
      'R-Lab User ID: expected the number (digits only) shown in your DeliveryCRM profile, but the value filled in is not a number. Correct R-Lab User ID and test again.',
    );
    const inStep = await caught(run(async (z) => createRlabClient(z, { userId: `  ${API_KEY}`, apiKey: API_KEY })));
    expect(inStep.message).toBe(
      'R-Lab User ID: expected the number (digits only) shown in your DeliveryCRM profile, but the value filled in is not a number. Reconnect the account with the right R-Lab User ID.',
    );
    expect(inStep.message).not.toContain(API_KEY.slice(0, 8));
  });

  it('says when getuserinfo answers without the account data', async () => {
    nock('https://apilr2.r-lab.biz')
      .post('/getuserinfo.ashx')
      .reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: null });
    const error = await caught(run((z) => getUserInfo(z, credentials)));
    expect(error.message).toBe(
      'R-Lab answered getuserinfo without the account data (resultInfo "Запрос выполнен"). Test the connection again in a few minutes.',
    );
  });
});

describe('R-Lab client: answers', () => {
  it('reads " resultInfo " written with spaces, as in the document', () => {
    expect(
      parseRlabAnswer('{"resultState":1," resultInfo ":"Часть данных добавлены в базу, ошибок 2","resultData":null}'),
    ).toEqual({
      resultState: 1,
      resultInfo: 'Часть данных добавлены в базу, ошибок 2',
      resultData: null,
    });
  });

  it('reads an answer behind a UTF-8 byte order mark and a resultState sent as text', () => {
    expect(parseRlabAnswer('\uFEFF{"resultState":"0","resultInfo":" ok "}')).toEqual({
      resultState: 0,
      resultInfo: 'ok',
      resultData: null,
    });
  });

  it.each(['<html>Service Unavailable</html>', '[]', '{"resultInfo":"no state"}', '{"resultState":1.5}', 'null'])(
    'takes %s for something other than an answer',
    (content) => {
      expect(parseRlabAnswer(content)).toBeUndefined();
    },
  );
});

describe('R-Lab client: backup address', () => {
  const useHosts = (primary: string, fallback: string, timeoutMs = '300') =>
    setEnv({ RLAB_BASE_URL: primary, RLAB_FALLBACK_URL: fallback, RLAB_TIMEOUT_MS: timeoutMs });

  it('never sends data to the plain-http backup when RLAB_FALLBACK_URL is empty', async () => {
    const primary = await host(() => 'hang');
    useHosts(primary.url, '', '100');

    const error = await caught(run((z) => createRlabClient(z, credentials).call('gettrackinfo', oneTrack)));

    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(
      /^R-Lab is unreachable \(main address: did not answer in time \(0.1 s\); the backup address is switched off\)/,
    );
  });

  it('does not retry a 4xx on the backup', async () => {
    const primary = await host(() => ({ status: 404, body: 'Not Found' }));
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    const error = await caught(run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack)));

    expect(error.message).toBe('R-Lab refused the request with HTTP 404 (answer: "Not Found").');
    expect(backup.received).toHaveLength(0);
  });

  it('points to the connection for a 401 and does not retry it', async () => {
    const primary = await host(() => ({ status: 401, body: 'Unauthorized' }));
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    const error = await caught(run((z) => createRlabClient(z, credentials).call('gettrackinfo', oneTrack)));

    expect(error.name).toBe('ExpiredAuthError');
    // Core appends "What happened" to errors other than z.errors.Error.
    expect(error.message).toMatch(
      /^R-Lab refused the request with HTTP 401 \(check R-Lab User ID and R-Lab API Key in the connection\)\./,
    );
    expect(backup.received).toHaveLength(0);
  });

  it('returns any resultState from the main address without asking the backup', async () => {
    const primary = await host(
      rlabHandler(() => ({ body: { resultState: 2, ' resultInfo ': 'Ошибка', resultData: null } })),
    );
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    const answer = await run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack));

    expect(answer).toEqual({ resultState: 2, resultInfo: 'Ошибка', resultData: null, servedByBackup: false });
    expect(backup.received).toHaveLength(0);
  });

  it('sends later calls of the same run straight to the backup once the main address failed', async () => {
    const primary = await host(() => 'hang');
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url, '200');

    await run(async (z) => {
      const client = createRlabClient(z, credentials);
      await client.call('addtrack', oneTrack);
      await client.call('addtrack', twoTracks);
    });

    expect(primary.received).toHaveLength(1);
    expect(backup.received).toHaveLength(2);
  });
});

/** A host that sends its headers after `headersMs`, then one byte of the body every `intervalMs`, never finishing in time. */
async function stallingHost(intervalMs = 1000, headersMs = 0) {
  const received: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    received.push(req.url ?? '');
    req.resume();
    const body = Buffer.from(
      JSON.stringify({ resultState: 0, resultInfo: 'Данные успешно добавлены в базу', resultData: null }),
    );
    let sent = 0;
    const next = () => {
      if (res.destroyed || sent >= body.length) return;
      res.write(body.subarray(sent, sent + 1));
      sent += 1;
      const timer = setTimeout(next, intervalMs);
      timers.add(timer);
    };
    const start = setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
      next();
    }, headersMs);
    timers.add(start);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  hosts.push({ ...host, received: [] });
  return host;
}

describe('R-Lab client: writes whose answer never came', () => {
  const useHosts = (primary: string, fallback: string, timeoutMs = '300') =>
    setEnv({ RLAB_BASE_URL: primary, RLAB_FALLBACK_URL: fallback, RLAB_TIMEOUT_MS: timeoutMs });
  const stored = (track: string, fields: Record<string, unknown> = {}) => ({
    trackNumber: track,
    trackingUserClientPhone: '',
    trackingUserClientEmail: '',
    trackingUserClientName: '',
    trackingUserClientItemCost: 0,
    trackingUserClientOrderNumber: '',
    ...fields,
  });
  const tracksOf = (body: string) =>
    (JSON.parse(body) as { trackingData: Array<{ trackingUserClientTrack: string }> }).trackingData.map(
      (entry) => entry.trackingUserClientTrack,
    );

  it('after a timeout asks the backup which tracks are stored and sends only the others, signed over them', async () => {
    const primary = await host(() => 'hang');
    const backup = await host(
      rlabHandler((body) =>
        body.trackingData!.length === 2
          ? { body: { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [stored('19527937484546')] } }
          : { body: OK },
      ),
    );
    useHosts(primary.url, backup.url);

    const result = await run((z) => createRlabClient(z, credentials).write('addtrack', twoTracks, false));

    expect(backup.received.map((request) => [request.url, tracksOf(request.body)])).toEqual([
      ['/gettrackinfo.ashx', ['19527937484546', '63010828068631']],
      ['/addtrack.ashx', ['63010828068631']], // rlabHandler checked its key md5(1:63010828068631:key)
    ]);
    expect(result.alreadyApplied.map((entry) => entry.trackingUserClientTrack)).toEqual(['19527937484546']);
    expect(result.sent.map((entry) => entry.trackingUserClientTrack)).toEqual(['63010828068631']);
    expect(result.reply).toMatchObject({ resultState: 0, servedByBackup: true });
  });

  it('a track stored earlier with other values is not taken for this add: it is sent', async () => {
    const primary = await host(() => 'hang');
    const backup = await host(
      rlabHandler((body, index) =>
        index === 0
          ? {
              body: {
                resultState: 0,
                resultInfo: 'Запрос выполнен',
                resultData: [stored('19527937484546', { trackingUserClientPhone: '79161234567' })],
              },
            }
          : { body: OK },
      ),
    );
    useHosts(primary.url, backup.url);
    const result = await run((z) => createRlabClient(z, credentials).write('addtrack', oneTrack, false));
    expect(result.sent).toHaveLength(1);
    expect(backup.received.map((request) => request.url)).toEqual(['/gettrackinfo.ashx', '/addtrack.ashx']);
  });

  it('a delete whose body stalled: the backup shows the track gone, so nothing is sent again; the whole exchange ends within RLAB_TIMEOUT_MS', async () => {
    const primary = await stallingHost(1000);
    const backup = await host(
      rlabHandler(() => ({ body: { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [] } })),
    );
    useHosts(primary.url, backup.url);

    const started = Date.now();
    const result = await run((z) => createRlabClient(z, credentials).write('deltrack', oneTrack, false));

    expect(Date.now() - started).toBeLessThan(900);
    expect(result).toMatchObject({ reply: null, sent: [] });
    expect(result.alreadyApplied).toHaveLength(1);
    expect(backup.received.map((request) => request.url)).toEqual(['/gettrackinfo.ashx']);
    await primary.close();
  });

  it('when the backup cannot be asked, the write is not resent: an error (not retried) names the tracks to check', async () => {
    const primary = await host(() => 'hang');
    const backup = await host(() => ({ status: 503, body: 'Service Unavailable' }));
    useHosts(primary.url, backup.url);

    const error = await caught(run((z) => createRlabClient(z, credentials).write('addtrack', twoTracks, false)));

    expect(error).toMatchObject({ name: 'AppError', code: 'RlabUnconfirmedWrite' });
    expect(error.message).toBe(
      'R-Lab did not confirm addtrack (main address: did not answer in time (0.3 s); backup address: HTTP 503). ' +
        'The change may have been saved for these tracks: 19527937484546, 63010828068631. It is not sent again, so nothing is applied twice: ' +
        'check these tracks in your R-Lab account (Find R-Lab Track Status) before you replay this step.',
    );
    expect(backup.received.map((request) => request.url)).toEqual(['/gettrackinfo.ashx']);
  });

  it('a write refused by a down main address (ECONNREFUSED) never reached it: sent to the backup without a check', async () => {
    const backup = await host(rlabHandler());
    useHosts(await deadAddress(), backup.url);
    await run((z) => createRlabClient(z, credentials).write('addtrack', oneTrack, false));
    expect(backup.received.map((request) => request.url)).toEqual(['/addtrack.ashx']);
  });
});

describe('R-Lab client: the time of a step', () => {
  it('bounds headers and body together: hosts sending late headers then trickling the body end the step in about two limits, "did not answer in time"', async () => {
    const primary = await stallingHost(100, 250);
    const backup = await stallingHost(100, 250);
    setEnv({ RLAB_BASE_URL: primary.url, RLAB_FALLBACK_URL: backup.url, RLAB_TIMEOUT_MS: '300' });

    const started = Date.now();
    const error = await caught(run((z) => createRlabClient(z, credentials).call('gettrackinfo', oneTrack)));
    const took = Date.now() - started;

    // Each body would take 7 s at this pace; node-fetch's timeout alone restarts for the body:
    // 250 ms of headers + 300 ms of body per host, 1100 ms in all. The whole exchange is bounded: 2 x 300 ms.
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(950);
    expect(error.message).toBe(
      'R-Lab is unreachable (main address: did not answer in time (0.3 s); backup address: did not answer in time (0.3 s)). ' +
        'Zapier will retry this step in about 5 minutes; if R-Lab stays down for more than 20 minutes, contact its support.',
    );
    await Promise.all([primary.close(), backup.close()]);
  });

  it('gives a step 2.5 exchanges at most, never more than 25 s', () => {
    expect(new TimeBudget(10_000).nextLimitMs()).toBe(10_000);
    expect(new TimeBudget(20_000, STEP_BUDGET_MS).nextLimitMs()).toBe(20_000);
    expect(STEP_BUDGET_MS).toBe(25_000);
  });

  it('cuts the last exchange of a step to what is left of the budget, and sends nothing once it is used up', async () => {
    const budget = new TimeBudget(100, 150);
    expect(budget.nextLimitMs()).toBe(100);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(budget.nextLimitMs()).toBeLessThanOrEqual(31);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(budget.nextLimitMs()).toBe(0);
    const answer = await run((z) => requestWithin(z, { url: 'http://127.0.0.1:9/never' }, 0));
    expect(answer).toBeInstanceOf(NoAnswer);
    expect(answer).toMatchObject({ mayHaveArrived: false, reason: 'no time was left in this step to ask it' });
  });
});
