import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as deleteTrack } from '../../src/rlab/delete-track';
import { deleteTrackSample, updateTrackSample } from '../../src/rlab/samples';
import { perform as updateTrack } from '../../src/rlab/update-track';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { md5 } from '../support/hash';
import { authData, fakeHost, parsedBodies, rlabHandler, type FakeHost } from './helpers';

const appTester = createAppTester(App);
const setEnv = useEnv();
const R_LAB = 'https://apilr2.r-lab.biz';
const KEY = '3c6e0b8a9c15224a8228b9a98ca1531d';
let host: FakeHost | undefined;

beforeEach(() => setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '' }));

afterEach(async () => {
  await host?.close();
  host = undefined;
});

const key = (...tracks: string[]) => md5(`1:${tracks.join('')}:${KEY}`);

/** One track's run result, as a step with one track outputs it. */
const single = (track: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...track,
  tracks: [track],
  track_count: 1,
  batch_count: 1,
  ...extra,
});
/** The document's "change only the name" updatetrack example after R-Lab's answer (its leading space trimmed). */
const DOCUMENT_UPDATE = single(
  {
    track: '19527937484546',
    phone: '',
    email: '',
    name: 'Николай',
    item_cost: 0,
    order_number: '',
    description: '',
    delivery_service_id: null,
    delivery_service_name: null,
    payment_type: null,
    payment_type_name: null,
    campaign_id: null,
    batch: 1,
    result_state: 0,
    result_info: 'Данные успешно добавлены в очередь на обновление',
    result_info_en: 'The update was queued in R-Lab.',
    served_by_backup: false,
  },
  { test_mode: false },
);
/** The document's deltrack example after R-Lab's answer: the track and its carrier only, no test mode. */
const DOCUMENT_DELETE = single({
  track: '19527937484546',
  delivery_service_id: 0,
  delivery_service_name: 'Russian Post (Почта России)',
  batch: 1,
  result_state: 0,
  result_info: 'Треки успешно удалены из базы',
  result_info_en: 'The tracks were deleted from R-Lab.',
  served_by_backup: false,
});

describe('Update Tracking Number', () => {
  it('sends the document\'s "change only the name" example: unmapped fields empty, cost 0, numbered fields left out', async () => {
    const body =
      `{"trackingUserId":1,"trackingRequestKey":"${key('19527937484546')}","testMode":false,"trackingData":[{` +
      '"trackingUserClientPhone":"","trackingUserClientTrack":"19527937484546","trackingUserClientEmail":"","trackingUserClientName":"Николай",' +
      '"trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false,' +
      '"trackingUserClientOrderNumber":"","trackingUserClientDescription":""}]}';
    nock(R_LAB).post('/updatetrack.ashx', body).matchHeader('content-type', 'text/plain; charset=utf-8').reply(200, {
      resultState: 0,
      resultInfo: ' Данные успешно добавлены в очередь на обновление',
      resultData: null,
    });

    const result = await appTester(updateTrack, {
      authData,
      inputData: { track: ['19527937484546'], name: ['Николай'] },
    });

    expect(result).toEqual(DOCUMENT_UPDATE);
  });

  it("has the document's example, as the step outputs it, for its sample", () => {
    expect(updateTrackSample).toEqual(DOCUMENT_UPDATE);
  });

  it('sends the new values it is given, phone in the federal format, carrier only when chosen', async () => {
    host = await fakeHost(rlabHandler());
    setEnv({ RLAB_BASE_URL: host.url });

    const result = await appTester(updateTrack, {
      authData,
      inputData: {
        track: ['T1'],
        phone: ['8 (916) 000-00-00'],
        item_cost: ['99'],
        delivery_service_id: ['3'],
        payment_type: ['1'],
      },
    });

    expect(parsedBodies(host)[0]!.trackingData![0]).toMatchObject({
      trackingUserClientPhone: '79160000000',
      trackingUserClientItemCost: 99,
      trackingUserClientDeliveryServiceId: 3,
      trackingUserPaymentType: 1,
    });
    expect(parsedBodies(host)[0]!.trackingData![0]).not.toHaveProperty('trackingUserLR3CampaignId');
    expect(result).toMatchObject({ phone: '79160000000', delivery_service_name: 'Boxberry', campaign_id: null });
  });

  it('keeps the length limits', async () => {
    const error = await caught(
      appTester(updateTrack, { authData, inputData: { track: ['T1'], order_number: ['x'.repeat(41)] } }),
    );
    expect(error.message).toBe(
      'Order Number: expected at most 40 characters, as R-Lab allows (got 41); nothing was sent.',
    );
  });

  it('after resultState 1 reads the tracks back: updated where the new values show, replay advice for the rest', async () => {
    nock(R_LAB)
      .post('/updatetrack.ashx')
      .reply(200, { resultState: 1, ' resultInfo ': ' Часть данных обновлена в базе, ошибок 1', resultData: null });
    nock(R_LAB)
      .post(
        '/gettrackinfo.ashx',
        (body: { trackingData: Array<{ trackingUserClientTrack: string }> }) =>
          body.trackingData.map((entry) => entry.trackingUserClientTrack).join() === 'T1,T2',
      )
      .reply(200, {
        resultState: 0,
        resultInfo: 'Запрос выполнен',
        resultData: [
          { trackNumber: 'T1', trackingUserClientName: 'Николай' },
          { trackNumber: 'T2', trackingUserClientName: 'Old' },
        ],
      });
    const error = await caught(
      appTester(updateTrack, { authData, inputData: { track: ['T1', 'T2'], name: ['Николай'] } }),
    );
    expect(error.message).toBe(
      'R-Lab applied only part of the request: "Часть данных обновлена в базе, ошибок 1" (resultState 1), that is, R-Lab applied part of the request (1 refused). ' +
        'See which tracks were applied below. Already updated (1 tracks): T1. Not updated (1 tracks): T2. Replay only the tracks not updated.',
    );
  });

  it('explains "none updated" in English: usually an unknown Tracking Number', async () => {
    nock(R_LAB)
      .post('/updatetrack.ashx')
      .reply(200, { resultState: 2, resultInfo: 'Данные не обновлены, ошибок 1', resultData: null });
    const error = await caught(appTester(updateTrack, { authData, inputData: { track: ['T1'], name: ['Иван'] } }));
    expect(error.message).toBe(
      'R-Lab refused the request: "Данные не обновлены, ошибок 1" (resultState 2), that is, R-Lab updated none of the tracks (1 refused): usually it does not hold the track, or it refused a new Phone. ' +
        'Check Tracking Number (add it first with Add R-Lab Tracking Number) and Phone (international form, e.g. +7 916 000-00-00).',
    );
  });
});

describe('Delete Tracking Number', () => {
  it("sends only the track and its carrier, as the document's deltrack example, and returns the track", async () => {
    const body =
      `{"trackingUserId":1,"trackingRequestKey":"${key('19527937484546')}","testMode":false,"trackingData":[{` +
      '"trackingUserClientPhone":"","trackingUserClientTrack":"19527937484546","trackingUserClientEmail":"","trackingUserClientName":"",' +
      '"trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false,"trackingUserClientDeliveryServiceId":0}]}';
    nock(R_LAB)
      .post('/deltrack.ashx', body)
      .reply(200, { resultState: 0, resultInfo: 'Треки успешно удалены из базы', resultData: null });

    const result = await appTester(deleteTrack, { authData, inputData: { track: ['19527937484546'] } });

    expect(result).toEqual(DOCUMENT_DELETE);
  });

  it("has the document's example, as the step outputs it, for its sample", () => {
    expect(deleteTrackSample).toEqual(DOCUMENT_DELETE);
  });

  it('deletes several tracks in one request, each with its carrier', async () => {
    host = await fakeHost(rlabHandler());
    setEnv({ RLAB_BASE_URL: host.url });

    const result = await appTester(deleteTrack, {
      authData,
      inputData: { track: ['19527937484546', '63010828068631'], delivery_service_id: ['7', '0'] },
    });

    const [body] = parsedBodies(host);
    expect(body!.trackingRequestKey).toBe('8e093b01b18e3272a7d615704cc1502a'); // the document's example key
    expect(
      body!.trackingData!.map(
        (entry) => (entry as { trackingUserClientDeliveryServiceId?: number }).trackingUserClientDeliveryServiceId,
      ),
    ).toEqual([7, 0]);
    expect(result).toMatchObject({ track_count: 2, batch_count: 1 });
    expect(result.tracks.map((track) => track.delivery_service_name)).toEqual([
      'CDEK (СДЭК)',
      'Russian Post (Почта России)',
    ]);
  });

  it('says what was deleted when request 2 is only partly applied, reading back which tracks are gone', async () => {
    host = await fakeHost(
      rlabHandler((body, index) =>
        index === 2
          ? { body: { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [{ trackNumber: 'D101' }] } } // gettrackinfo: D100 gone, D101 still there
          : { body: { resultState: index === 0 ? 0 : 1, resultInfo: 'Часть треков удалены, ошибок 1' } },
      ),
    );
    setEnv({ RLAB_BASE_URL: host.url });
    const tracks = Array.from({ length: 102 }, (_, index) => `D${index}`);

    const error = await caught(appTester(deleteTrack, { authData, inputData: { track: tracks } }));

    expect(host.received.map((request) => request.url)).toEqual([
      '/deltrack.ashx',
      '/deltrack.ashx',
      '/gettrackinfo.ashx',
    ]);
    expect(error.message).toContain(
      `Already deleted (101 tracks): ${tracks.slice(0, 101).join(', ')}. Not deleted (1 tracks): D101. Replay only the tracks not deleted.`,
    );
  });

  it('explains "none deleted" in English: the track is not in R-Lab', async () => {
    nock(R_LAB)
      .post('/deltrack.ashx')
      .reply(200, { resultState: 2, resultInfo: 'Треки не удалены, ошибок 1', resultData: null });
    const error = await caught(appTester(deleteTrack, { authData, inputData: { track: ['T1'] } }));
    expect(error.message).toBe(
      'R-Lab refused the request: "Треки не удалены, ошибок 1" (resultState 2), that is, R-Lab deleted none of the tracks (1 refused): it does not hold them ' +
        '(already deleted, never added, or filed under another carrier). Check Tracking Number and Carrier; Find R-Lab Track Status shows whether R-Lab holds a track.',
    );
  });
});
