import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { performAdd as typedPerformAdd } from '../../src/justclick/add-subscriber';
import { addSubscriberSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, authData, body, signed, loose } from './support';

const performAdd = loose(typedPerformAdd);

const appTester = createAppTester(App);

describe('Add Subscriber to Group', () => {
  it('sends rid[] as PHP indexes, the lead fields and utm[...] (the sample for the minimal call)', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/AddLeadToGroup', body('rid%5B0%5D=newsletter&lead_email=anna%40example.com'))
      .reply(200, signed(0, 'OK'));
    await expect(
      appTester(performAdd, { authData, inputData: { groups: ['newsletter'], email: 'anna@example.com' } }),
    ).resolves.toEqual(addSubscriberSample);
    expect(scope.isDone()).toBe(true);
  });

  it('sends every field, several groups (also comma-separated text) and Cyrillic the PHP way', async () => {
    const query =
      'rid%5B0%5D=newsletter&rid%5B1%5D=buyers&rid%5B2%5D=vip' +
      '&lead_name=%D0%90%D0%BD%D0%BD%D0%B0+%28VIP%29%21&lead_email=anna%40example.com&lead_phone=%2B79031112233' +
      '&lead_city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&tag=zapier&utm%5Butm_source%5D=shop&utm%5Butm_campaign%5D=may';
    const scope = nock(JUSTCLICK)
      .post('/api/AddLeadToGroup', body(query))
      .reply(200, signed(0, 'activation email sent to subscriber'));
    const result = await appTester(performAdd, {
      authData,
      inputData: {
        groups: ['newsletter', 'buyers, vip'],
        email: 'anna@example.com',
        name: 'Анна (VIP)!',
        phone: '+79031112233',
        city: 'Москва',
        tag: 'zapier',
        utm_source: 'shop',
        utm_campaign: 'may',
      },
    });
    expect(result).toMatchObject({
      groups: ['newsletter', 'buyers', 'vip'],
      already_subscribed: false,
      justclick_error_text: 'activation email sent to subscriber',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a contact already in every group (102) is done, not an error', async () => {
    nock(JUSTCLICK).post('/api/AddLeadToGroup').reply(200, signed(102, 'the subscriber is already registered'));
    await expect(
      appTester(performAdd, { authData, inputData: { groups: 'newsletter', email: 'anna@example.com' } }),
    ).resolves.toMatchObject({
      already_subscribed: true,
      justclick_error_code: 102,
      justclick_error_text: 'the subscriber is already registered',
      justclick_error_text_en: 'The contact is already in every group given (JustClick code 102).',
    });
  });

  it("explains a group that does not exist (103) with JustClick's text", async () => {
    nock(JUSTCLICK).post('/api/AddLeadToGroup').reply(200, signed(103, 'has an invalid subscriptions group'));
    expect(
      (await caught(appTester(performAdd, { authData, inputData: { groups: ['nope'], email: 'a@b.ru' } }))).message,
    ).toBe(
      'JustClick refused the request: error 103 "has an invalid subscriptions group" (one of the groups does not exist).',
    );
  });

  it('does not report an unsigned answer as done', async () => {
    nock(JUSTCLICK)
      .post('/api/AddLeadToGroup')
      .reply(200, signed(0, 'OK', undefined, 'forged'));
    expect(
      (await caught(appTester(performAdd, { authData, inputData: { groups: ['a'], email: 'a@b.ru' } }))).code,
    ).toBe('JustClickUntrustedAnswer');
  });

  it.each([
    [{ groups: [], email: 'a@b.ru' }, 'Groups: expected at least one JustClick contact group ID.'],
    [{ groups: [' , '], email: 'a@b.ru' }, 'Groups: expected at least one JustClick contact group ID.'],
    [{ groups: ['a'], email: '' }, 'Email: expected an e-mail address such as anna@example.com (got "").'],
  ])('refuses %j before any request', async (inputData, message) => {
    expect(await caught(appTester(performAdd, { authData, inputData }))).toMatchObject({
      message,
      code: 'InvalidInput',
    });
  });
});
