import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { connectionLabel, test as connectionTest } from '../../src/authentication';
import { md5 } from '../support/hash';
import App from '../../src/index';
import { describeTariff } from '../../src/rlab/connection';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { authData as rlabAuth } from './helpers';

const appTester = createAppTester(App);
const setEnv = useEnv();
const JC_SECRET = 'jc-secret-0123456789';
const bothPairs = { justclick_login: 'shop', justclick_secret: JC_SECRET, ...rlabAuth };

beforeEach(() => setEnv({ RLAB_BASE_URL: undefined, RLAB_FALLBACK_URL: '' }));

// getuserinfo.ashx signed md5("1:3c6e..."), the document's example pair.
const userInfo = () =>
  nock('https://apilr2.r-lab.biz').post(
    '/getuserinfo.ashx',
    '{"trackingUserId":1,"trackingRequestKey":"4be008375662d5c8e7cb4eba945e7b4c","testMode":false,"trackingData":null}',
  );
const PAID = {
  userExpireDate: '13.04.2015',
  userBalance: 384,
  userExpired: false,
  userBalanceUnlimited: false,
  userDateUnlimited: false,
};
const UNLIMITED_DATE = {
  userExpireDate: 'Бессрочный',
  userBalance: 60,
  userExpired: false,
  userBalanceUnlimited: false,
  userDateUnlimited: true,
};
const ok = (resultData: object) => ({ resultState: 0, resultInfo: 'Запрос выполнен', resultData });

const label = (inputData: object) => connectionLabel({} as never, { inputData } as never);

describe('connection test: R-Lab', () => {
  it('checks both pairs and puts the R-Lab balance and tariff in the info and the label', async () => {
    nock('https://shop.justclick.ru')
      .post('/api/UpdateOrderStatus', `bill_id=&hash=${md5(`bill_id=::shop::${JC_SECRET}`)}`)
      .reply(200, {
        error_code: 203,
        error_text: 'Не передан номер заказа',
        hash: md5(`203::Не передан номер заказа::${JC_SECRET}`),
      });
    userInfo().reply(200, ok(PAID));

    const info = await appTester(connectionTest, { authData: bothPairs });

    expect(info).toEqual({
      justclick_login: 'shop',
      rlab_user_id: '1',
      rlab_balance: 384,
      rlab_paid_until: '13.04.2015',
      rlab_expired: false,
      rlab_tariff: 'balance 384 tracks, paid until 13.04.2015',
      measoft_login: null,
      measoft_extra: null,
      abaha_header_name: null,
    });
    await expect(label(info)).resolves.toBe(
      'JustClick shop · R-Lab user 1 (balance 384 tracks, paid until 13.04.2015)',
    );
  });

  it('checks R-Lab alone when only its pair is filled in', async () => {
    userInfo().reply(200, ok(UNLIMITED_DATE));

    const info = await appTester(connectionTest, { authData: rlabAuth });

    expect(info).toMatchObject({ justclick_login: null, rlab_user_id: '1', rlab_balance: 60, rlab_paid_until: null });
    await expect(label(info)).resolves.toBe('R-Lab user 1 (balance 60 tracks, no end date)');
  });

  it('refuses the connection when R-Lab says the key is wrong, naming both R-Lab fields', async () => {
    userInfo().reply(200, {
      resultState: 2,
      ' resultInfo ': 'Некорректный ключ запроса в trackingRequestKey',
      resultData: null,
    });

    const error = await caught(appTester(connectionTest, { authData: rlabAuth }));

    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(
      /^R-Lab refused the request key: "Некорректный ключ запроса в trackingRequestKey", that is, the request key is wrong: R-Lab User ID and R-Lab API Key do not belong to one account\. Copy R-Lab User ID and R-Lab API Key from your DeliveryCRM profile/,
    );
  });

  it("a 429 in the connection test is said in words with the test's advice: nothing retries a connection test", async () => {
    userInfo().reply(429, 'slow down', { 'Retry-After': '60' });

    const error = await caught(appTester(connectionTest, { authData: rlabAuth }));

    expect(error).toEqual({
      name: 'AppError',
      message: 'R-Lab asks to slow down (HTTP 429). Test the connection again in a few minutes.',
      code: 'RlabUnreachable',
      status: 503,
    });
  });

  it('never prints back a value typed into R-Lab User ID', async () => {
    const error = await caught(
      appTester(connectionTest, { authData: { rlab_user_id: 'k3y-pasted-here-0123', rlab_api_key: 'x' } }),
    );
    expect(error.message).not.toContain('k3y-pasted');
    expect(error.message).toMatch(/^R-Lab User ID: expected the number \(digits only\)/);
  });

  it('describes unlimited balances and expired tariffs', () => {
    expect(describeTariff({ ...PAID, userBalance: 1, userBalanceUnlimited: true })).toBe(
      'unlimited tracks, paid until 13.04.2015',
    );
    expect(describeTariff({ ...PAID, userExpired: true })).toBe('balance 384 tracks, tariff expired on 13.04.2015');
  });
});
