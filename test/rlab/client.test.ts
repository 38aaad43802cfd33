import nock from 'nock';
import { createAppTester, type ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { createRlabClient, getUserInfo, parseRlabAnswer, type TrackingEntry } from '../../src/rlab/client';
import { emptyEntry } from '../../src/rlab/tracks';
import { caught } from '../support/zapier-error';
import { API_KEY, deadAddress, fakeHost, OK, rlabHandler, useEnv, USER_ID, type FakeHost } from './helpers';

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

const oneTrack: TrackingEntry[] = [emptyEntry('19527937484546')];
/** The document's request key example: 1:1952793748454663010828068631:3c6e0b8a9c15224a8228b9a98ca1531d. */
const twoTracks: TrackingEntry[] = [emptyEntry('19527937484546'), emptyEntry('63010828068631')];

/** Zapier keeps a ThrottledError's delay beside its message. */
const delayOf = async (promise: Promise<unknown>) => {
  const error = (await promise.then(() => undefined, (e: unknown) => e)) as Error;
  expect(error.name).toBe('ThrottledError');
  return (JSON.parse(error.message) as { delay: number }).delay;
};

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
    nock('https://apilr2.r-lab.biz')
      .post('/addtrack.ashx', (body: string) => JSON.stringify(body).includes('"trackingUserClientName":"Дмитрий"'))
      .reply(200, OK);
    const entry = { ...emptyEntry('1'), trackingUserClientName: 'Дмитрий' };
    await run((z) => createRlabClient(z, credentials).call('addtrack', [entry]));
  });

  it('reads the balance and tariff from getuserinfo, signed md5(userId:apiKey) with no tracking data', async () => {
    nock('https://apilr2.r-lab.biz')
      .post('/getuserinfo.ashx', '{"trackingUserId":1,"trackingRequestKey":"4be008375662d5c8e7cb4eba945e7b4c","testMode":false,"trackingData":null}')
      .reply(200, {
        resultState: 0,
        resultInfo: 'Запрос выполнен',
        resultData: { userExpireDate: '13.04.2015', userBalance: 384, userExpired: false, userBalanceUnlimited: false, userDateUnlimited: false },
      });

    const info = await run((z) => getUserInfo(z, credentials));

    expect(info).toEqual({ userExpireDate: '13.04.2015', userBalance: 384, userExpired: false, userBalanceUnlimited: false, userDateUnlimited: false });
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
    nock('https://apilr2.r-lab.biz').post('/getuserinfo.ashx').reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: null });
    const error = await caught(run((z) => getUserInfo(z, credentials)));
    expect(error.message).toBe('R-Lab answered getuserinfo without the account data (resultInfo "Запрос выполнен"). Test the connection again in a few minutes.');
  });

  it('lets core turn a 429 into a ThrottledError, without trying the backup', async () => {
    nock('https://apilr2.r-lab.biz').post('/addtrack.ashx').reply(429, 'slow down', { 'Retry-After': '60' });
    expect(await delayOf(run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack)))).toBe(60);
  });
});

describe('R-Lab client: answers', () => {
  it('reads " resultInfo " written with spaces, as in the document', () => {
    expect(parseRlabAnswer('{"resultState":1," resultInfo ":"Часть данных добавлены в базу, ошибок 2","resultData":null}')).toEqual({
      resultState: 1,
      resultInfo: 'Часть данных добавлены в базу, ошибок 2',
      resultData: null,
    });
  });

  it('reads an answer behind a UTF-8 byte order mark and a resultState sent as text', () => {
    expect(parseRlabAnswer('\uFEFF{"resultState":"0","resultInfo":" ok "}')).toEqual({ resultState: 0, resultInfo: 'ok', resultData: null });
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

  it('sends the same request to the backup when the main address refuses connections', async () => {
    const backup = await host(rlabHandler());
    useHosts(await deadAddress(), backup.url);

    const answer = await run((z) => createRlabClient(z, credentials).call('addtrack', twoTracks));

    expect(answer.resultState).toBe(0);
    expect(backup.received).toHaveLength(1);
    expect(backup.received[0]).toMatchObject({ method: 'POST', url: '/addtrack.ashx' });
    expect(JSON.parse(backup.received[0]!.body)).toMatchObject({ trackingRequestKey: '8e093b01b18e3272a7d615704cc1502a' });
  });

  it('tries the backup after a 5xx from the main address', async () => {
    const primary = await host(() => ({ status: 503, body: 'Service Unavailable' }));
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    await run((z) => createRlabClient(z, credentials).call('deltrack', oneTrack));

    expect(primary.received).toHaveLength(1);
    expect(backup.received.map((request) => request.body)).toEqual(primary.received.map((request) => request.body));
  });

  it('tries the backup when the main address does not answer within RLAB_TIMEOUT_MS', async () => {
    const primary = await host(() => 'hang');
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url, '200');

    const started = Date.now();
    await run((z) => createRlabClient(z, credentials).call('updatetrack', oneTrack));

    expect(Date.now() - started).toBeLessThan(5000);
    expect(backup.received).toHaveLength(1);
  });

  it('hands the step back to Zapier for about 5 minutes when both addresses are down', async () => {
    const backup = await host(() => ({ status: 502, body: 'Bad Gateway' }));
    useHosts(await deadAddress(), backup.url);

    const attempt = () => run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack));

    expect(await delayOf(attempt())).toBe(300);
    const error = await caught(attempt());
    expect(error.message).toBe(
      'R-Lab is unreachable (main address: ECONNREFUSED; backup address: HTTP 502). Zapier will retry this step in about 5 minutes; ' +
        'if R-Lab stays down for more than 20 minutes, contact its support.',
    );
  });

  it('never sends data to the plain-http backup when RLAB_FALLBACK_URL is empty', async () => {
    const primary = await host(() => 'hang');
    useHosts(primary.url, '', '100');

    const error = await caught(run((z) => createRlabClient(z, credentials).call('gettrackinfo', oneTrack)));

    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(/^R-Lab is unreachable \(main address: did not answer in time \(0.1 s\); the backup address is switched off\)/);
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
    expect(error.message).toMatch(/^R-Lab refused the request with HTTP 401 \(check R-Lab User ID and R-Lab API Key in the connection\)\./);
    expect(backup.received).toHaveLength(0);
  });

  it('returns any resultState from the main address without asking the backup', async () => {
    const primary = await host(rlabHandler(() => ({ body: { resultState: 2, ' resultInfo ': 'Ошибка', resultData: null } })));
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    const answer = await run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack));

    expect(answer).toEqual({ resultState: 2, resultInfo: 'Ошибка', resultData: null, servedByBackup: false });
    expect(backup.received).toHaveLength(0);
  });

  it('does not resend a write whose 200 answer is unreadable: it may have been saved', async () => {
    const primary = await host(() => ({ body: '<html>oops</html>' }));
    const backup = await host(rlabHandler());
    useHosts(primary.url, backup.url);

    const error = await caught(run((z) => createRlabClient(z, credentials).call('addtrack', oneTrack)));

    expect(error.message).toBe(
      'R-Lab answered addtrack with something other than its API answer (HTTP 200: "<html>oops</html>"). ' +
        'The change may have been saved: check the tracks in your R-Lab account before you replay this step.',
    );
    expect(primary.received).toHaveLength(1);
    expect(backup.received).toHaveLength(0);
  });

  it('asks the backup again when a read gets an unreadable answer', async () => {
    const primary = await host(() => ({ body: '<html>oops</html>' }));
    const backup = await host(rlabHandler(() => ({ body: { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [] } })));
    useHosts(primary.url, backup.url);

    const answer = await run((z) => createRlabClient(z, credentials).call('gettrackinfo', oneTrack));

    expect(answer.resultState).toBe(0);
    expect(backup.received).toHaveLength(1);
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
