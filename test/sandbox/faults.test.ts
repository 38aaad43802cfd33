import { parse } from 'dotenv';
import { envLines, startSandbox, type Sandbox } from '../../sandbox/index';
import { RlabEmulator } from '../../sandbox/emulators/rlab';
import { RlabState, seedRlabState } from '../../sandbox/emulators/rlab-state';
import { call, entry, postRlab, refusedCode, rlabBody } from './helpers';

const USER = '999999';
const KEY = '07dbd136d760e6be8fde6a2238992831';
/**
 * How long a slow or stalled emulator holds an answer in the stop() tests: stop() must not wait for
 * it, which shows as ending in less than half of it (a margin no busy machine eats), not against a
 * guess of how fast a machine closes sockets. Jest's limit (120 s, jest.config.js) lets a stop() that
 * did wait reach that assertion.
 */
const HELD_MS = 60_000;

describe('emulator faults', () => {
  let state: RlabState;
  let rlab: RlabEmulator;

  beforeEach(async () => {
    state = new RlabState();
    seedRlabState(state, { userId: USER, apiKey: KEY });
    rlab = new RlabEmulator(state);
    await rlab.start();
  });

  afterEach(() => rlab.stop());

  const add = (track: string) => postRlab(`${rlab.url}/addtrack.ashx`, rlabBody(USER, KEY, [entry(track)]));

  it('down: the port refuses connections, and comes back on the same port', async () => {
    const url = rlab.url;
    await rlab.fault('down');
    expect(rlab.listening).toBe(false);
    expect(await refusedCode(`${url}/addtrack.ashx`)).toBe('ECONNREFUSED');
    expect(rlab.requests).toHaveLength(0);
    await rlab.fault('none');
    expect(rlab.url).toBe(url);
    expect((await add('BACK0001')).json).toMatchObject({ resultState: 0 });
  });

  it('down drops open keep-alive connections too', async () => {
    expect((await add('KEEP0001')).status).toBe(200); // fetch keeps the connection open
    await rlab.fault('down');
    expect(await refusedCode(`${rlab.url}/addtrack.ashx`)).toBe('ECONNREFUSED');
  });

  it('slow: handles the request at once but answers after the delay', async () => {
    await rlab.fault('slow', { delayMs: 300 });
    const started = Date.now();
    const pending = add('SLOW0001');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.track(USER, 'SLOW0001')).toBeDefined(); // stored before the answer: a timeout may hide a success
    const answer = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.json).toMatchObject({ resultState: 0 });
  });

  it('slow: a client that gives up gets no answer, and stop() does not wait for the delay', async () => {
    await rlab.fault('slow', { delayMs: HELD_MS });
    await expect(
      fetch(`${rlab.url}/getuserinfo.ashx`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    const started = Date.now();
    await rlab.stop();
    expect(Date.now() - started).toBeLessThan(HELD_MS / 2);
  });

  it('http500: an HTML error page, nothing stored', async () => {
    await rlab.fault('http500');
    const answer = await add('FIVE0001');
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(state.track(USER, 'FIVE0001')).toBeUndefined();
    await rlab.fault('http500', { status: 503 });
    expect((await add('FIVE0002')).status).toBe(503);
  });

  it('http429: Retry-After, nothing stored', async () => {
    await rlab.fault('http429', { retryAfterSeconds: 120 });
    const answer = await add('RATE0001');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('120');
    expect(state.track(USER, 'RATE0001')).toBeUndefined();
  });

  it('malformed: 200 with a cut-off JSON body', async () => {
    await rlab.fault('malformed');
    const answer = await add('MALF0001');
    expect(answer.status).toBe(200);
    expect(answer.json).toBeUndefined();
    expect(answer.text.startsWith('{"resultState":0')).toBe(true);
  });

  it('reset: the request is applied, then the connection drops without an answer', async () => {
    await rlab.fault('reset');
    await expect(add('RESET001')).rejects.toThrow();
    expect(state.track(USER, 'RESET001')).toBeDefined();
  });

  it('stall: applies the request, sends the headers, then trickles the body byte by byte', async () => {
    await rlab.fault('stall', { delayMs: 50, intervalMs: 100 });
    const started = Date.now();
    const response = await fetch(`${rlab.url}/addtrack.ashx`, {
      method: 'POST',
      body: JSON.stringify(rlabBody(USER, KEY, [entry('STALL001')])),
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(10);
    expect(state.track(USER, 'STALL001')).toBeDefined(); // stored before the body is done: a client that gives up may hide a success
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value).toHaveLength(1);
    const second = await reader.read();
    // The second byte leaves the emulator no sooner than delayMs + intervalMs after the request came
    // in (counted from before it was sent, so a late reader only adds to it).
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(second.value).toHaveLength(1);
    await reader.cancel();
  });

  it('stall: a client that gives up leaves nothing pending for stop()', async () => {
    await rlab.fault('stall', { intervalMs: HELD_MS });
    const response = await fetch(`${rlab.url}/getuserinfo.ashx`, { method: 'POST', body: '{}' });
    await response.body!.getReader().read();
    const started = Date.now();
    await rlab.stop();
    expect(Date.now() - started).toBeLessThan(HELD_MS / 2);
  });

  it('partial (R-Lab): every second track of a request is refused, the others really stored', async () => {
    await rlab.fault('partial');
    const answer = await add('PART0001');
    expect(answer.json).toMatchObject({ resultState: 0 }); // one track: nothing at an odd position
    const batch = await postRlab(
      `${rlab.url}/addtrack.ashx`,
      rlabBody(USER, KEY, [entry('PART0002'), entry('PART0003'), entry('PART0004')]),
    );
    expect(batch.json).toEqual({
      resultState: 1,
      resultInfo: 'Часть данных добавлены в базу, ошибок 1',
      resultData: null,
    });
    expect(
      [state.track(USER, 'PART0002'), state.track(USER, 'PART0003'), state.track(USER, 'PART0004')].map(Boolean),
    ).toEqual([true, false, true]);
    const removed = await postRlab(
      `${rlab.url}/deltrack.ashx`,
      rlabBody(USER, KEY, [entry('PART0002'), entry('PART0004')]),
    );
    expect(removed.json).toMatchObject({ resultState: 1, resultInfo: 'Часть треков удалены, ошибок 1' });
    expect([state.track(USER, 'PART0002'), state.track(USER, 'PART0004')].map(Boolean)).toEqual([false, true]);
  });

  it('times: a fault for the next N requests only, then normal answers', async () => {
    await rlab.fault('http500', { times: 2 });
    expect((await add('TIMES001')).status).toBe(500);
    expect((await add('TIMES001')).status).toBe(500);
    expect((await add('TIMES001')).status).toBe(200);
    expect(rlab.faultMode).toBe('none');
    expect(rlab.requestsTo('addtrack.ashx')).toHaveLength(3);
  });

  it('refuses faults an emulator does not have, and `times` with down', async () => {
    await expect(rlab.fault('badhash')).rejects.toThrow("R-Lab emulator has no fault 'badhash'");
    await expect(rlab.fault('nonrecord')).rejects.toThrow("R-Lab emulator has no fault 'nonrecord'");
    await expect(rlab.fault('down', { times: 1 })).rejects.toThrow("'down' lasts until another fault mode is set");
  });

  it('records method, path, query, headers and body of every request, and forgets them on demand', async () => {
    await call(`${rlab.url}/gettrackinfo.ashx?x=1&y=%D0%B4`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Test': 'yes' },
    });
    expect(rlab.requests[0]).toMatchObject({
      method: 'POST',
      path: '/gettrackinfo.ashx',
      rawQuery: 'x=1&y=%D0%B4',
      query: { x: '1', y: 'д' },
      body: '{}',
    });
    expect(rlab.requests[0]?.headers['x-test']).toBe('yes');
    rlab.clearRequests();
    expect(rlab.requests).toEqual([]);
  });
});

describe('startSandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });

  afterAll(() => sandbox.stop());

  it('returns exactly the six base-URL variables and the seven connection fields', () => {
    expect(Object.keys(sandbox.urls).sort()).toEqual([
      'DELIVERYCRM_BASE_URL',
      'JUSTCLICK_BASE_URL',
      'MEASOFT_BASE_URL',
      'RLAB_BASE_URL',
      'RLAB_BLACKLIST_BASE_URL',
      'RLAB_FALLBACK_URL',
    ]);
    expect(Object.keys(sandbox.accounts).sort()).toEqual([
      'justclick_login',
      'justclick_secret',
      'measoft_extra',
      'measoft_login',
      'measoft_password',
      'rlab_api_key',
      'rlab_user_id',
    ]);
    expect(sandbox.urls.RLAB_BASE_URL).not.toBe(sandbox.urls.RLAB_FALLBACK_URL);
    expect(sandbox.urls.JUSTCLICK_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\{login\}$/);
  });

  it('prints .env lines that zapier-platform invoke reads (dotenv): the six URLs and authData_<field>', () => {
    const parsed = parse(envLines(sandbox).join('\n'));
    expect(parsed).toEqual({
      ...sandbox.urls,
      authData_justclick_login: sandbox.accounts.justclick_login,
      authData_justclick_secret: sandbox.accounts.justclick_secret,
      authData_rlab_user_id: sandbox.accounts.rlab_user_id,
      authData_rlab_api_key: sandbox.accounts.rlab_api_key,
      authData_measoft_login: sandbox.accounts.measoft_login,
      authData_measoft_password: sandbox.accounts.measoft_password,
      authData_measoft_extra: sandbox.accounts.measoft_extra,
    });
  });

  it('listens on fixed ports when asked (basePort..basePort+5), and says so when they are taken', async () => {
    // Find six consecutive free ports (other tests may hold some).
    let fixed: Sandbox | undefined;
    let basePort = 0;
    for (let attempt = 0; !fixed && attempt < 20; attempt += 1) {
      basePort = 20000 + Math.floor(Math.random() * 40000);
      fixed = await startSandbox({ basePort }).catch(() => undefined);
    }
    if (!fixed) throw new Error('no six consecutive free ports found');
    try {
      expect(fixed.urls.RLAB_BASE_URL).toBe(`http://127.0.0.1:${basePort + 1}`);
      expect(fixed.urls.JUSTCLICK_BASE_URL).toBe(`http://127.0.0.1:${basePort}/{login}`);
      expect(fixed.urls.MEASOFT_BASE_URL).toBe(`http://127.0.0.1:${basePort + 5}/api/`);
      await expect(startSandbox({ basePort })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await fixed.stop();
    }
  });

  it('primary and backup R-Lab hosts share one state; faults are per emulator', async () => {
    const { rlab_user_id: user, rlab_api_key: key } = sandbox.accounts;
    await sandbox.rlab.fault('down');
    const added = await postRlab(
      `${sandbox.urls.RLAB_FALLBACK_URL}/addtrack.ashx`,
      rlabBody(user, key, [entry('SHARED01')]),
    );
    expect(added.json).toMatchObject({ resultState: 0 });
    await sandbox.rlab.fault('none');
    const info = await postRlab(
      `${sandbox.urls.RLAB_BASE_URL}/gettrackinfo.ashx`,
      rlabBody(user, key, [entry('SHARED01')]),
    );
    expect(info.json).toMatchObject({ resultData: [expect.objectContaining({ trackNumber: 'SHARED01' })] });
    sandbox.clearRequests();
    expect(sandbox.emulators.every((emulator) => emulator.requests.length === 0)).toBe(true);
  });

  it('accepts the MeaSoft account it is given (escaped in XML as MeaSoft reads it), and refuses the default one', async () => {
    const password = `p&s<s>"w'd ключ`;
    const configured = await startSandbox({ measoft: { login: 'other-shop', password } });
    try {
      expect(configured.accounts).toMatchObject({
        measoft_login: 'other-shop',
        measoft_password: password,
        measoft_extra: '8',
      });
      const ask = (login: string, pass: string) =>
        call(configured.urls.MEASOFT_BASE_URL, {
          method: 'POST',
          body: `<?xml version="1.0" encoding="UTF-8"?><statusreq><auth login="${login}" pass="${pass}" extra="8"/></statusreq>`,
          headers: { 'Content-Type': 'text/xml; charset=utf-8' },
        });
      expect((await ask('other-shop', 'p&amp;s&lt;s&gt;&quot;w&apos;d ключ')).text).toContain('<statusreq count="0"');
      expect((await ask('sandbox-shop', 'sandbox-measoft-pass')).text).toContain('<statusreq error="25"');
    } finally {
      await configured.stop();
    }
  });
});
