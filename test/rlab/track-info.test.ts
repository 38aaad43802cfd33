import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { trackInfoSample } from '../../src/rlab/samples';
import { perform } from '../../src/rlab/track-info';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { md5 } from '../support/hash';
import { authData } from './helpers';
import trackInfoAnswer from './fixtures/gettrackinfo.json';

const appTester = createAppTester(App);
const setEnv = useEnv();
const R_LAB = 'https://apilr2.r-lab.biz';

beforeEach(() => setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '' }));

const body = (track: string, carrier: number) =>
  `{"trackingUserId":1,"trackingRequestKey":"${md5(`1:${track}:3c6e0b8a9c15224a8228b9a98ca1531d`)}","testMode":false,"trackingData":[{` +
  `"trackingUserClientPhone":"","trackingUserClientTrack":"${track}","trackingUserClientEmail":"","trackingUserClientName":"",` +
  `"trackingUserClientItemCost":0,"sendToUserEmailFullTracking":false,"sendToAdminEmailFullTracking":false,"trackingUserClientDeliveryServiceId":${carrier}}]}`;

/** The document's gettrackinfo answer (fixtures/gettrackinfo.json) as the step outputs it: labels and Moscow ISO times added. */
const DOCUMENT_TRACK = {
  trackNumber: '19191911187312',
  trackInfo: 'Приём отправления почтовым отделением',
  trackMainStatus: 9,
  trackMainStatusLabel: 'Overdue (no delivery or end of storage for 35 days, or no updates for 60 days)',
  trackAdditionalStatus: 0,
  trackCreateDateIso: '2018-06-08T14:22:55+03:00',
  trackUpdateDateIso: '2018-07-19T03:33:53+03:00',
  trackEventDateIso: '2018-06-08T18:45:57+03:00',
  trackRecepDateIso: '2018-06-08T18:45:57+03:00',
  trackingWaitDateIso: null,
  trackingUserClientPhone: '79000000000',
  trackingUserClientEmail: 'mikspark@yandex.ru',
  trackingUserClientName: '',
  trackingUserFullClientName: null,
  trackingUserClientItemCost: 0,
  trackingUserClientOrderNumber: '',
  trackingWaitIndex: 0,
  trackingDestinationIndex: 0,
  trackingCurrentIndex: 0,
  trackingWaitAddress: null,
  trackingMailType: 0,
  trackExtraData: null,
  trackingHistory: null,
  delivery_service_id: 0,
  delivery_service_name: 'Russian Post (Почта России)',
  served_by_backup: false,
};

describe('Find Track Status', () => {
  it("asks gettrackinfo for the track and explains the document's answer", async () => {
    nock(R_LAB)
      .post('/gettrackinfo.ashx', body('19191911187312', 0))
      .matchHeader('content-type', 'text/plain; charset=utf-8')
      .reply(200, trackInfoAnswer);

    const result = await appTester(perform, { authData, inputData: { track: ' 19191911187312 ' } });

    expect(result).toEqual([DOCUMENT_TRACK]);
  });

  it("has the document's example, as the step reads it, for its sample", () => {
    expect(trackInfoSample).toEqual(DOCUMENT_TRACK);
  });

  it('gives every status of the 0-9 table a label and keeps unknown codes visible', async () => {
    const item = trackInfoAnswer.resultData[0]!;
    const statuses = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    nock(R_LAB)
      .post('/gettrackinfo.ashx', body('T1', 7))
      .reply(200, {
        ...trackInfoAnswer,
        resultData: statuses.map((status) => ({ ...item, trackMainStatus: status, trackUpdateDate: null })),
      });

    const result = await appTester(perform, { authData, inputData: { track: 'T1', delivery_service_id: '7' } });

    expect(result.map((track) => track.trackMainStatusLabel)).toEqual([
      'No main status yet',
      'Delivered',
      'Waiting at the pick-up point',
      'Returned',
      'Accepted by the post office (in transit)',
      'Exported (on its way to Russia)',
      'Imported into Russia',
      'Accepted by the post outside Russia',
      'Probably at the pick-up point (no sorting event for 2 weeks or the days set in R-Lab)',
      'Overdue (no delivery or end of storage for 35 days, or no updates for 60 days)',
      'Unknown status 10',
    ]);
    // A time is given only in ISO 8601 (Zapier's checks D023/T003); an empty one is null there.
    expect(result[0]).toMatchObject({ trackUpdateDateIso: null, delivery_service_name: 'CDEK (СДЭК)' });
    expect(result[0]).not.toHaveProperty('trackUpdateDate');
  });

  it('asks for the track as carriers write it (Cyrillic look-alikes, spaces, lower case), signed over that', async () => {
    nock(R_LAB)
      .post('/gettrackinfo.ashx', body('RA644000886RU', 7))
      .reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [] });
    await expect(
      appTester(perform, { authData, inputData: { track: 'r\u0410 644000886 ru', delivery_service_id: 'CDEK' } }),
    ).resolves.toEqual([]);
  });

  it.each([null, {}, [{ trackInfo: 'no number' }], 'text'])(
    'never takes resultData %j for a result',
    async (resultData) => {
      nock(R_LAB).post('/gettrackinfo.ashx').reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData });
      const error = await caught(appTester(perform, { authData, inputData: { track: 'T1' } }));
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toMatch(
        /^R-Lab answered with something other than its documented answer \(gettrackinfo with resultData /,
      );
    },
  );

  it('returns nothing found for a track R-Lab does not know', async () => {
    nock(R_LAB)
      .post('/gettrackinfo.ashx')
      .reply(200, { resultState: 0, resultInfo: 'Запрос выполнен', resultData: [] });
    await expect(appTester(perform, { authData, inputData: { track: 'UNKNOWN' } })).resolves.toEqual([]);
  });

  it('returns nothing found when R-Lab answers that the track is not found', async () => {
    nock(R_LAB)
      .post('/gettrackinfo.ashx')
      .reply(200, { resultState: 2, ' resultInfo ': 'Трек не найден', resultData: null });
    await expect(appTester(perform, { authData, inputData: { track: 'UNKNOWN' } })).resolves.toEqual([]);
  });

  it('points a key error to the connection', async () => {
    nock(R_LAB).post('/gettrackinfo.ashx').reply(200, {
      resultState: 2,
      ' resultInfo ': 'Некорректный ключ запроса в trackingRequestKey',
      resultData: null,
    });
    const error = await caught(appTester(perform, { authData, inputData: { track: 'T1' } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(
      /Copy R-Lab User ID and R-Lab API Key from your DeliveryCRM profile \(https:\/\/deliverycrm\.ru\/client\/profile\/index\) into the connection\./,
    );
  });

  it.each([
    [{ track: ' ' }, 'Tracking Number: expected a tracking number.'],
    [
      { track: 'T1', delivery_service_id: '14' },
      expect.stringMatching(/^Carrier: expected one of 0 \(Russian Post \(Почта России\)\), .* \(got "14"\)\.$/),
    ],
    [
      { track: 'T1', delivery_service_id: 'toString' },
      expect.stringMatching(/^Carrier: expected one of 0 .* \(got "toString"\)\.$/),
    ],
    [
      { track: 'RA 644 000 886 RU?' },
      expect.stringMatching(/^Tracking Number: expected a tracking number of Latin letters, digits and hyphens/),
    ],
  ])('refuses %j before sending', async (inputData, message) => {
    expect((await caught(appTester(perform, { authData, inputData: inputData as never }))).message).toEqual(message);
  });

  it('asks for the R-Lab pair when the connection has only JustClick', async () => {
    const error = await caught(
      appTester(perform, { authData: { justclick_login: 'shop', justclick_secret: 'x' }, inputData: { track: 'T1' } }),
    );
    expect(error.message).toMatch(/^This step needs your R-Lab \/ DeliveryCRM credentials/);
  });
});
