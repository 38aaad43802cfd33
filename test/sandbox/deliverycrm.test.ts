import { BlacklistHistoryEmulator, DeliveryCrmEmulator, FORBIDDEN_MESSAGE } from '../../sandbox/emulators/deliverycrm';
import { RlabEmulator } from '../../sandbox/emulators/rlab';
import { RlabState, seedRlabState } from '../../sandbox/emulators/rlab-state';
import { sha1 } from '../support/hash';
import { call, entry, postRlab, rlabBody } from './helpers';

const USER = '999999';
const KEY = '07dbd136d760e6be8fde6a2238992831';

describe('DeliveryCRM emulator', () => {
  let state: RlabState;
  let crm: DeliveryCrmEmulator;
  let rlab: RlabEmulator;

  beforeEach(async () => {
    state = new RlabState(() => new Date('2024-05-20T09:30:00Z'));
    seedRlabState(state, { userId: USER, apiKey: KEY });
    crm = new DeliveryCrmEmulator(state);
    rlab = new RlabEmulator(state);
    await crm.start();
    await rlab.start();
  });

  afterEach(async () => {
    await crm.stop();
    await rlab.stop();
  });

  const check = (phone: string, email: string, key = sha1(`${USER}:${KEY}:${phone}:${email}`)) =>
    call(`${crm.url}/v1/black/check?${new URLSearchParams({ user_id: USER, request_key: key, phone, email })}`);

  describe('/v1/black/check', () => {
    it('finds the high-karma buyer by phone, karma written as a decimal like the document', async () => {
      const answer = await check('79160000013', '');
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('"blackKarma":9.0');
      expect(answer.json).toEqual([
        {
          blackPhone: '79160000013',
          blackEmail: '',
          blackKarma: 9,
          blackComment: 'возвратов 9, неизвестно 0, вручено 60',
          blackCancelCount: 9,
          blackExpiredCount: 0,
          blackDoneCount: 60,
          history: null,
        },
      ]);
    });

    it('searches phone and e-mail together and removes duplicates', async () => {
      const both = await check('79261234567', 'good.buyer@example.ru');
      expect(both.json).toHaveLength(1);
      const two = (await check('79160000013', 'refuser@example.ru')).json as Array<{ blackKarma: number }>;
      expect(two.map((record) => record.blackKarma)).toEqual([9, 6]);
    });

    it('answers karma -1 when nothing is found and -2 when neither phone nor e-mail is given', async () => {
      expect(await check('79990001122', '').then((a) => a.json)).toEqual([
        expect.objectContaining({ blackPhone: '79990001122', blackKarma: -1, blackComment: 'Ничего не найдено' }),
      ]);
      const none = await check('', '');
      expect(none.text).toContain('"blackKarma":-2.0');
      expect(none.json).toEqual([
        expect.objectContaining({
          blackPhone: null,
          blackEmail: null,
          blackKarma: -2,
          blackComment: 'Ошибка: Введите телефон или e-mail',
        }),
      ]);
    });

    it('refuses a wrong key with HTTP 403 and a JSON error, an unknown user the same way', async () => {
      const wrong = await check('79160000013', '', sha1(`${USER}:wrong:79160000013:`));
      expect(wrong.status).toBe(403);
      expect(wrong.json).toEqual({ name: 'Forbidden', message: FORBIDDEN_MESSAGE, code: 0, status: 403 });
      // The key covers the phone: a key made for another phone is refused.
      expect((await check('79160000013', '', sha1(`${USER}:${KEY}:79160000014:`))).status).toBe(403);
      const unknownUser = await call(
        `${crm.url}/v1/black/check?user_id=1&request_key=${sha1(`1:${KEY}::`)}&phone=&email=`,
      );
      expect(unknownUser.status).toBe(403);
    });

    it.each([
      ['null', null],
      ['error', { error: 'Service temporarily unavailable' }],
      [
        'internal',
        { name: 'Internal Server Error', message: 'An internal server error occurred.', code: 0, status: 500 },
      ],
    ] as const)(
      'nonrecord fault (%s): HTTP 200 with something that is not the list of records',
      async (shape, expected) => {
        await crm.fault('nonrecord', { shape });
        const answer = await check('79160000013', '');
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual(expected);
      },
    );

    it("nonrecord fault (nokarma): the buyer's record without blackKarma, then normal again after `times`", async () => {
      await crm.fault('nonrecord', { shape: 'nokarma', times: 1 });
      const broken = (await check('79160000013', '')).json as Array<Record<string, unknown>>;
      expect(broken).toHaveLength(1);
      expect(broken[0]).toMatchObject({ blackPhone: '79160000013', blackCancelCount: 9 });
      expect(broken[0]).not.toHaveProperty('blackKarma');
      expect((await check('79160000013', '')).json).toEqual([expect.objectContaining({ blackKarma: 9 })]);
    });

    it('vendorerror fault: karma -3, the server-side failure the client should retry later', async () => {
      await crm.fault('vendorerror', { times: 1 });
      expect(await check('79160000013', '').then((a) => a.json)).toEqual([expect.objectContaining({ blackKarma: -3 })]);
      expect(await check('79160000013', '').then((a) => a.json)).toEqual([expect.objectContaining({ blackKarma: 9 })]);
    });
  });

  describe('/v1/track/history', () => {
    const history = (tracks: Array<{ track?: string; service_id?: number }>, key?: string) => {
      const query = new URLSearchParams({
        user_id: USER,
        request_key: key ?? sha1(`${USER}${tracks.map((t) => t.track ?? '').join('')}${KEY}`),
      });
      tracks.forEach((track, index) => {
        if (track.track !== undefined) query.append(`tracks[${index}][track]`, track.track);
        if (track.service_id !== undefined) query.append(`tracks[${index}][service_id]`, String(track.service_id));
      });
      return call(`${crm.url}/v1/track/history?${query}`);
    };

    it("accepts the document's example key b3c6236d… for its two tracks (neither is known here)", async () => {
      const url =
        `${crm.url}/v1/track/history?user_id=999999&request_key=b3c6236d57025ee7d37584059685b08cece8f3f9` +
        '&tracks%5B0%5D%5Btrack%5D=18112831338669&tracks%5B1%5D%5Btrack%5D=BZXH10758710&tracks%5B1%5D%5Bservice_id%5D=3';
      const answer = await call(url);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        errors: { tracks: ['Track at index "0" not found.', 'Track at index "1" not found.'] },
        success: true,
        data: [],
      });
    });

    it('gives the status history and the SMS and e-mail notifications of a delivered track (Russian Post = 14)', async () => {
      const answer = await history([{ track: '80085275412345' }]);
      expect(answer.json).toMatchObject({ errors: [], success: true });
      const [item] = (answer.json as { data: Array<Record<string, unknown>> }).data;
      expect(item).toMatchObject({
        track: '80085275412345',
        result: 1,
        created_at: '2024-03-01 10:10:00',
        status_history: [
          { date: '2024-03-01 15:30:00', status: 'Приём отправления почтовым отделением', status_id: 101 },
          { date: '2024-03-05 11:02:00', status: 'Прибыло в место вручения', status_id: 802 },
          { date: '2024-03-06 17:41:00', status: 'Вручение адресату', status_id: 2001 },
        ],
        viber: [],
        call: [],
      });
      expect(item?.sms).toHaveLength(3);
      expect(item?.email).toHaveLength(3);
      expect((item?.sms as Array<Record<string, unknown>>)[2]).toEqual({
        message: 'Посылка 80085275412345 вручена. Спасибо за заказ!',
        segments: 1,
        internal_status: 0,
        sent_at: '2024-03-06 17:41:00',
        price: 2.95,
      });
      expect(item?.price).toBe(8.85);
    });

    it('knows tracks added through the R-Lab emulator, with the carrier mapped to its own numbering', async () => {
      await postRlab(
        `${rlab.url}/addtrack.ashx`,
        rlabBody(USER, KEY, [entry('CDEK000111', { trackingUserClientDeliveryServiceId: 7 })]),
      );
      state.setStatus(USER, 'CDEK000111', 4);
      const found = await history([{ track: 'CDEK000111', service_id: 7 }]);
      expect(found.json).toMatchObject({
        errors: [],
        data: [{ track: 'CDEK000111', result: 2, sms: [expect.objectContaining({ price: 2.95 })] }],
      });
      // Asked as Russian Post (the default), the CDEK track is not found.
      const wrongCarrier = await history([{ track: 'CDEK000111' }]);
      expect(wrongCarrier.json).toMatchObject({ data: [], errors: { tracks: ['Track at index "0" not found.'] } });
    });

    it('reports a missing track field by index, as an object when the indexes do not start at 0', async () => {
      const answer = await history([{ track: '80085275412345' }, { service_id: 3 }]);
      expect(answer.json).toMatchObject({
        errors: { tracks: { 1: 'Track at index "1" field "track" is required.' } },
        success: true,
      });
      expect((answer.json as { data: unknown[] }).data).toHaveLength(1);
    });

    it('refuses a wrong key with HTTP 403, and no tracks at all with 422', async () => {
      expect((await history([{ track: '80085275412345' }], sha1(`${USER}80085275412345wrong`))).status).toBe(403);
      const empty = await history([]);
      expect(empty.status).toBe(422);
      expect(empty.json).toEqual({ errors: { tracks: ['Tracks cannot be blank.'] }, success: false, data: [] });
    });
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await call(`${crm.url}/v1/other`)).status).toBe(404);
    expect((await call(`${crm.url}/v1/black/check`, { method: 'POST' })).status).toBe(405);
  });
});

describe('Blacklist history emulator', () => {
  let host: BlacklistHistoryEmulator;

  beforeAll(async () => {
    host = new BlacklistHistoryEmulator();
    await host.start();
  });

  afterAll(() => host.stop());

  const lookup = (phone: string, email: string) =>
    call(
      `${host.url}/api/BlackList/GetWhiteBlackHistoryInfo?${new URLSearchParams({ blackPhone: phone, blackEmail: email })}`,
    );

  it("gives the document's history shape: events with bwEventDate, bwType, bwShopCategoryId, bwShopOrderCost", async () => {
    const answer = await lookup('', 'refuser@example.ru');
    const [record] = answer.json as Array<Record<string, unknown> & { history: Array<Record<string, unknown>> }>;
    expect(record).toMatchObject({
      blackEmail: 'refuser@example.ru',
      blackKarma: 6,
      blackCancelCount: 1,
      blackExpiredCount: 5,
      blackDoneCount: 0,
    });
    expect(record?.history).toHaveLength(6);
    for (const event of record?.history ?? []) {
      expect(event).toEqual({
        bwEventDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
        bwType: expect.any(Number),
        bwShopCategoryId: expect.any(Number),
        bwShopOrderCost: expect.any(Number),
      });
    }
    expect(record?.blackTotalShopOrderCost).toBe(
      record?.history.reduce((sum, event) => sum + Number(event.bwShopOrderCost), 0),
    );
  });

  it('finds by phone (digits compared), and answers karma -1 / -2 like the check', async () => {
    expect(((await lookup('+7 (916) 000-00-13', '')).json as Array<{ blackKarma: number }>)[0]?.blackKarma).toBe(9);
    expect(await lookup('79990000000', '').then((a) => a.json)).toEqual([
      expect.objectContaining({ blackKarma: -1, history: [] }),
    ]);
    expect(await lookup('', '').then((a) => a.json)).toEqual([expect.objectContaining({ blackKarma: -2 })]);
  });

  it('answers 404 for other paths', async () => {
    expect((await call(`${host.url}/api/BlackList/Other`)).status).toBe(404);
  });
});
