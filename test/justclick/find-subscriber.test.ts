import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { performFind as typedPerformFind } from '../../src/justclick/find-subscriber';
import { findSubscriberSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, authData, body, signed, loose } from './support';

const performFind = loose(typedPerformFind);

const appTester = createAppTester(App);

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
