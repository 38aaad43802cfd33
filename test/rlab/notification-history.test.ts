import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform } from '../../src/rlab/notification-history';
import { notificationHistorySample } from '../../src/rlab/samples';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { sha1 } from '../support/hash';
import { fakeHost, type FakeHost, type Reply } from './helpers';
import historyAnswer from './fixtures/track-history.json';

const appTester = createAppTester(App);
const setEnv = useEnv();
// The document's example account for this method.
const USER = '999999';
const KEY = '07dbd136d760e6be8fde6a2238992831';
const authData = { rlab_user_id: USER, rlab_api_key: KEY };
let host: FakeHost | undefined;

afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function deliveryCrm(reply: Reply) {
  host = await fakeHost(() => reply);
  setEnv({ DELIVERYCRM_BASE_URL: host.url });
  return host;
}

const READY = 'Посылка 504655 из TopDelivery готова!';
const at = { sent_at_iso: '2016-05-20T10:00:00+03:00', price: 0 };
/** The document's /v1/track/history answer (fixtures/track-history.json) as the step outputs it, asked with carrier 1. */
const DOCUMENT_HISTORY = {
  track: '504655',
  service_id: 1,
  service_name: 'TopDelivery',
  price: 0,
  total_price: null,
  created_at_iso: '2016-05-18T16:10:02+03:00',
  result: 1,
  result_label: 'Finished: Delivered',
  status_history: [{ date_iso: '2016-05-18T11:38:00+03:00', status: 'Доставлен', status_id: 4501 }],
  sms: [{ theme: null, message: READY, segments: 0, internal_status: 0, ...at }],
  viber: [{ theme: null, message: READY, segments: null, internal_status: 999, ...at }],
  // A call has call_at where the others have sent_at.
  call: [{ theme: null, message: READY, segments: null, internal_status: -1, ...at }],
  email: [{ theme: READY, message: READY, segments: null, internal_status: null, ...at }],
};

describe('Find Notification History', () => {
  it('asks for the track as tracks[0][track] and tracks[0][service_id], signed sha1(user_id . track . key)', async () => {
    const server = await deliveryCrm({ body: historyAnswer });

    const result = await appTester(perform, { authData, inputData: { track: '504655', service_id: '1' } });

    expect(server.received.map((request) => [request.method, request.url])).toEqual([
      [
        'GET',
        `/v1/track/history?user_id=999999&request_key=${sha1(`999999504655${KEY}`)}&tracks%5B0%5D%5Btrack%5D=504655&tracks%5B0%5D%5Bservice_id%5D=1`,
      ],
    ]);
    expect(result).toEqual([DOCUMENT_HISTORY]);
  });

  it("has the document's example, as the step reads it, for its sample", () => {
    expect(notificationHistorySample).toEqual(DOCUMENT_HISTORY);
  });

  it("uses Russian Post (14) by default and the document's key for track 18112831338669", async () => {
    setEnv({ DELIVERYCRM_BASE_URL: undefined });
    nock('https://api.deliverycrm.ru')
      .get('/v1/track/history')
      .query({
        user_id: USER,
        request_key: sha1(`99999918112831338669${KEY}`),
        tracks: [{ track: '18112831338669', service_id: '14' }],
      })
      .reply(200, { success: true, data: [] });

    await expect(appTester(perform, { authData, inputData: { track: '18112831338669' } })).resolves.toEqual([]);
  });

  it('labels each result code and keeps unknown ones visible', async () => {
    const item = historyAnswer.data[0]!;
    await deliveryCrm({ body: { success: true, data: [1, 2, 4, 5, 3].map((result) => ({ ...item, result })) } });
    const result = await appTester(perform, { authData, inputData: { track: '504655', service_id: '14' } });
    expect(result.map((track) => track.result_label)).toEqual([
      'Finished: Delivered',
      'In Process',
      'Finished: Outcome Unknown',
      'Finished: Not Delivered',
      'Unknown result 3',
    ]);
    expect(result[0]).toMatchObject({ service_name: 'Russian Post (Почта России)' });
  });

  it("reports DeliveryCRM's errors when it returns no data", async () => {
    await deliveryCrm({ body: { success: false, errors: { request_key: ['Invalid request key.'] }, data: [] } });
    const error = await caught(appTester(perform, { authData, inputData: { track: '504655' } }));
    expect(error.message).toBe(
      'DeliveryCRM refused the request: request_key: Invalid request key; that is, the request key is wrong. Check R-Lab User ID and R-Lab API Key in the connection (both are in your DeliveryCRM profile).',
    );
  });

  it.each([
    [['unexpected'], 'a track history was expected, it sent ["unexpected"]'],
    [null, 'a track history was expected, it sent null'],
    [
      { name: 'Internal Server Error', message: 'oops', code: 0, status: 500 },
      'a track history was expected, it sent {"name":"Internal Server Error","message":"oops","code":0...',
    ],
    [{ success: true, data: [{ price: 0 }] }, 'a list of tracks was expected in data, it sent [{"price":0}]'],
    [{ success: true, data: null }, 'a list of tracks was expected in data, it sent null'],
  ])('never takes %j for a result: handed back to Zapier to ask again', async (body, what) => {
    await deliveryCrm({ body });
    const error = await caught(appTester(perform, { authData, inputData: { track: '504655' } }));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      message: `DeliveryCRM answered with something other than its documented answer (${what}), so it is not taken as a result. Zapier will retry this step in about 5 minutes.`,
    });
  });

  it('returns nothing found for a track DeliveryCRM does not know (success, no data, a per-track error)', async () => {
    await deliveryCrm({ body: { errors: { tracks: ['Track at index "0" not found.'] }, success: true, data: [] } });
    await expect(appTester(perform, { authData, inputData: { track: 'RA000000000RU' } })).resolves.toEqual([]);
  });

  it('asks for the track as carriers write it, and signs that', async () => {
    const server = await deliveryCrm({ body: { success: true, data: [] } });
    await appTester(perform, { authData, inputData: { track: ' r\u0410644000886ru ', service_id: 'Boxberry' } });
    expect(server.received[0]!.url).toBe(
      `/v1/track/history?user_id=999999&request_key=${sha1(`999999RA644000886RU${KEY}`)}&tracks%5B0%5D%5Btrack%5D=RA644000886RU&tracks%5B0%5D%5Bservice_id%5D=3`,
    );
  });

  it('hands an unreadable answer back to Zapier to retry', async () => {
    await deliveryCrm({ body: '<html>maintenance</html>' });
    const error = await caught(appTester(perform, { authData, inputData: { track: '504655' } }));
    expect(error.name).toBe('ThrottledError');
    // DeliveryCRM answered: the message says its answer was unreadable, never that it is unreachable.
    expect(error.message).toMatch(
      /^DeliveryCRM answered with something other than its documented answer \(HTTP 200, not JSON\)/,
    );
    expect(error.message).not.toMatch(/unreachable/);
  });

  it.each([
    [{ track: '' }, 'Tracking Number: expected a tracking number.'],
    [
      { track: 'T1', service_id: '0' },
      expect.stringMatching(
        /^Carrier: expected one of 14 \(Russian Post \(Почта России\)\), 1 \(TopDelivery\), .* \(got "0"\)\.$/,
      ),
    ],
    [
      { track: 'T1', service_id: 'constructor' },
      expect.stringMatching(/^Carrier: expected one of 14 .* \(got "constructor"\)\.$/),
    ],
    [
      { track: 'T1', service_id: '__proto__' },
      expect.stringMatching(/^Carrier: expected one of 14 .* \(got "__proto__"\)\.$/),
    ],
    [{ track: 'T1 / 2' }, expect.stringMatching(/^Tracking Number: expected a tracking number of Latin letters/)],
  ])('refuses %j before sending', async (inputData, message) => {
    expect((await caught(appTester(perform, { authData, inputData: inputData as never }))).message).toEqual(message);
  });
});
