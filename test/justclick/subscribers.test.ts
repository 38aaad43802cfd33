import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { performGroups } from '../../src/justclick/dropdowns';
import * as subscribers from '../../src/justclick/subscribers';
import { resultInEnglish } from '../../src/justclick/client';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, authData, body, loose, signed } from './support';

import { addSubscriberSample, findSubscriberSample } from '../../src/justclick/samples';
const performAdd = loose(subscribers.performAdd);
const performFind = loose(subscribers.performFind);

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

describe('Find Subscriber', () => {
  const statuses = [
    {
      rass_name: 'newsletter',
      rass_title: 'Рассылка магазина',
      rass_status: 'STATUS_SUBSCRIBE',
      subscription_time: '1716195600',
    },
    {
      rass_name: 'buyers',
      rass_title: 'Покупатели',
      rass_status: 'STATUS_WAIT',
      subscription_time: '2024-05-21 08:00:00',
    },
  ];

  it('returns the groups of the e-mail with status and time (the sample for one group)', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses', body('email=anna%40example.com'))
      .reply(200, signed(0, 'OK', statuses.slice(0, 1)));
    await expect(appTester(performFind, { authData, inputData: { email: 'anna@example.com' } })).resolves.toEqual([
      findSubscriberSample,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads both time forms and passes an undocumented status through', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(
        200,
        signed(0, 'OK', [
          ...statuses,
          { rass_name: 'old', rass_title: 'Old', rass_status: 'STATUS_UNSUBSCRIBE_ALL', subscription_time: '0' },
        ]),
      );
    const [found] = (await appTester(performFind, { authData, inputData: { email: 'anna@example.com' } })) as Array<{
      groups: unknown[];
    }>;
    expect(found?.groups).toEqual([
      expect.objectContaining({
        group_id: 'newsletter',
        status_label: 'Subscribed',
        subscribed_at: '2024-05-20T12:00:00+03:00',
      }),
      expect.objectContaining({
        group_id: 'buyers',
        status_label: 'Waiting for Confirmation',
        subscribed_at: '2024-05-21T08:00:00+03:00',
      }),
      expect.objectContaining({
        group_id: 'old',
        status: 'STATUS_UNSUBSCRIBE_ALL',
        status_label: 'STATUS_UNSUBSCRIBE_ALL',
        subscribed_at: null,
      }),
    ]);
  });

  it('with a Group: found only when the contact is in that group', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .twice()
      .reply(200, signed(0, 'OK', statuses));
    await expect(
      appTester(performFind, { authData, inputData: { email: 'anna@example.com', group: 'vip' } }),
    ).resolves.toEqual([]);
    await expect(
      appTester(performFind, { authData, inputData: { email: 'anna@example.com', group: 'buyers' } }),
    ).resolves.toHaveLength(1);
  });

  it.each([
    [500, 'Контакт с таким и-мейлом не существует'],
    [501, 'Контакт не состоит ни в одной группе'],
  ])('error %i is nothing found', async (code, text) => {
    nock(JUSTCLICK).post('/api/GetLeadGroupStatuses').reply(200, signed(code, text));
    await expect(appTester(performFind, { authData, inputData: { email: 'nobody@example.com' } })).resolves.toEqual([]);
  });

  it('refuses a membership without a group ID', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', [{ rass_title: 'x' }]));
    expect((await caught(appTester(performFind, { authData, inputData: { email: 'a@b.ru' } }))).code).toBe(
      'JustClickBadAnswer',
    );
  });

  it('refuses a bad e-mail before any request', async () => {
    expect((await caught(appTester(performFind, { authData, inputData: { email: 'anna' } }))).message).toBe(
      'Email: expected an e-mail address such as anna@example.com (got "anna").',
    );
  });

  it('is paired with Add Subscriber to Group in a search-or-create', () => {
    expect(App.searchOrCreates?.justclick_find_subscriber).toMatchObject({
      search: 'justclick_find_subscriber',
      create: 'justclick_add_subscriber',
    });
  });
});

describe('Groups dropdown (GetAllGroups)', () => {
  it('lists the groups with rass_name as the value AddLeadToGroup takes', async () => {
    nock(JUSTCLICK)
      .post('/api/GetAllGroups', body(''))
      .reply(
        200,
        signed(0, 'OK', [{ rass_name: 'newsletter', rass_title: 'Рассылка магазина' }, { rass_name: 'buyers' }]),
      );
    await expect(appTester(performGroups, { authData, inputData: {} })).resolves.toEqual([
      { id: 'newsletter', name: 'Рассылка магазина (newsletter)' },
      { id: 'buyers', name: 'buyers' },
    ]);
  });

  it('an empty result is an empty list; a group without an ID is refused', async () => {
    nock(JUSTCLICK)
      .post('/api/GetAllGroups')
      .reply(200, signed(0, 'OK', []));
    await expect(appTester(performGroups, { authData, inputData: {} })).resolves.toEqual([]);
    nock(JUSTCLICK)
      .post('/api/GetAllGroups')
      .reply(200, signed(0, 'OK', 'x'));
    expect((await caught(appTester(performGroups, { authData, inputData: {} }))).code).toBe('JustClickBadAnswer');
  });
});

describe('JustClick Result Text (English)', () => {
  it('says what each code means, and that JustClick gave no explanation for an unknown one', () => {
    expect(resultInEnglish(0)).toBe('Done: JustClick carried out the request.');
    expect(resultInEnglish(601)).toBe('The order already exists (JustClick code 601).');
    expect(resultInEnglish(999)).toBe('JustClick gave no further explanation (code 999).');
  });
});
