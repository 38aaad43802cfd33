/**
 * Faults, end to end: every operation runs through createAppTester against the sandbox emulators
 * over loopback, which fail for real (a closed port, a held answer, a 5xx page, a cut-off body, a
 * dropped connection, a 429, a tampered answer hash). For each fault the test asserts what the user
 * sees (error class and message), how many requests each emulator received (a write is never sent
 * twice where that could apply it twice), and whether the step is handed back to Zapier to retry
 * (ThrottledError with its delay).
 *
 * Already proven elsewhere, not repeated here: 250 tracks in three batches with the primary down
 * (test/e2e/rlab.test.ts), the backup skipped for later batches of the same run and the partial-run
 * report (test/rlab/client.test.ts, test/rlab/add-track.test.ts), the R-Lab backup switched off
 * (test/rlab/client.test.ts).
 */
import App from '../../src/index';
import { appTester, runOperation, useSandbox } from '../e2e/helpers';
import { useEnv } from '../support/env';
import { caught } from '../support/zapier-error';
import { countsTo } from './helpers';

const sandbox = useSandbox();
const setEnv = useEnv();

/**
 * Per-host timeout (src/rlab/client.ts reads it per call): short, so "slow" costs a second, and long
 * enough that a healthy host answers within it on a busy machine (at 0.3 s the backup, answering over
 * loopback from a jest worker sharing two loaded cores, sometimes did not).
 */
const TIMEOUT_MS = 1000;
/**
 * No verdict here reads the wall clock against a tight margin (a busy machine stretches every run):
 * a slow host answers only after 10 s, far beyond any timeout, so a step that waited for it shows
 * by its result or by taking longer than that; a stalled body trickles faster than the timeout
 * (one byte every 100 ms), so only a limit on the whole exchange ends it, and a client without
 * one would read the whole answer and succeed.
 */
const SLOW = { delayMs: 10_000 };
const TRICKLE = { intervalMs: 100 };

const run = (key: string, inputData: Record<string, unknown>) => runOperation(key, sandbox().accounts, inputData);

const UNREACHABLE = (reasons: string) =>
  `R-Lab is unreachable (${reasons}). Zapier will retry this step in about 5 minutes; if R-Lab stays down for more than 20 minutes, contact its support.`;

beforeEach(() => setEnv({ RLAB_TIMEOUT_MS: String(TIMEOUT_MS) }));

describe('R-Lab tracking: the primary host fails', () => {
  const hosts = () => ({ primary: sandbox().rlab, backup: sandbox().rlabBackup });
  const stored = (track: string) => sandbox().rlabState.track(sandbox().accounts.rlab_user_id, track);
  const balance = () => sandbox().rlabState.user(sandbox().accounts.rlab_user_id)!.balance;
  const add = (track: string) => run('rlab_add_track', { track, phone: '+7 916 000-00-00' });
  const find = (track = '80085275412345') =>
    run('rlab_track_info', { track }) as Promise<Array<Record<string, unknown>>>;

  it('refusing connections: a write goes to the backup once, and is stored once', async () => {
    await sandbox().rlab.fault('down');
    const before = balance();

    expect(await add('FLT-DOWN-W')).toMatchObject({ track: 'FLT-DOWN-W', result_state: 0 });

    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 0, backup: 1 });
    expect(stored('FLT-DOWN-W')?.timesAdded).toBe(1);
    expect(balance()).toBe(before - 1);
  });

  it('refusing connections: a read is answered by the backup', async () => {
    await sandbox().rlab.fault('down');
    expect(await find()).toEqual([expect.objectContaining({ trackNumber: '80085275412345', trackMainStatus: 1 })]);
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 0, backup: 1 });
  });

  it('timing out: a read is asked again on the backup after RLAB_TIMEOUT_MS, well before the slow answer', async () => {
    await sandbox().rlab.fault('slow', SLOW);
    const started = Date.now();

    expect(await find()).toEqual([expect.objectContaining({ trackNumber: '80085275412345' })]);

    expect(Date.now() - started).toBeLessThan(SLOW.delayMs);
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
  });

  it('timing out on a write: the backup is asked first, shows the track stored by the late primary, so it is not sent again', async () => {
    // The slow primary stores the track and answers too late. Before the write goes to the backup,
    // gettrackinfo on the backup (the same database) shows it stored with these values.
    await sandbox().rlab.fault('slow', SLOW);
    const before = balance();

    const result = await add('FLT-SLOW-W');

    expect(result).toMatchObject({
      track: 'FLT-SLOW-W',
      result_state: 0,
      served_by_backup: true,
      result_info: expect.stringMatching(/^Already stored: the main address saved it/),
    });
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 0, backup: 1 });
    expect(stored('FLT-SLOW-W')?.timesAdded).toBe(1);
    expect(balance()).toBe(before - 1);
  });

  it('timing out on a delete: the late primary deleted the track; the backup shows it gone, so the step reports it done (the old known limit)', async () => {
    await add('FLT-SLOW-D');
    sandbox().clearRequests();
    await sandbox().rlab.fault('slow', SLOW);

    const result = await run('rlab_delete_track', { track: 'FLT-SLOW-D' });

    expect(stored('FLT-SLOW-D')).toBeUndefined();
    expect(result).toMatchObject({
      track: 'FLT-SLOW-D',
      result_state: 0,
      served_by_backup: true,
      result_info: expect.stringMatching(/^Already gone/),
    });
    expect(countsTo('deltrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
  });

  it('a stalled body on a write (headers sent, body trickling): ended within RLAB_TIMEOUT_MS, checked on the backup, stored once', async () => {
    await sandbox().rlab.fault('stall', TRICKLE);

    const result = await add('FLT-STALL-W');

    expect(result).toMatchObject({ track: 'FLT-STALL-W', result_state: 0, served_by_backup: true });
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
    expect(stored('FLT-STALL-W')?.timesAdded).toBe(1);
  });

  it("a stalled body on an update R-Lab did not apply: the backup check shows it not applied, so it is sent there and R-Lab's refusal is reported", async () => {
    await sandbox().rlab.fault('stall', TRICKLE);
    // The primary refused the update of a track it does not hold; the backup check shows it not applied.
    const error = await caught(run('rlab_update_track', { track: 'FLT-NOPE-U', name: 'Иван' }));
    expect(error.code).toBe('RlabResult2');
    expect(countsTo('updatetrack.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
  });

  it('a stalled body on a read: the limit covers the body too, and the backup answers', async () => {
    await sandbox().rlab.fault('stall', { delayMs: 250, ...TRICKLE });
    expect(await find()).toEqual([expect.objectContaining({ trackNumber: '80085275412345', served_by_backup: true })]);
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
  });

  it('partly applied batch (R-Lab stores every other track): the step reads back which, and names only the others for replay', async () => {
    await sandbox().rlab.fault('partial');
    const tracks = ['FLT-PART-1', 'FLT-PART-2', 'FLT-PART-3', 'FLT-PART-4'];

    const error = await caught(run('rlab_add_track', { track: tracks, phone: '79160000000' }));

    expect(tracks.map((track) => Boolean(stored(track)))).toEqual([true, false, true, false]);
    expect(error.code).toBe('RlabPartialRun');
    expect(error.message).toMatch(
      /^R-Lab applied only part of the request: "Часть данных добавлены в базу, ошибок 2" \(resultState 1\)/,
    );
    expect(error.message).toContain(
      'Already added (2 tracks): FLT-PART-1, FLT-PART-3. Not added (2 tracks): FLT-PART-2, FLT-PART-4. Replay only the tracks not added.',
    );
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 1, backup: 0 });

    // Replaying only the named ones stores them once each.
    await sandbox().rlab.fault('none');
    await run('rlab_add_track', { track: ['FLT-PART-2', 'FLT-PART-4'], phone: '79160000000' });
    expect(tracks.map((track) => stored(track)?.timesAdded)).toEqual([1, 1, 1, 1]);
  });

  it('answering 5xx: the write goes to the backup once; the error page never reached R-Lab, so it is stored once', async () => {
    await sandbox().rlab.fault('http500', { status: 503 });

    expect(await add('FLT-5XX-W')).toMatchObject({ result_state: 0 });

    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
    expect(stored('FLT-5XX-W')?.timesAdded).toBe(1);
  });

  it('answering malformed JSON to a read: asked again on the backup, which answers', async () => {
    await sandbox().rlab.fault('malformed');
    expect(await find()).toEqual([expect.objectContaining({ trackNumber: '80085275412345' })]);
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
  });

  it.each([
    ['rlab_add_track', 'addtrack', { track: 'FLT-MAL-A', phone: '79160000000' }],
    ['rlab_update_track', 'updatetrack', { track: '80085275412345', name: 'Иван' }],
    ['rlab_delete_track', 'deltrack', { track: '80085275412345' }],
  ])(
    'answering malformed JSON (HTTP 200) to %s: never resent, the user is told to check before replaying',
    async (key, method, inputData) => {
      await sandbox().rlab.fault('malformed');

      const error = await caught(run(key, inputData));

      expect(error).toMatchObject({ name: 'AppError', code: 'RlabUnreadableAnswer' });
      expect(error.message).toBe(
        `R-Lab answered ${method} with something other than its API answer (HTTP 200: "{"resultState":0,"resultInfo":"Данные усп"). ` +
          'The change may have been saved: check the tracks in your R-Lab account before you replay this step.',
      );
      expect(countsTo(`${method}.ashx`, hosts())).toEqual({ primary: 1, backup: 0 });
    },
  );

  it('dropping the connection after storing a write: the backup shows it stored, so it is not resent', async () => {
    await sandbox().rlab.fault('reset');
    expect(await add('FLT-RESET-W')).toMatchObject({ result_state: 0, served_by_backup: true });
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
    expect(stored('FLT-RESET-W')?.timesAdded).toBe(1);
  });

  it('answering 429 with Retry-After: handed back to Zapier with that delay, the backup is not asked', async () => {
    await sandbox().rlab.fault('http429', { retryAfterSeconds: 120 });

    const error = await caught(add('FLT-429-W'));

    expect(error).toEqual({
      name: 'ThrottledError',
      message: 'The server returned 429 (Too Many Requests)',
      delay: 120,
    });
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
    expect(stored('FLT-429-W')).toBeUndefined();
  });
});

describe('R-Lab tracking: both hosts fail', () => {
  const hosts = () => ({ primary: sandbox().rlab, backup: sandbox().rlabBackup });

  it('both refusing connections: the step is handed back to Zapier for 300 s, nothing stored', async () => {
    await sandbox().rlab.fault('down');
    await sandbox().rlabBackup.fault('down');

    const error = await caught(run('rlab_add_track', { track: 'FLT-BOTH-1', phone: '79160000000' }));

    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: UNREACHABLE('main address: ECONNREFUSED; backup address: ECONNREFUSED'),
    });
    expect(sandbox().rlabState.track(sandbox().accounts.rlab_user_id, 'FLT-BOTH-1')).toBeUndefined();
  });

  it('both answering 5xx: one request to each, then handed back to Zapier', async () => {
    await sandbox().rlab.fault('http500');
    await sandbox().rlabBackup.fault('http500', { status: 502 });

    const error = await caught(run('rlab_add_track', { track: 'FLT-BOTH-2', phone: '79160000000' }));

    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: UNREACHABLE('main address: HTTP 500; backup address: HTTP 502'),
    });
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 1 });
  });

  it('primary down and backup too slow: handed back to Zapier within two timeouts', async () => {
    await sandbox().rlab.fault('down');
    await sandbox().rlabBackup.fault('slow', SLOW);
    const started = Date.now();

    const error = await caught(run('rlab_track_info', { track: '80085275412345' }));

    expect(Date.now() - started).toBeLessThan(SLOW.delayMs);
    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: UNREACHABLE('main address: ECONNREFUSED; backup address: did not answer in time (1 s)'),
    });
  });

  it('both hosts stalling their bodies: a write ends inside the step budget, is not resent, and says "did not answer in time"', async () => {
    await sandbox().rlab.fault('stall', { delayMs: 250, ...TRICKLE });
    await sandbox().rlabBackup.fault('stall', { delayMs: 250, ...TRICKLE });

    const error = await caught(run('rlab_add_track', { track: 'FLT-BOTH-ST', phone: '79160000000' }));

    // Bounded by the number of exchanges, each ended by its limit: the write once, the backup's check
    // once (Zapier's 30 s hold 2.5 exchanges with the 10 s default).
    expect(countsTo('gettrackinfo.ashx', hosts())).toEqual({ primary: 0, backup: 1 });
    expect(error).toMatchObject({ name: 'AppError', code: 'RlabUnconfirmedWrite' });
    expect(error.message).toMatch(
      /^R-Lab did not confirm addtrack \(main address: did not answer in time \(1 s\); backup address: did not answer in time \(1 s\)\)\./,
    );
    expect(error.message).not.toMatch(/connection failed/);
    expect(countsTo('addtrack.ashx', hosts())).toEqual({ primary: 1, backup: 0 });
  });

  it('the connection test says R-Lab is down without promising a retry: nothing retries a connection test', async () => {
    await sandbox().rlab.fault('down');
    await sandbox().rlabBackup.fault('down');
    const { rlab_user_id, rlab_api_key } = sandbox().accounts;
    const error = await caught(
      appTester(App.authentication!.test as never, { authData: { rlab_user_id, rlab_api_key } }),
    );
    expect(error).toMatchObject({
      name: 'AppError',
      message:
        'R-Lab is unreachable (main address: ECONNREFUSED; backup address: ECONNREFUSED). Test the connection again in about 5 minutes; ' +
        'if R-Lab stays down for more than 20 minutes, contact its support.',
    });
    expect(error.message).not.toContain('Zapier will retry');
  });
});

describe('DeliveryCRM blacklist (no backup host): every fault of a read is handed back to Zapier', () => {
  const check = () => run('blacklist_check', { phone: '79160000013' });
  const unreachable = (reason: string) =>
    `DeliveryCRM blacklist is unreachable (${reason}). Zapier will retry this step in about 5 minutes; ` +
    'if DeliveryCRM blacklist stays down for more than 20 minutes, contact its support.';

  it.each([
    ['down', {}, 'ECONNREFUSED', 0],
    ['slow', SLOW, 'did not answer in time (1 s)', 1],
    ['stall', { delayMs: 250, ...TRICKLE }, 'did not answer in time (1 s)', 1],
    ['http500', {}, 'HTTP 500', 1],
  ] as const)('%s: ThrottledError (300 s), asked once', async (mode, options, reason, requests) => {
    await sandbox().deliverycrm.fault(mode, options);
    const error = await caught(check());
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 300, message: unreachable(reason) });
    expect(sandbox().deliverycrm.requestsTo('/v1/black/check')).toHaveLength(requests);
  });

  it('malformed: an answer that is not JSON is called unreadable, not "unreachable" (it did answer)', async () => {
    await sandbox().deliverycrm.fault('malformed', {});
    const error = await caught(check());
    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message:
        'DeliveryCRM blacklist answered with something other than its documented answer (HTTP 200, not JSON), so ' +
        'it is not taken as a result. Zapier will retry this step in about 5 minutes.',
    });
    expect(sandbox().deliverycrm.requestsTo('/v1/black/check')).toHaveLength(1);
  });

  it.each(['null', 'error', 'internal', 'nokarma'] as const)(
    'a non-record answer (%s) is never "nothing found" nor a clean buyer: handed back for retry',
    async (shape) => {
      await sandbox().deliverycrm.fault('nonrecord', { shape });
      const error = await caught(check());
      expect(error).toMatchObject({
        name: 'ThrottledError',
        delay: 300,
        message: expect.stringMatching(
          /^DeliveryCRM blacklist answered with something other than its documented answer/,
        ),
      });
    },
  );

  it('429 with Retry-After: handed back with the vendor’s delay', async () => {
    await sandbox().deliverycrm.fault('http429', { retryAfterSeconds: 30 });
    expect(await caught(check())).toMatchObject({ name: 'ThrottledError', delay: 30 });
    expect(sandbox().deliverycrm.requestsTo('/v1/black/check')).toHaveLength(1);
  });
});

describe('JustClick Update Order Status: a write with no backup and no retry inside the app', () => {
  const update = (bill_id: string) => run('justclick_update_order_status', { bill_id, status: 'cancel' });
  const bill = (id: string) => sandbox().justclick.bills.get(id)!;
  const requests = () => sandbox().justclick.requestsTo('/api/UpdateOrderStatus').length;

  it('refusing connections: nothing was sent, so Zapier retries the step in 300 s', async () => {
    await sandbox().justclick.fault('down');
    const error = await caught(update('100001'));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: 'JustClick could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.',
    });
    expect(bill('100001').status).toBe('new');
  });

  it('answering 5xx: one request, not resent, and the user is told to check the order', async () => {
    await sandbox().justclick.fault('http500', { status: 502 });
    const error = await caught(update('100001'));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'JustClickServerError',
      message:
        'JustClick answered with a server error (HTTP 502). The change may or may not have been applied: check the order in JustClick before you replay this step.',
    });
    expect(requests()).toBe(1);
  });

  it('answering malformed JSON: one request, never taken as success', async () => {
    await sandbox().justclick.fault('malformed');
    const error = await caught(update('100001'));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'JustClickBadAnswer',
      message:
        'JustClick answered with something other than its API answer (HTTP 200: "{"error_code":0,"error_text":"O"). Check the JustClick Login in the connection.',
    });
    expect(requests()).toBe(1);
  });

  it('answering with a wrong hash: the status changed at JustClick, but an unsigned "OK" is not reported as done, and not resent', async () => {
    await sandbox().justclick.fault('badhash');
    const error = await caught(update('100002'));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'JustClickUntrustedAnswer',
      message:
        "JustClick's answer is not signed with your API key, so it cannot be trusted and this step is not reported as done. " +
        'Check the JustClick API Key in the connection, then check the order in JustClick.',
    });
    expect(requests()).toBe(1);
    expect(bill('100002').history).toHaveLength(1);
  });

  it('dropping the connection after applying: one request, not resent, the user is told it may be applied', async () => {
    await sandbox().justclick.fault('reset');
    const error = await caught(update('100003'));
    expect(error).toMatchObject({ name: 'AppError', code: 'JustClickNoAnswer' });
    expect(error.message).toBe(
      'JustClick did not answer (ECONNRESET). The change may or may not have been applied: check the order in JustClick before you replay this step.',
    );
    expect(requests()).toBe(1);
    expect(bill('100003').history).toHaveLength(1);
  });

  it('late headers, then a trickling body: the whole exchange ends at JUSTCLICK_TIMEOUT_MS with "did not answer in time", not "connection failed"', async () => {
    setEnv({ JUSTCLICK_TIMEOUT_MS: String(TIMEOUT_MS) });
    await sandbox().justclick.fault('stall', { delayMs: 250, ...TRICKLE });
    const error = await caught(update('100005'));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'JustClickNoAnswer',
      message:
        'JustClick did not answer in time (1 s). The change may or may not have been applied: check the order in JustClick before you replay this step.',
    });
    expect(requests()).toBe(1);
  });

  it('answering 429 with Retry-After: handed back to Zapier with that delay, nothing applied', async () => {
    await sandbox().justclick.fault('http429', { retryAfterSeconds: 90 });
    expect(await caught(update('100004'))).toMatchObject({
      name: 'ThrottledError',
      delay: 90,
      message: 'The server returned 429 (Too Many Requests)',
    });
    expect(requests()).toBe(1);
    expect(bill('100004').status).toBe('new');
  });
});

describe('MeaSoft API fails', () => {
  const create = (orderno: string) =>
    run('measoft_create_order', {
      orderno,
      receiver_name: 'Анна Петрова',
      receiver_phone: '+7 (916) 000-00-00',
      receiver_town: 'Москва',
      receiver_address: 'Петровка, 38',
      weight: '1',
      quantity: 1,
    });
  const requests = () => sandbox().measoft.requests.length;

  it('refusing connections: nothing was sent, handed back to Zapier to retry', async () => {
    await sandbox().measoft.fault('down');
    expect(await caught(create('SHOP-F1'))).toMatchObject({
      name: 'ThrottledError',
      delay: 300,
      message: 'MeaSoft could not be reached (ECONNREFUSED); nothing was sent. Zapier will retry this step later.',
    });
  });

  it('late headers, then a trickling body: the whole exchange ends at MEASOFT_TIMEOUT_MS with "did not answer in time", and a write is not resent', async () => {
    setEnv({ MEASOFT_TIMEOUT_MS: String(TIMEOUT_MS) });
    await sandbox().measoft.fault('stall', { delayMs: 250, ...TRICKLE });
    const error = await caught(create('SHOP-F2'));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'MeasoftNoAnswer',
      message:
        'MeaSoft did not answer in time (1 s). The order may or may not have been created. Replaying this step ' +
        'is safe: MeaSoft refuses a second order with the same Order Number (error 17), and the step then ' +
        'returns the order MeaSoft has.',
    });
    // The neworder itself stalled (no look-up comes first), and it is not resent.
    expect(requests()).toBe(1);
    expect(sandbox().measoft.requests[0]!.body).toContain('<neworder');
  });
});
