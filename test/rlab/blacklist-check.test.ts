import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform } from '../../src/rlab/blacklist-check';
import { blacklistSample } from '../../src/rlab/samples';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { sha1 } from '../support/hash';
import { API_KEY, authData, fakeHost, type FakeHost, type Reply } from './helpers';
import checkAnswer from './fixtures/black-check.json';
import historyAnswer from './fixtures/black-history.json';

const appTester = createAppTester(App);
const setEnv = useEnv();
let hosts: FakeHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  hosts = [];
});

/** DeliveryCRM's side of the key: sha1(user_id:key:phone:email) over the values it received. */
async function deliveryCrm(answer: (query: URLSearchParams) => Reply) {
  const host = await fakeHost((request) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const expected = sha1(`${query.get('user_id')}:${API_KEY}:${query.get('phone')}:${query.get('email')}`);
    return query.get('request_key') === expected ? answer(query) : { status: 403, body: 'Forbidden' };
  });
  const history = await fakeHost(() => ({ body: historyAnswer }));
  hosts.push(host, history);
  setEnv({ DELIVERYCRM_BASE_URL: host.url, RLAB_BLACKLIST_BASE_URL: history.url });
  return { host, history };
}

const record = (karma: number, comment: string) => [
  { ...checkAnswer[0], blackPhone: null, blackEmail: null, blackKarma: karma, blackComment: comment },
];

/** The document's /v1/black/check answer (fixtures/black-check.json) as the step outputs it, without the history. */
const DOCUMENT_RECORD = {
  blackPhone: '79000000000',
  blackEmail: '',
  blackKarma: 9,
  blackComment: 'возвратов 9, неизвестно 0, вручено 60',
  blackCancelCount: 9,
  blackExpiredCount: 0,
  blackDoneCount: 60,
  blackTotalShopOrderCost: null,
  history_included: false,
  history: [],
};
/** The second order of the document's GetWhiteBlackHistoryInfo answer (fixtures/black-history.json), labelled. */
const DOCUMENT_EVENT = {
  bwEventDateIso: '2017-09-09T07:49:59+03:00',
  bwType: 2,
  bwTypeLabel: 'Returned',
  bwShopCategoryId: 9,
  bwShopCategoryLabel: 'Clothes, Shoes and Accessories',
  bwShopOrderCost: 1452,
};

describe('Find Buyer in Blacklist', () => {
  it('asks /v1/black/check with the sha1 key, phone in the federal format, PHP-encoded e-mail', async () => {
    const { host, history } = await deliveryCrm(() => ({ body: checkAnswer }));

    const result = await appTester(perform, {
      authData,
      inputData: { phone: '8 (900) 000-00-00', email: 'test2+shop@test.ru' },
    });

    const key = sha1(`1:${API_KEY}:79000000000:test2+shop@test.ru`);
    expect(host.received.map((request) => [request.method, request.url])).toEqual([
      ['GET', `/v1/black/check?user_id=1&request_key=${key}&phone=79000000000&email=test2%2Bshop%40test.ru`],
    ]);
    expect(history.received).toHaveLength(0);
    expect(result).toEqual([DOCUMENT_RECORD]);
  });

  it('reaches https://api.deliverycrm.ru by default', async () => {
    setEnv({ DELIVERYCRM_BASE_URL: undefined });
    nock('https://api.deliverycrm.ru')
      .get('/v1/black/check')
      .query({ user_id: '1', request_key: sha1(`1:${API_KEY}::test@test.ru`), phone: '', email: 'test@test.ru' })
      .reply(200, record(0, 'не найдено записей'));
    const result = await appTester(perform, { authData, inputData: { email: 'test@test.ru' } });
    expect(result).toMatchObject([{ blackKarma: 0, blackPhone: '', blackEmail: '' }]);
  });

  it('adds the order history with outcome and shop-category labels when asked', async () => {
    const { history } = await deliveryCrm(() => ({ body: checkAnswer }));

    const [found] = await appTester(perform, { authData, inputData: { phone: '79000000000', include_history: 'yes' } });

    expect(history.received.map((request) => [request.method, request.url])).toEqual([
      ['GET', '/api/BlackList/GetWhiteBlackHistoryInfo?blackPhone=79000000000&blackEmail='],
    ]);
    expect(found).toMatchObject({ blackKarma: 9, blackTotalShopOrderCost: 95520, history_included: true });
    expect(found!.history).toHaveLength(6);
    expect(found!.history[1]).toEqual(DOCUMENT_EVENT);
    expect(found!.history.map((event) => [event.bwTypeLabel, event.bwShopCategoryLabel])).toEqual([
      ['Overdue (Outcome Unknown)', 'Perfume and Cosmetics'],
      ['Returned', 'Clothes, Shoes and Accessories'],
      ['Overdue (Outcome Unknown)', 'Perfume and Cosmetics'],
      ['Overdue (Outcome Unknown)', 'Other'],
      ['Overdue (Outcome Unknown)', 'Other'],
      ['Overdue (Outcome Unknown)', 'Clothes, Shoes and Accessories'],
    ]);
  });

  it("has the document's examples, as the step reads them, for its sample", () => {
    expect(blacklistSample).toEqual({
      ...DOCUMENT_RECORD,
      blackTotalShopOrderCost: 95520,
      history_included: true,
      history: [DOCUMENT_EVENT],
    });
  });

  it('gives each record of a phone-and-e-mail search its own history, and none when there is no match', async () => {
    const byPhone = { ...checkAnswer[0]!, blackPhone: '79000000000', blackEmail: '' };
    const byEmail = { ...checkAnswer[0]!, blackPhone: '', blackEmail: 'nobody@test.ru', blackKarma: 0 };
    await deliveryCrm(() => ({ body: [byPhone, byEmail] }));

    const found = await appTester(perform, {
      authData,
      inputData: { phone: '79000000000', email: 'nobody@test.ru', include_history: 'yes' },
    });

    expect(found.map((item) => [item.blackEmail, item.history.length, item.blackTotalShopOrderCost])).toEqual([
      ['', 6, 95520],
      ['nobody@test.ru', 0, null],
    ]);
  });

  it('returns nothing found for karma -1, without asking for the history', async () => {
    const { history } = await deliveryCrm(() => ({ body: record(-1, 'ничего не найдено') }));
    await expect(
      appTester(perform, { authData, inputData: { phone: '79000000000', include_history: 'yes' } }),
    ).resolves.toEqual([]);
    expect(history.received).toHaveLength(0);
  });

  it('turns karma -2 into an input error', async () => {
    await deliveryCrm(() => ({ body: record(-2, 'Ошибка: Введите телефон или e-mail') }));
    const error = await caught(appTester(perform, { authData, inputData: { phone: '79000000000' } }));
    expect(error.message).toBe(
      'Phone or Email: expected a phone or an e-mail the blacklist accepts (it answered "Ошибка: Введите телефон или e-mail", that is, it received neither).',
    );
  });

  it('hands karma -3 (server error) back to Zapier to retry', async () => {
    await deliveryCrm(() => ({ body: record(-3, 'Ошибка на сервере') }));
    const error = await caught(appTester(perform, { authData, inputData: { phone: '79000000000' } }));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(
      /^DeliveryCRM blacklist is unreachable \(it reported a server error: "Ошибка на сервере", that is, its server failed for now\)\. Zapier will retry/,
    );
  });

  it('points a 403 to the connection', async () => {
    await deliveryCrm(() => ({ body: checkAnswer }));
    const wrongKey = await caught(
      appTester(perform, {
        authData: { ...authData, rlab_api_key: 'wrong-key-123' },
        inputData: { phone: '79000000000' },
      }),
    );
    expect(wrongKey.name).toBe('ExpiredAuthError');
    expect(wrongKey.message).toMatch(
      /^DeliveryCRM blacklist refused the request with HTTP 403 \(check R-Lab User ID and R-Lab API Key/,
    );
  });

  it.each([
    [null, 'null'],
    [{ error: 'Unauthorized' }, '{"error":"Unauthorized"}'],
    [
      { name: 'Internal Server Error', message: 'An internal server error occurred.', code: 0, status: 500 },
      '{"name":"Internal Server Error","message":"An internal se...',
    ],
    [
      [{ blackPhone: '79000000000', blackEmail: '', blackComment: '', blackCancelCount: 9 }],
      '[{"blackPhone":"79000000000","blackEmail":"","blackCommen...',
    ],
    [[], '[]'],
    [{ ...checkAnswer[0] }, '{"blackPhone":"79000000000","blackEmail":"","blackKarma":...'],
  ])('never takes %j for "nothing found" or a clean buyer: handed back to Zapier to retry', async (body, shown) => {
    await deliveryCrm(() => ({ body }));
    const error = await caught(appTester(perform, { authData, inputData: { phone: '79000000000' } }));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      message: `DeliveryCRM blacklist answered with something other than its documented answer (${shown}), so it is not taken as a result. Zapier will retry this step in about 5 minutes.`,
    });
  });

  it('never takes a history answer that is not a list of records for "no history"', async () => {
    const { history } = await deliveryCrm(() => ({ body: checkAnswer }));
    await history.close();
    const broken = await fakeHost(() => ({ body: { name: 'Internal Server Error', status: 500 } }));
    hosts.push(broken);
    setEnv({ RLAB_BLACKLIST_BASE_URL: broken.url });
    const error = await caught(
      appTester(perform, {
        authData,
        inputData: { phone: '79000000000', include_history: 'yes' },
      }),
    );
    expect(error).toMatchObject({
      name: 'ThrottledError',
      message: expect.stringMatching(
        /^R-Lab blacklist history answered with something other than its documented answer/,
      ),
    });
  });

  it('keeps a missing count missing (null), never a made-up 0', async () => {
    const { blackCancelCount: _dropped, ...withoutCount } = checkAnswer[0]!;
    await deliveryCrm(() => ({ body: [withoutCount] }));
    const [found] = await appTester(perform, { authData, inputData: { phone: '79000000000' } });
    expect(found).toMatchObject({ blackKarma: 9, blackCancelCount: null });
  });

  it.each([
    [
      { phone: '0501234567' },
      'Phone: expected the number in international form with its country code, such as +84 33 696 5825 or +7 916 000-00-00 (a number starting with 0 is local to its country, and R-Lab cannot tell which country) (got "0501234567").',
    ],
    [
      { phone: '79000000000', include_history: 'sometimes' },
      'Include Order History: expected yes or no (also true/false, 1/0, да/нет, có/không, in any case) (got "sometimes").',
    ],
    [{}, 'Phone or Email: expected a phone, an e-mail or both.'],
    [{ phone: 'nope' }, 'Phone: expected a phone number such as +7 916 000-00-00 (got "nope").'],
  ])('refuses %j before sending', async (inputData, message) => {
    expect((await caught(appTester(perform, { authData, inputData: inputData as never }))).message).toBe(message);
  });
});
