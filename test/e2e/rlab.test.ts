/**
 * R-Lab / DeliveryCRM operations end to end: the app through createAppTester against the sandbox's
 * R-Lab hosts, DeliveryCRM and blacklist-history emulators over loopback. Each emulator checks the
 * keys the way the vendor would; faults are real (refused connections, slow answers, 5xx).
 */
import { connectionLabel, test as connectionTest } from '../../src/authentication';
import { caught } from '../support/zapier-error';
import { appTester, runOperation as run, useSandbox } from './helpers';

type Result = Record<string, unknown>;

describe('e2e: R-Lab / DeliveryCRM against the sandbox', () => {
  const sandbox = useSandbox();

  const create = (key: 'rlab_add_track' | 'rlab_update_track' | 'rlab_delete_track', inputData: Result) =>
    run(key, sandbox().accounts, inputData) as Promise<Result>;
  const search = (key: 'rlab_track_info' | 'blacklist_check' | 'notification_history', inputData: Result) =>
    run(key, sandbox().accounts, inputData) as Promise<Result[]>;
  const stored = (track: string) => sandbox().rlabState.track(sandbox().accounts.rlab_user_id, track);

  it('adds a track, finds its status once the carrier accepts it, updates it and deletes it', async () => {
    const added = await create('rlab_add_track', {
      track: 'RA644000001RU',
      phone: '+7 (916) 555-12-34',
      email: 'buyer@example.ru',
      name: 'Мария',
      item_cost: 3490,
      order_number: '100001',
      description: 'Платье летнее',
    });
    expect(added).toMatchObject({ track: 'RA644000001RU', phone: '79165551234', result_state: 0, batch_count: 1 });
    expect(stored('RA644000001RU')).toMatchObject({
      phone: '79165551234',
      name: 'Мария',
      itemCost: 3490,
      orderNumber: '100001',
    });

    sandbox().rlabState.setStatus(
      sandbox().accounts.rlab_user_id,
      'RA644000001RU',
      4,
      new Date('2024-05-20T10:00:00Z'),
    );
    const [info] = await search('rlab_track_info', { track: 'RA644000001RU' });
    expect(info).toMatchObject({
      trackNumber: 'RA644000001RU',
      trackMainStatus: 4,
      trackInfo: 'Приём отправления почтовым отделением',
    });

    await create('rlab_update_track', { track: 'RA644000001RU', name: 'Мария Иванова' });
    expect(stored('RA644000001RU')).toMatchObject({
      name: 'Мария Иванова',
      phone: '79165551234',
      email: 'buyer@example.ru',
      itemCost: 3490,
    });

    await create('rlab_delete_track', { track: 'RA644000001RU' });
    expect(stored('RA644000001RU')).toBeUndefined();
    expect(await search('rlab_track_info', { track: 'RA644000001RU' })).toEqual([]);
  });

  it('line items: each track is stored with its own name and order number; deleting one leaves the other', async () => {
    const added = await create('rlab_add_track', {
      track: ['SBX000000001RU', 'SBX000000002RU'],
      phone: ['8 916 000-00-01', ''],
      name: ['Анна', 'Борис'],
      order_number: ['A-1', 'A-2'],
    });
    expect(added).toMatchObject({ track_count: 2, result_state: 0 });
    expect(stored('SBX000000001RU')).toMatchObject({ phone: '79160000001', name: 'Анна', orderNumber: 'A-1' });
    expect(stored('SBX000000002RU')).toMatchObject({ name: 'Борис', orderNumber: 'A-2' });
    await create('rlab_update_track', { track: ['SBX000000001RU'], name: ['Анна Петрова'] });
    expect(stored('SBX000000001RU')).toMatchObject({ phone: '79160000001', name: 'Анна Петрова', orderNumber: 'A-1' });
    await create('rlab_delete_track', { track: ['SBX000000002RU'] });
    expect(stored('SBX000000002RU')).toBeUndefined();
    expect(stored('SBX000000001RU')).toBeDefined();
  });

  it('finds a seeded overdue track with its status (9)', async () => {
    const [info] = await search('rlab_track_info', { track: '19191911187312' });
    expect(info).toMatchObject({ trackNumber: '19191911187312', trackMainStatus: 9 });
  });

  it('a track typed with spaces, lower case and a Cyrillic А is stored, found and shown as carriers write it', async () => {
    const added = await create('rlab_add_track', { track: 'r\u0410 644 000 002 ru', phone: '+7 916 555-12-34' });
    expect(added).toMatchObject({ track: 'RA644000002RU', result_state: 0, served_by_backup: false });
    expect(stored('RA644000002RU')).toBeDefined();
    expect(await search('rlab_track_info', { track: ' ra644000002ru ' })).toEqual([
      expect.objectContaining({ trackNumber: 'RA644000002RU' }),
    ]);
    expect(await search('notification_history', { track: 'r\u0410644000002RU' })).toEqual([
      expect.objectContaining({ track: 'RA644000002RU' }),
    ]);
  });

  it('a local phone with a leading 0 is refused before anything is sent', async () => {
    const error = await caught(create('rlab_add_track', { track: 'RA644000003RU', phone: '0336965825' }));
    expect(error.message).toMatch(
      /^Phone: expected the number in international form with its country code, such as \+84 33 696 5825/,
    );
    expect(sandbox().rlab.requests).toHaveLength(0);
  });

  it('an unknown track has no notification history: nothing found ([]), not an error', async () => {
    expect(await search('notification_history', { track: 'RA000000000RU' })).toEqual([]);
    expect(sandbox().deliverycrm.requestsTo('/v1/track/history')).toHaveLength(1);
  });

  it('says in a filterable field when the plain-http backup answered', async () => {
    await sandbox().rlab.fault('down');
    expect(await search('rlab_track_info', { track: '80085275412345' })).toEqual([
      expect.objectContaining({ served_by_backup: true }),
    ]);
    expect(await create('rlab_add_track', { track: 'RA644000004RU', phone: '79160000000' })).toMatchObject({
      served_by_backup: true,
      tracks: [expect.objectContaining({ served_by_backup: true })],
    });
  });

  it('test mode: R-Lab checks the request and stores nothing', async () => {
    await create('rlab_add_track', { track: 'TESTMODE0001', phone: '79160000000', test_mode: true });
    expect(stored('TESTMODE0001')).toBeUndefined();
    expect(sandbox().rlab.requestsTo('addtrack.ashx')).toHaveLength(1);
  });

  it('a wrong API key: R-Lab refuses the key and the user is sent to the connection', async () => {
    const error = await caught(
      run(
        'rlab_add_track',
        { ...sandbox().accounts, rlab_api_key: 'not-the-key' },
        { track: 'WRONGKEY001', phone: '79160000000' },
      ),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('Некорректный ключ запроса');
    expect(error.message).not.toContain('not-the-key');
    expect(stored('WRONGKEY001')).toBeUndefined();
  });

  it('250 tracks with the primary host down: three signed batches go to the backup, nothing lost or sent twice', async () => {
    await sandbox().rlab.fault('down');
    const tracks = Array.from({ length: 250 }, (_, i) => `BULK${String(i).padStart(6, '0')}`);
    const result = await create('rlab_add_track', { track: tracks, phone: tracks.map(() => '79160000000') });
    expect(result).toMatchObject({ track_count: 250, batch_count: 3, result_state: 0 });
    const sent = sandbox()
      .rlabBackup.requestsTo('addtrack.ashx')
      .map((request) => (JSON.parse(request.body) as { trackingData: unknown[] }).trackingData.length);
    expect(sent).toEqual([100, 100, 50]);
    expect(sandbox().rlab.requests).toHaveLength(0);
    for (const track of tracks) expect(stored(track)?.timesAdded).toBe(1);
  });

  // The primary answering 5xx, timing out, and both hosts down are tested once, with stronger
  // assertions, in test/reliability/faults.test.ts.

  it('a 4xx from the primary is final: never retried on the backup', async () => {
    await sandbox().rlab.fault('http500', { status: 404 });
    await caught(create('rlab_add_track', { track: 'FOUR04001', phone: '79160000000' }));
    expect(sandbox().rlabBackup.requests).toHaveLength(0);
  });

  it('finds the high-karma buyer in the blacklist, with the history when asked', async () => {
    const [buyer] = await search('blacklist_check', { phone: '+7 (916) 000-00-13', include_history: 'yes' });
    expect(buyer).toMatchObject({
      blackPhone: '79160000013',
      blackKarma: 9,
      blackCancelCount: 9,
      blackDoneCount: 60,
      history_included: true,
    });
    expect((buyer?.history as unknown[]).length).toBe(69);
    expect(sandbox().blacklistHistory.requests).toHaveLength(1);
  });

  it('an unknown buyer is "nothing found" ([]), not an error', async () => {
    expect(await search('blacklist_check', { phone: '79990001122' })).toEqual([]);
  });

  it('a blacklist server error (karma -3) is handed back for retry', async () => {
    await sandbox().deliverycrm.fault('vendorerror');
    const error = await caught(search('blacklist_check', { phone: '79160000013' }));
    expect(error.name).toBe('ThrottledError');
  });

  it('a wrong key at DeliveryCRM (HTTP 403) sends the user to the connection', async () => {
    const error = await caught(
      run('blacklist_check', { ...sandbox().accounts, rlab_api_key: 'bad' }, { phone: '79160000013' }),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('HTTP 403');
  });

  it('gives the notification history of a delivered track: statuses and the SMS sent', async () => {
    const [history] = await search('notification_history', { track: '80085275412345' });
    expect(history).toMatchObject({ track: '80085275412345', result: 1, result_label: 'Finished: Delivered' });
    expect(history?.status_history).toHaveLength(3);
    expect(history?.sms).toHaveLength(3);
  });

  it('shows the balance R-Lab keeps (one per track added) in the connection test and its label', async () => {
    const info = (await appTester(connectionTest, {
      authData: { rlab_user_id: sandbox().accounts.rlab_user_id, rlab_api_key: sandbox().accounts.rlab_api_key },
    })) as Result;
    expect(info).toMatchObject({
      rlab_user_id: sandbox().accounts.rlab_user_id,
      rlab_balance: sandbox().rlabState.user(sandbox().accounts.rlab_user_id)?.balance,
    });
    expect(await connectionLabel({} as never, { inputData: info } as never)).toMatch(
      /^R-Lab user \S+ \(balance \d+ tracks, /,
    );
  });
});
