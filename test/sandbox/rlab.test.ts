import { RlabEmulator } from '../../sandbox/emulators/rlab';
import { RlabState, seedRlabState } from '../../sandbox/emulators/rlab-state';
import { md5 } from '../support/hash';
import { entry, postRlab, rlabBody } from './helpers';

const USER = '999999';
const KEY = '07dbd136d760e6be8fde6a2238992831';
const BAD_KEY = { resultState: 2, resultInfo: 'Некорректный ключ запроса в trackingRequestKey', resultData: null };

describe('R-Lab emulators (primary and backup over one state)', () => {
  let state: RlabState;
  let primary: RlabEmulator;
  let backup: RlabEmulator;
  const now = new Date('2024-05-20T09:30:00Z'); // 12:30:00 in Moscow

  beforeEach(async () => {
    state = new RlabState(() => now);
    seedRlabState(state, { userId: USER, apiKey: KEY });
    state.addUser('1', '3c6e0b8a9c15224a8228b9a98ca1531d');
    primary = new RlabEmulator(state, 'R-Lab');
    backup = new RlabEmulator(state, 'R-Lab backup');
    await primary.start();
    await backup.start();
  });

  afterEach(async () => {
    await primary.stop();
    await backup.stop();
  });

  const post = (method: string, body: unknown, host = primary) =>
    postRlab(`${host.url}/${method}`, body).then((answer) => answer.json);
  const tracksOf = (userId = USER) => [...(state.user(userId)?.tracks.keys() ?? [])];

  it("accepts the document's example request with its literal key 8e093b01… (user 1)", async () => {
    const body = {
      trackingUserId: 1,
      trackingRequestKey: '8e093b01b18e3272a7d615704cc1502a',
      testMode: false,
      trackingData: [
        entry('19527937484546', {
          trackingUserClientName: 'Дмитрий',
          trackingUserClientItemCost: 123.45,
          trackingUserClientOrderNumber: '4321',
        }),
        entry('63010828068631', { trackingUserClientPhone: '79150000000', trackingUserClientName: 'Василий' }),
      ],
    };
    expect(await post('addtrack.ashx', body)).toEqual({
      resultState: 0,
      resultInfo: 'Данные успешно добавлены в базу',
      resultData: null,
    });
    expect(tracksOf('1')).toEqual(['19527937484546', '63010828068631']);
    expect(state.track('1', '19527937484546')).toMatchObject({
      name: 'Дмитрий',
      itemCost: 123.45,
      orderNumber: '4321',
    });
  });

  it('refuses a wrong key with resultState 2 and stores nothing', async () => {
    const body = {
      ...rlabBody(USER, KEY, [entry('RA000000001RU')]),
      trackingRequestKey: md5(`${USER}:RA000000001RU:wrong`),
    };
    expect(await post('addtrack.ashx', body)).toEqual(BAD_KEY);
    expect(state.track(USER, 'RA000000001RU')).toBeUndefined();
  });

  it('recomputes the key from the tracks received: a key over other tracks is refused', async () => {
    const body = { ...rlabBody(USER, KEY, [entry('A1')]), trackingData: [entry('A1'), entry('A2')] };
    expect(await post('addtrack.ashx', body)).toEqual(BAD_KEY);
  });

  it('refuses an unknown user id the same way', async () => {
    expect(await post('addtrack.ashx', rlabBody('424242', KEY, [entry('A1')]))).toEqual(BAD_KEY);
  });

  it('adds, shows, updates (empty fields and cost 0 unchanged) and deletes a track, on either host', async () => {
    const added = entry('RA123456785RU', {
      trackingUserClientPhone: '79161112233',
      trackingUserClientEmail: 'ivan@example.ru',
      trackingUserClientName: 'Иван',
      trackingUserClientItemCost: 1500,
      trackingUserClientOrderNumber: '100001',
      trackingUserClientDescription: 'Книга',
    });
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, [added]))).toMatchObject({ resultState: 0 });

    // The backup host sees what the primary stored.
    const info = (await post('gettrackinfo.ashx', rlabBody(USER, KEY, [entry('RA123456785RU')]), backup)) as {
      resultData: unknown[];
    };
    expect(info).toMatchObject({ resultState: 0, resultInfo: 'Запрос выполнен' });
    expect(info.resultData).toEqual([
      expect.objectContaining({
        trackNumber: 'RA123456785RU',
        trackMainStatus: 0,
        trackCreateDate: '20.05.2024 12:30:00',
        trackUpdateDate: null,
        trackingUserClientPhone: '79161112233',
        trackingUserClientName: 'Иван',
        trackingUserClientItemCost: 1500,
        trackingUserClientOrderNumber: '100001',
      }),
    ]);

    const update = entry('RA123456785RU', {
      trackingUserClientPhone: '',
      trackingUserClientName: 'Николай',
      trackingUserClientItemCost: 0,
    });
    expect(await post('updatetrack.ashx', rlabBody(USER, KEY, [update]))).toEqual({
      resultState: 0,
      resultInfo: 'Данные успешно добавлены в очередь на обновление',
      resultData: null,
    });
    expect(state.track(USER, 'RA123456785RU')).toMatchObject({
      name: 'Николай',
      phone: '79161112233',
      email: 'ivan@example.ru',
      itemCost: 1500,
      orderNumber: '100001',
      description: 'Книга',
    });

    expect(await post('deltrack.ashx', rlabBody(USER, KEY, [{ trackingUserClientTrack: 'RA123456785RU' }]))).toEqual({
      resultState: 0,
      resultInfo: 'Треки успешно удалены из базы',
      resultData: null,
    });
    expect(state.track(USER, 'RA123456785RU')).toBeUndefined();
  });

  it('reports realistic statuses with dd.MM.yyyy HH:mm:ss Moscow dates once the carrier moves the parcel', async () => {
    await post('addtrack.ashx', rlabBody(USER, KEY, [entry('80000000000001')]));
    state.setStatus(USER, '80000000000001', 4, new Date('2024-05-20T10:00:00Z'));
    state.setStatus(USER, '80000000000001', 2, new Date('2024-05-23T06:15:30Z'));
    const info = (await post('gettrackinfo.ashx', rlabBody(USER, KEY, [entry('80000000000001')]))) as {
      resultData: unknown[];
    };
    expect(info.resultData[0]).toMatchObject({
      trackMainStatus: 2,
      trackInfo: 'Прибыло в место вручения',
      trackUpdateDate: '23.05.2024 09:15:30',
      trackEventDate: '23.05.2024 09:15:30',
      trackRecepDate: '20.05.2024 13:00:00',
    });
  });

  it("returns the document's example track (overdue, status 9) and an empty resultData for unknown tracks", async () => {
    const known = (await post('gettrackinfo.ashx', rlabBody(USER, KEY, [entry('19191911187312')]))) as {
      resultData: unknown[];
    };
    expect(known.resultData).toEqual([
      expect.objectContaining({
        trackNumber: '19191911187312',
        trackMainStatus: 9,
        trackCreateDate: '08.06.2018 14:22:55',
      }),
    ]);
    expect(await post('gettrackinfo.ashx', rlabBody(USER, KEY, [entry('NOPE0000000RU')]))).toEqual({
      resultState: 0,
      resultInfo: 'Запрос выполнен',
      resultData: [],
    });
  });

  it('stores the valid entries of a partly invalid batch and reports resultState 1 with the error count', async () => {
    const entries = [
      entry('GOOD000001'),
      entry('', {}),
      entry('BADPHONE01', { trackingUserClientPhone: '916000' }),
      entry('LONGORDER1', { trackingUserClientOrderNumber: '1'.repeat(41) }),
      entry('LONGDESC01', { trackingUserClientDescription: 'д'.repeat(201) }),
      entry('GOOD000002', {
        trackingUserClientOrderNumber: '1'.repeat(40),
        trackingUserClientDescription: 'д'.repeat(200),
      }),
    ];
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, entries))).toEqual({
      resultState: 1,
      resultInfo: 'Часть данных добавлены в базу, ошибок 4',
      resultData: null,
    });
    expect(tracksOf()).toEqual(expect.arrayContaining(['GOOD000001', 'GOOD000002']));
    expect(tracksOf()).not.toEqual(expect.arrayContaining(['BADPHONE01']));
  });

  it('refuses a batch where every entry is invalid with resultState 2', async () => {
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, [entry('X1', { trackingUserClientPhone: 'abc' })]))).toEqual(
      {
        resultState: 2,
        resultInfo: 'Данные не добавлены в базу, ошибок 1',
        resultData: null,
      },
    );
  });

  it('takes 100 tracks in one request and refuses 101', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => entry(`T${String(i).padStart(5, '0')}`));
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, hundred))).toMatchObject({ resultState: 0 });
    const tooMany = Array.from({ length: 101 }, (_, i) => entry(`U${String(i).padStart(5, '0')}`));
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, tooMany))).toEqual({
      resultState: 2,
      resultInfo: 'Превышено максимальное количество треков в одном запросе (100)',
      resultData: null,
    });
    expect(tracksOf().filter((track) => track.startsWith('U'))).toEqual([]);
    expect(tracksOf().filter((track) => track.startsWith('T'))).toHaveLength(100);
  });

  it('testMode checks the request and stores nothing', async () => {
    expect(await post('addtrack.ashx', rlabBody(USER, KEY, [entry('TESTMODE1')], true))).toMatchObject({
      resultState: 0,
    });
    expect(state.track(USER, 'TESTMODE1')).toBeUndefined();
    expect(
      await post('addtrack.ashx', rlabBody(USER, KEY, [entry('TESTMODE2', { trackingUserClientPhone: '1' })], true)),
    ).toMatchObject({
      resultState: 2,
    });
  });

  it('counts updates and deletes of unknown tracks as errors (resultState 1 when others succeed)', async () => {
    const update = await post(
      'updatetrack.ashx',
      rlabBody(USER, KEY, [entry('80085275412345', { trackingUserClientPhone: '' }), entry('UNKNOWN1')]),
    );
    expect(update).toEqual({ resultState: 1, resultInfo: 'Часть данных обновлена в базе, ошибок 1', resultData: null });
    const removed = await post('deltrack.ashx', rlabBody(USER, KEY, [entry('80085275412345'), entry('UNKNOWN1')]));
    expect(removed).toEqual({ resultState: 1, resultInfo: 'Часть треков удалены, ошибок 1', resultData: null });
    expect(await post('deltrack.ashx', rlabBody(USER, KEY, [entry('UNKNOWN1')]))).toMatchObject({ resultState: 2 });
  });

  it('keeps tracks per user: another user cannot see or delete them', async () => {
    const other = rlabBody('1', '3c6e0b8a9c15224a8228b9a98ca1531d', [entry('80085275412345')]);
    expect(await post('gettrackinfo.ashx', other)).toMatchObject({ resultState: 0, resultData: [] });
    expect(await post('deltrack.ashx', other)).toMatchObject({ resultState: 2 });
    expect(state.track(USER, '80085275412345')).toBeDefined();
  });

  it('getuserinfo: md5(userId:apiKey) gives the balance and tariff; a track added uses one from the balance', async () => {
    const body = {
      trackingUserId: Number(USER),
      trackingRequestKey: md5(`${USER}:${KEY}`),
      testMode: false,
      trackingData: null,
    };
    expect(await post('getuserinfo.ashx', body)).toEqual({
      resultState: 0,
      resultInfo: 'Запрос выполнен',
      resultData: {
        userExpireDate: 'Бессрочный',
        userBalance: 1000,
        userExpired: false,
        userBalanceUnlimited: false,
        userDateUnlimited: true,
      },
    });
    await post('addtrack.ashx', rlabBody(USER, KEY, [entry('BALANCE1')]));
    expect(await post('getuserinfo.ashx', body)).toMatchObject({ resultData: { userBalance: 999 } });
    expect(await post('getuserinfo.ashx', { ...body, trackingRequestKey: md5(`${USER}::${KEY}`) })).toEqual(BAD_KEY);
  });

  it('answers resultState 2 for a body that is not JSON or has no trackingData, and 404 for other files', async () => {
    const raw = await postRlab(`${primary.url}/addtrack.ashx`, 'x');
    expect(raw.json).toMatchObject({ resultState: 2 });
    const notJson = await fetch(`${primary.url}/addtrack.ashx`, { method: 'POST', body: '{"trackingUserId":' });
    expect(await notJson.json()).toEqual({
      resultState: 2,
      resultInfo: 'Некорректный формат запроса',
      resultData: null,
    });
    expect(await post('addtrack.ashx', { trackingUserId: 1, trackingRequestKey: 'x' })).toMatchObject({
      resultState: 2,
    });
    expect((await fetch(`${primary.url}/other.ashx`, { method: 'POST' })).status).toBe(404);
  });

  it('records a second add of the same track (a retry that sent twice is visible)', async () => {
    await post('addtrack.ashx', rlabBody(USER, KEY, [entry('TWICE1')]));
    await post('addtrack.ashx', rlabBody(USER, KEY, [entry('TWICE1')]), backup);
    expect(state.track(USER, 'TWICE1')?.timesAdded).toBe(2);
    expect(primary.requestsTo('addtrack.ashx')).toHaveLength(1);
    expect(backup.requestsTo('addtrack.ashx')).toHaveLength(1);
  });
});
