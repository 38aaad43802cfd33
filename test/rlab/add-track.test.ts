import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform } from '../../src/rlab/add-track';
import { addTrackSample } from '../../src/rlab/samples';
import { resultInfoInEnglish } from '../../src/rlab/track-writes';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { md5 } from '../support/hash';
import { authData, fakeHost, KEY_ERROR, OK, parsedBodies, rlabHandler, type FakeHost } from './helpers';
import trackInfoAnswer from './fixtures/gettrackinfo.json';

const appTester = createAppTester(App);
const setEnv = useEnv();
const R_LAB = 'https://apilr2.r-lab.biz';
let hosts: FakeHost[] = [];

beforeEach(() => setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '' }));

afterEach(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  hosts = [];
});

/** A local R-Lab that checks every key; the app is pointed at it. */
async function localRlab(...args: Parameters<typeof rlabHandler>) {
  const host = await fakeHost(rlabHandler(...args));
  hosts.push(host);
  setEnv({ RLAB_BASE_URL: host.url });
  return host;
}

/** The body R-Lab receives for the given entries, signed md5(1:tracks:key). */
const signedBody = (entries: Array<Record<string, unknown>>, testMode = false) =>
  JSON.stringify({
    trackingUserId: 1,
    trackingRequestKey: md5(
      `1:${entries.map((entry) => entry.trackingUserClientTrack).join('')}:3c6e0b8a9c15224a8228b9a98ca1531d`,
    ),
    testMode,
    trackingData: entries,
  });

const entry = (track: string, overrides: Record<string, unknown> = {}) => ({
  trackingUserClientPhone: '79000000000',
  trackingUserClientTrack: track,
  trackingUserClientEmail: '',
  trackingUserClientName: '',
  trackingUserClientItemCost: 0,
  sendToUserEmailFullTracking: false,
  sendToAdminEmailFullTracking: false,
  trackingUserClientOrderNumber: '',
  trackingUserClientDescription: '',
  trackingUserClientDeliveryServiceId: 0,
  trackingUserPaymentType: 0,
  trackingUserLR3CampaignId: 0,
  ...overrides,
});

const tracks = (count: number) => Array.from({ length: count }, (_, index) => `RA${String(index).padStart(9, '0')}RU`);

/** The track of the document's first addtrack example, as the step outputs it after R-Lab's "added" answer. */
const DOCUMENT_TRACK = {
  track: '19527937484546',
  phone: '79160000000',
  email: 'support@r-lab.biz',
  name: 'Дмитрий',
  item_cost: 123.45,
  order_number: '4321',
  description: '',
  delivery_service_id: 0,
  delivery_service_name: 'Russian Post (Почта России)',
  payment_type: 1,
  payment_type_name: 'Cash on Delivery (Наложенный платеж)',
  campaign_id: 0,
  batch: 1,
  result_state: 0,
  result_info: 'Данные успешно добавлены в базу',
  result_info_en: 'The data was added to R-Lab.',
  served_by_backup: false,
};
const DOCUMENT_RESULT = {
  ...DOCUMENT_TRACK,
  tracks: [DOCUMENT_TRACK],
  track_count: 1,
  batch_count: 1,
  test_mode: false,
};

describe('Add Tracking Number: one track', () => {
  it("sends the document's first example exactly and returns the track", async () => {
    const body = signedBody([
      entry('19527937484546', {
        trackingUserClientPhone: '79160000000',
        trackingUserClientEmail: 'support@r-lab.biz',
        trackingUserClientName: 'Дмитрий',
        trackingUserClientItemCost: 123.45,
        trackingUserClientOrderNumber: '4321',
        trackingUserPaymentType: 1,
      }),
    ]);
    nock(R_LAB).post('/addtrack.ashx', body).matchHeader('content-type', 'text/plain; charset=utf-8').reply(200, OK);

    const result = await appTester(perform, {
      authData,
      inputData: {
        track: ['19527937484546'],
        phone: ['+7 (916) 000-00-00'],
        email: ['support@r-lab.biz'],
        name: ['Дмитрий'],
        item_cost: ['123.45'],
        order_number: ['4321'],
        delivery_service_id: ['0'],
        payment_type: ['1'],
      },
    });

    expect(result).toEqual(DOCUMENT_RESULT);
  });

  it("has the document's example, as the step outputs it, for its sample", () => {
    expect(addTrackSample).toEqual(DOCUMENT_RESULT);
  });

  it('accepts plain values as well as lists, and sends the R-Lab defaults for unmapped fields', async () => {
    nock(R_LAB)
      .post('/addtrack.ashx', signedBody([entry('19527937484546')]))
      .reply(200, OK);
    const result = await appTester(perform, { authData, inputData: { track: '19527937484546' } as never });
    expect(result).toMatchObject({
      track: '19527937484546',
      phone: '79000000000',
      delivery_service_name: 'Russian Post (Почта России)',
      track_count: 1,
    });
  });

  it.each([
    ['+7 (916) 000-00-00', '79160000000'],
    ['8 916 000-00-00', '79160000000'],
    ['9160000000', '79160000000'],
    ['79160000000', '79160000000'],
    ['+380 44 123 4567', '380441234567'],
    ['', '79000000000'],
  ])('sends the phone %p as %p', async (phone, sent) => {
    const host = await localRlab();
    const result = await appTester(perform, { authData, inputData: { track: ['T1'], phone: [phone] } });
    expect(parsedBodies(host)[0]!.trackingData![0]).toMatchObject({ trackingUserClientPhone: sent });
    expect(result.phone).toBe(sent);
  });

  it('sends the carrier, payment type, chain, e-mail flags, test mode and a decimal comma cost', async () => {
    const host = await localRlab();
    const result = await appTester(perform, {
      authData,
      inputData: {
        track: ['T1'],
        item_cost: ['1 234,50'],
        delivery_service_id: ['16'],
        payment_type: ['2'],
        campaign_id: ['7'],
        send_to_user_email_full_tracking: 'true',
        send_to_admin_email_full_tracking: 'yes',
        test_mode: 'да',
      },
    });
    expect(parsedBodies(host)[0]).toMatchObject({
      testMode: true,
      trackingData: [
        {
          trackingUserClientItemCost: 1234.5,
          trackingUserClientDeliveryServiceId: 16,
          trackingUserPaymentType: 2,
          trackingUserLR3CampaignId: 7,
          sendToUserEmailFullTracking: true,
          sendToAdminEmailFullTracking: true,
        },
      ],
    });
    expect(result).toMatchObject({
      delivery_service_name: 'Nova Poshta (Нова Пошта)',
      payment_type_name: 'Prepaid (Предоплата)',
      test_mode: true,
    });
  });
});

describe('Add Tracking Number: what the output reports', () => {
  it('without a payment type sends R-Lab\'s 0 ("not set") but reports no payment type, since 0 is none of the choices', async () => {
    const host = await localRlab();
    const result = await appTester(perform, { authData, inputData: { track: ['T1'] } });
    expect(parsedBodies(host)[0]!.trackingData![0]).toMatchObject({ trackingUserPaymentType: 0 });
    expect(result).toMatchObject({ payment_type: null, payment_type_name: null });
    expect(result.tracks[0]).toMatchObject({ payment_type: null, payment_type_name: null });
  });
});

describe('Add Tracking Number: checks before sending', () => {
  // No interceptor and no local host: any request would fail the test with a network error.
  const refused = async (inputData: Record<string, unknown>) =>
    (await caught(appTester(perform, { authData, inputData: inputData as never }))).message;

  it('refuses an order number over 40 characters instead of cutting it', async () => {
    expect(await refused({ track: ['T1'], order_number: ['1'.repeat(41)] })).toBe(
      'Order Number: expected at most 40 characters, as R-Lab allows (got 41); nothing was sent.',
    );
  });

  it('refuses a description over 200 characters, counting Cyrillic as one character each', async () => {
    await localRlab();
    await expect(
      appTester(perform, { authData, inputData: { track: ['T1'], description: ['я'.repeat(200)] } }),
    ).resolves.toBeDefined();
    expect(await refused({ track: ['T1'], description: ['я'.repeat(201)] })).toBe(
      'Description: expected at most 200 characters, as R-Lab allows (got 201); nothing was sent.',
    );
  });

  it.each([
    [{ track: ['T1'], phone: ['call me'] }, 'Phone: expected a phone number such as +7 916 000-00-00 (got "call me").'],
    [{ track: ['T1'], phone: ['123'] }, 'Phone: expected a phone number such as +7 916 000-00-00 (got "123").'],
    [{ track: ['T1'], email: ['buyer.example.com'] }, 'Email: expected an e-mail address (got "buyer.example.com").'],
    [
      { track: ['T1'], item_cost: ['free'] },
      'Order Cost: expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "free").',
    ],
    [
      { track: ['T1'], campaign_id: ['1.5'] },
      'Notification Chain ID: expected a whole number such as 12 or 1 200 (got "1.5").',
    ],
    [
      { track: ['T1'], payment_type: ['3'] },
      'Payment Type: expected one of 1 (Cash on Delivery (Наложенный платеж)), 2 (Prepaid (Предоплата)) (got "3").',
    ],
    [
      { track: ['T1'], test_mode: 'maybe' },
      'Test Mode: expected yes or no (also true/false, 1/0, да/нет, có/không, in any case) (got "maybe").',
    ],
    [{ track: [] }, 'Tracking Number: expected at least one tracking number.'],
    [{ track: ['T1', ' '] }, 'Tracking Number: expected a tracking number in every item, but item 2 is empty.'],
  ])('refuses %j', async (inputData, message) => {
    expect(await refused(inputData)).toBe(message);
  });

  it('refuses a carrier that is not in the tracking numbering (14 is Russian Post only in the history API)', async () => {
    expect(await refused({ track: ['T1'], delivery_service_id: ['14'] })).toMatch(
      /^Carrier: expected one of 0 \(Russian Post \(Почта России\)\), 1 \(TopDelivery\),.* \(got "14"\)\.$/,
    );
  });

  it('names the track whose value is wrong when a run carries several', async () => {
    expect(await refused({ track: ['T1', 'T2'], phone: ['79160000000', 'nope'] })).toBe(
      'Phone (tracking number T2): expected a phone number such as +7 916 000-00-00 (got "nope").',
    );
  });

  it('refuses line items whose lengths do not match the tracking numbers', async () => {
    expect(await refused({ track: ['T1', 'T2', 'T3'], phone: ['79160000000', '79160000001'] })).toBe(
      'Phone: expected one value for every track, or one value per tracking number (3) (got "2 values").',
    );
  });

  it('checks every track of every batch before sending the first batch', async () => {
    const host = await localRlab();
    const orders = tracks(150).map((_, index) => (index === 120 ? 'x'.repeat(41) : String(index)));
    const message = await refused({ track: tracks(150), order_number: orders });
    expect(message).toBe(
      `Order Number (tracking number ${tracks(150)[120]}): expected at most 40 characters, as R-Lab allows (got 41); nothing was sent.`,
    );
    expect(host.received).toHaveLength(0);
  });
});

describe('Add Tracking Number: R-Lab refusals', () => {
  const info = (track: string) => ({
    ...trackInfoAnswer.resultData[0],
    trackNumber: track,
    trackingUserClientPhone: '79000000000',
    trackingUserClientEmail: '',
    trackingUserClientName: '',
    trackingUserClientItemCost: 0,
    trackingUserClientOrderNumber: '',
  });
  const gettrackinfo = (tracks: string[]) =>
    JSON.stringify({
      trackingUserId: 1,
      trackingRequestKey: md5(`1:${tracks.join('')}:3c6e0b8a9c15224a8228b9a98ca1531d`),
      testMode: false,
      trackingData: tracks.map((track) => ({
        trackingUserClientPhone: '',
        trackingUserClientTrack: track,
        trackingUserClientEmail: '',
        trackingUserClientName: '',
        trackingUserClientItemCost: 0,
        sendToUserEmailFullTracking: false,
        sendToAdminEmailFullTracking: false,
        trackingUserClientDeliveryServiceId: 0,
      })),
    });

  it("after resultState 1 asks gettrackinfo for exactly that request's tracks and names only the unstored ones for replay", async () => {
    nock(R_LAB)
      .post('/addtrack.ashx', signedBody([entry('T1'), entry('T2'), entry('T3')]))
      .reply(200, { resultState: 1, ' resultInfo ': 'Часть данных добавлены в базу, ошибок 2', resultData: null });
    // T2 is stored with this add's values; T3 was stored earlier with another phone, so this add did not store it.
    nock(R_LAB)
      .post('/gettrackinfo.ashx', gettrackinfo(['T1', 'T2', 'T3']))
      .reply(200, {
        resultState: 0,
        resultInfo: 'Запрос выполнен',
        resultData: [info('T2'), { ...info('T3'), trackingUserClientPhone: '79161112233' }],
      });

    const error = await caught(appTester(perform, { authData, inputData: { track: ['T1', 'T2', 'T3'] } }));

    expect(error.code).toBe('RlabPartialRun');
    expect(error.message).toBe(
      'R-Lab applied only part of the request: "Часть данных добавлены в базу, ошибок 2" (resultState 1), that is, R-Lab applied part of the request (2 refused). ' +
        'See which tracks were applied below. Already added (1 tracks): T2. Not added (2 tracks): T1, T3. Replay only the tracks not added.',
    );
  });

  it('says so when R-Lab cannot be asked which tracks of a partly applied request it stored', async () => {
    nock(R_LAB)
      .post('/addtrack.ashx')
      .reply(200, { resultState: 1, resultInfo: 'Часть данных добавлены в базу, ошибок 1', resultData: null });
    nock(R_LAB)
      .post('/gettrackinfo.ashx')
      .reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: null });
    const error = await caught(appTester(perform, { authData, inputData: { track: ['T1', 'T2'] } }));
    expect(error.message).toMatch(
      /R-Lab did not say which tracks it stored; check them in your R-Lab account before you replay any\. Already added \(0 tracks\): none\. Not confirmed \(2 tracks; .*\): T1, T2\. Not added \(0 tracks\): none\.$/,
    );
  });

  it('turns resultState 2 (refused) into an error carrying resultInfo', async () => {
    nock(R_LAB)
      .post('/addtrack.ashx')
      .reply(200, { resultState: 2, resultInfo: 'Трек уже существует', resultData: null });
    const error = await caught(appTester(perform, { authData, inputData: { track: ['T1'] } }));
    expect(error).toMatchObject({
      message:
        'R-Lab refused the request: "Трек уже существует" (resultState 2), that is, R-Lab gave no other reason. ' +
        "Check the step's values against R-Lab's rules, or ask R-Lab's support with this text.",
      code: 'RlabResult2',
    });
  });

  it('explains "none added" in English, naming Phone and Tracking Number', async () => {
    nock(R_LAB)
      .post('/addtrack.ashx')
      .reply(200, { resultState: 2, resultInfo: 'Данные не добавлены в базу, ошибок 1', resultData: null });
    const error = await caught(appTester(perform, { authData, inputData: { track: ['T1'] } }));
    expect(error.message).toBe(
      'R-Lab refused the request: "Данные не добавлены в базу, ошибок 1" (resultState 2), that is, R-Lab stored none of the tracks (1 refused); ' +
        'it names no field, and usually it is a Phone it cannot read. Check Phone (international form, e.g. +7 916 000-00-00) and Tracking Number.',
    );
  });

  it('points a key error to R-Lab User ID and R-Lab API Key', async () => {
    await localRlab(undefined, 'another-key');
    const error = await caught(appTester(perform, { authData, inputData: { track: ['T1'] } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(
      /^R-Lab refused the request key: "Некорректный ключ запроса в trackingRequestKey", that is, the request key is wrong: R-Lab User ID and R-Lab API Key do not belong to one account\. Copy R-Lab User ID and R-Lab API Key from your DeliveryCRM profile/,
    );
  });
});

describe('Add Tracking Number: many tracks', () => {
  it('sends 250 tracks as three requests of 100, 100 and 50, each with its own key', async () => {
    const host = await localRlab();
    const all = tracks(250);

    const result = await appTester(perform, {
      authData,
      inputData: { track: all, phone: ['8 916 000-00-00'], delivery_service_id: ['7'] },
    });

    const bodies = parsedBodies(host);
    expect(bodies.map((body) => body.trackingData!.length)).toEqual([100, 100, 50]);
    expect(bodies.map((body) => body.trackingData!.map((item) => item.trackingUserClientTrack))).toEqual([
      all.slice(0, 100),
      all.slice(100, 200),
      all.slice(200),
    ]);
    expect(new Set(bodies.map((body) => body.trackingRequestKey)).size).toBe(3); // the host verified each one
    expect(result).toMatchObject({ track_count: 250, batch_count: 3, result_state: 0, result_info: OK.resultInfo });
    expect(result.track).toBeUndefined(); // no single track to map at the top
    expect(result.tracks[249]).toMatchObject({
      track: all[249],
      phone: '79160000000',
      delivery_service_id: 7,
      batch: 3,
    });
  });

  it('pairs line items by position', async () => {
    const host = await localRlab();
    await appTester(perform, {
      authData,
      inputData: { track: ['T1', 'T2'], name: ['Анна', 'Борис'], item_cost: ['10', '20'] },
    });
    expect(parsedBodies(host)[0]!.trackingData).toEqual([
      entry('T1', { trackingUserClientName: 'Анна', trackingUserClientItemCost: 10 }),
      entry('T2', { trackingUserClientName: 'Борис', trackingUserClientItemCost: 20 }),
    ]);
  });

  it('says which tracks were added and which not when request 2 of 3 fails', async () => {
    const host = await localRlab((_body, index) => ({
      body: index === 1 ? { ...KEY_ERROR, ' resultInfo ': 'Баланс исчерпан' } : OK,
    }));
    const all = tracks(250);

    const error = await caught(appTester(perform, { authData, inputData: { track: all } }));

    expect(host.received).toHaveLength(2); // request 3 is not sent
    expect(error.code).toBe('RlabPartialRun');
    expect(error.message).toBe(
      'R-Lab request 2 of 3 failed: R-Lab refused the request: "Баланс исчерпан" (resultState 2), that is, R-Lab gave no other reason. ' +
        "Check the step's values against R-Lab's rules, or ask R-Lab's support with this text. " +
        `Already added (100 tracks): ${all.slice(0, 100).join(', ')}. ` +
        `Not added (150 tracks): ${all.slice(100).join(', ')}. Replay only the tracks not added.`,
    );
  });

  it('also lists the tracks when R-Lab becomes unreachable after the first request', async () => {
    await localRlab((_body, index) => (index === 0 ? { body: OK } : { status: 503, body: 'down' }));
    const all = tracks(101);

    const error = await caught(appTester(perform, { authData, inputData: { track: all } }));

    expect(error.message).toMatch(
      /^R-Lab request 2 of 2 failed: R-Lab is unreachable \(main address: HTTP 503; the backup address is switched off\)\./,
    );
    expect(error.message).toContain(`Not added (1 tracks): ${all[100]}.`);
    // The run's error is not handed back to Zapier (a replay would add the first 100 again): it promises no retry.
    expect(error.name).toBe('AppError');
    expect(error.message).not.toMatch(/Zapier will retry/);
  });

  it('does not resend a batch whose answer never came when the backup is switched off: its tracks are listed to check, not to replay', async () => {
    await localRlab((_body, index) => (index === 0 ? { body: OK } : 'hang'));
    setEnv({ RLAB_TIMEOUT_MS: '200' });
    const all = tracks(101);

    const error = await caught(appTester(perform, { authData, inputData: { track: all } }));

    expect(error.message).toMatch(
      /^R-Lab request 2 of 2 failed: R-Lab did not confirm addtrack \(main address: did not answer in time \(0\.2 s\); the backup address is switched off, so it could not be checked\)\./,
    );
    expect(error.message).toContain(`Already added (100 tracks): ${all.slice(0, 100).join(', ')}.`);
    expect(error.message).toMatch(
      new RegExp(`Not confirmed \\(1 tracks; .*\\): ${all[100]}\\. Not added \\(0 tracks\\): none\\.$`),
    );
  });
});

describe('Add Tracking Number: values as meant', () => {
  const refused = async (inputData: Record<string, unknown>) =>
    (await caught(appTester(perform, { authData, inputData: inputData as never }))).message;

  it('sends, signs and shows a track typed with spaces, lower case and a Cyrillic А as carriers write it', async () => {
    // "rА 644 000 886 ru" with a Cyrillic А: R-Lab gets RA644000886RU, signed over the normalised track.
    nock(R_LAB)
      .post('/addtrack.ashx', signedBody([entry('RA644000886RU')]))
      .reply(200, OK);
    const result = await appTester(perform, { authData, inputData: { track: ['r\u0410 644 000 886 ru'] } });
    expect(result).toMatchObject({
      track: 'RA644000886RU',
      tracks: [expect.objectContaining({ track: 'RA644000886RU' })],
    });
  });

  it.each(['RA644000886RU/1', 'ЖЖ644000886RU', 'RA_644000886RU'])(
    'refuses the track %s, which carriers never write, before sending',
    async (track) => {
      expect(await refused({ track: [track] })).toBe(
        `Tracking Number: expected a tracking number of Latin letters, digits and hyphens, as carriers write it, e.g. RA644000886RU or 19527937484546 (got "${track}").`,
      );
    },
  );

  it('names the item of a bad track in a run of several', async () => {
    expect(await refused({ track: ['RA644000886RU', 'R#1'] })).toMatch(
      /^Tracking Number \(item 2\): expected a tracking number/,
    );
  });

  it.each(['0336965825', '0501234567'])(
    'refuses the local phone %s before sending, asking for the international form',
    async (phone) => {
      expect(await refused({ track: ['T1'], phone: [phone] })).toBe(
        'Phone: expected the number in international form with its country code, such as +84 33 696 5825 or +7 916 000-00-00 ' +
          `(a number starting with 0 is local to its country, and R-Lab cannot tell which country) (got "${phone}").`,
      );
    },
  );

  it('sends +84 33 696 5825 (Vietnam) as 84336965825', async () => {
    nock(R_LAB)
      .post('/addtrack.ashx', signedBody([entry('T1', { trackingUserClientPhone: '84336965825' })]))
      .reply(200, OK);
    await appTester(perform, { authData, inputData: { track: ['T1'], phone: ['+84 33 696 5825'] } });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses the inherited name %s as a Carrier and as a Payment Type',
    async (name) => {
      expect(await refused({ track: ['T1'], delivery_service_id: [name] })).toMatch(
        new RegExp(`^Carrier: expected one of 0 \\(Russian Post .*\\(got "${name}"\\)\\.$`),
      );
      expect(await refused({ track: ['T1'], payment_type: [name] })).toMatch(
        new RegExp(`^Payment Type: expected one of 1 .*\\(got "${name}"\\)\\.$`),
      );
    },
  );

  it('reads a carrier and a payment type by their label, in any case and in either language', async () => {
    nock(R_LAB)
      .post(
        '/addtrack.ashx',
        signedBody([
          entry('T1', { trackingUserClientDeliveryServiceId: 7, trackingUserPaymentType: 2 }),
          entry('T2', { trackingUserClientDeliveryServiceId: 3, trackingUserPaymentType: 1 }),
        ]),
      )
      .reply(200, OK);
    const result = await appTester(perform, {
      authData,
      inputData: {
        track: ['T1', 'T2'],
        delivery_service_id: ['cdek', 'BOXBERRY'],
        payment_type: ['Prepaid', 'наложенный платеж'],
      },
    });
    expect(result.tracks.map((track) => track.delivery_service_name)).toEqual(['CDEK (СДЭК)', 'Boxberry']);
  });
});

describe('R-Lab Result Text (English)', () => {
  it.each([
    ['add', 0, ' Данные успешно добавлены в базу', 'The data was added to R-Lab.'],
    ['update', 0, 'Данные успешно добавлены в очередь на обновление', 'The update was queued in R-Lab.'],
    ['delete', 0, 'Треки успешно удалены из базы', 'The tracks were deleted from R-Lab.'],
    ['add', 0, 'Данные приняты', 'R-Lab reports the track added (result code 0).'],
    ['delete', 0, 'Удалено', 'R-Lab reports the track deleted (result code 0).'],
    ['update', 2, 'Ошибка', 'R-Lab reports result code 2.'],
    ['add', 0, 'Already stored: checked on the backup address', 'Already stored: checked on the backup address'],
  ] as const)('%s, code %i, %j reads %j', (mode, state, info, english) => {
    expect(resultInfoInEnglish(mode, state, info)).toBe(english);
  });
});
