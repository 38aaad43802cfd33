import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as typedPerform } from '../../src/justclick/remove-subscriber';
import { removeSubscriberSample } from '../../src/justclick/samples';
import { caught } from '../support/zapier-error';
import { GENERAL_ERRORS, JUSTCLICK, authData, body, loose, signed } from './support';

const perform = loose(typedPerform);
const appTester = createAppTester(App);

const statuses = body('email=anna%40example.com');
const leave = (group: string) => body(`lead_email=anna%40example.com&rass_name=${group}`);
const inBuyers = [
  { rass_name: 'buyers', rass_title: 'Покупатели', rass_status: 'STATUS_SUBSCRIBE', subscription_time: '1716195600' },
];

describe('Remove Subscriber from Group', () => {
  it('reads the groups, then sends DeleteSubscribe once per group (the sample: in one, not in the other)', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses', statuses)
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe', leave('buyers'))
      .reply(200, signed(0, 'OK'))
      .post('/api/DeleteSubscribe', leave('newsletter'))
      .reply(200, signed(0, 'OK'));
    await expect(
      appTester(perform, { authData, inputData: { groups: ['buyers', 'newsletter'], email: 'anna@example.com' } }),
    ).resolves.toEqual(removeSubscriberSample);
    expect(scope.isDone()).toBe(true);
  });

  it('encodes the group and e-mail the PHP way; comma-separated text and repeats become one call per group', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses', body('email=o%27neil%2Btest%40example.com'))
      .reply(200, signed(501, 'Контакт не состоит ни в одной группе'))
      .post('/api/DeleteSubscribe', body('lead_email=o%27neil%2Btest%40example.com&rass_name=vip%2A%21'))
      .reply(200, signed(0, 'ok'))
      .post('/api/DeleteSubscribe', body('lead_email=o%27neil%2Btest%40example.com&rass_name=%D0%BA%D0%BB%D1%83%D0%B1'))
      .reply(200, signed(0, 'ok'));
    const result = await appTester(perform, {
      authData,
      inputData: { groups: ['vip*!, клуб', 'vip*!'], email: "o'neil+test@example.com" },
    });
    expect(result).toMatchObject({
      removed_from: [],
      not_in_groups: ['vip*!', 'клуб'],
      was_in_any_group: false,
      result_info: "o'neil+test@example.com was not in vip*!, клуб, so nothing changed there.",
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      'JustClick knows no such contact (500)',
      signed(500, 'Контакт с таким и-мейлом не существует'),
      signed(801, 'Контакт с указанным email не найден'),
    ],
    ['it is in no group (501)', signed(501, 'Контакт не состоит ни в одной группе'), signed(0, 'OK')],
    [
      'it left the group before',
      signed(0, 'OK', [{ ...inBuyers[0], rass_status: 'STATUS_UNSUBSCRIBE' }]),
      signed(0, 'OK'),
    ],
  ])('a contact not in the group is done, not an error: %s', async (_name, before, answer) => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, before)
      .post('/api/DeleteSubscribe', leave('buyers'))
      .reply(200, answer);
    await expect(
      appTester(perform, { authData, inputData: { groups: 'buyers', email: 'anna@example.com' } }),
    ).resolves.toMatchObject({
      groups: [expect.objectContaining({ group_id: 'buyers', was_in_group: false })],
      removed_from: [],
      not_in_groups: ['buyers'],
      was_in_any_group: false,
      result_info: 'anna@example.com was not in buyers, so nothing changed there.',
    });
  });

  it('801 from DeleteSubscribe means not in the group, whatever the list said', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe')
      .reply(200, signed(801, 'Контакт с указанным email не найден'));
    await expect(
      appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } }),
    ).resolves.toMatchObject({ removed_from: [], not_in_groups: ['buyers'], groups: [{ justclick_error_code: 801 }] });
  });

  it("a group that does not exist (800) fails with JustClick's text", async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe', leave('byers'))
      .reply(200, signed(800, 'Указанная группа контактов не найдена'));
    const error = await caught(
      appTester(perform, { authData, inputData: { groups: ['byers'], email: 'anna@example.com' } }),
    );
    expect(error).toMatchObject({
      message:
        'JustClick refused the request: error 800 "Указанная группа контактов не найдена" (the contact group does not exist).',
      code: 'JustClickError800',
    });
  });

  it('a refusal after a group was handled says which groups were handled and that a replay is safe', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe', leave('buyers'))
      .reply(200, signed(0, 'OK'))
      .post('/api/DeleteSubscribe', leave('gone'))
      .reply(200, signed(800, 'Указанная группа контактов не найдена'));
    const error = await caught(
      appTester(perform, { authData, inputData: { groups: ['buyers', 'gone'], email: 'anna@example.com' } }),
    );
    expect(error).toMatchObject({
      message:
        'JustClick refused the request: error 800 "Указанная группа контактов не найдена" (the contact group does not ' +
        'exist). This was for the group gone. Before it, anna@example.com was removed from buyers. Running the step ' +
        'again is safe.',
      code: 'JustClickError800',
    });
  });

  it.each([
    [100, 'email is missing', 'the contact has no e-mail address'] as [number, string, string],
    ...GENERAL_ERRORS,
  ])("explains DeleteSubscribe's error %i", async (code, text, explanation) => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe')
      .reply(200, signed(code, text));
    expect(
      (await caught(appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } })))
        .message,
    ).toBe(`JustClick refused the request: error ${code} "${text}" (${explanation}).`);
  });

  it('a wrong key (4) stops at the first call and asks to reconnect; nothing is removed', async () => {
    const scope = nock(JUSTCLICK).post('/api/GetLeadGroupStatuses').reply(200, signed(4, 'incorrect hash'));
    const error = await caught(
      appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } }),
    );
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('check the JustClick API Key in the connection');
    expect(scope.isDone()).toBe(true);
  });

  it('a server error names what may have changed: reading the groups changes nothing, leaving one may have', async () => {
    nock(JUSTCLICK).post('/api/GetLeadGroupStatuses').reply(500, 'oops');
    expect(
      (await caught(appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } })))
        .message,
    ).toBe(
      'JustClick answered with a server error (HTTP 500). This call changes nothing in JustClick, so the step can ' +
        'simply run again.',
    );
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe')
      .reply(502, 'Bad Gateway');
    expect(
      (await caught(appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } })))
        .message,
    ).toBe(
      'JustClick answered with a server error (HTTP 502). The change may or may not have been applied: check the ' +
        'groups of anna@example.com in JustClick before you replay this step.',
    );
  });

  it('does not report a removal from an answer whose hash does not verify', async () => {
    nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', inBuyers))
      .post('/api/DeleteSubscribe')
      .reply(200, signed(0, 'OK', undefined, 'forged'));
    expect(
      (await caught(appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } })))
        .code,
    ).toBe('JustClickUntrustedAnswer');
  });

  it.each([
    ['a membership without a group ID', [{ rass_title: 'no id' }]],
    ['text instead of a list', 'buyers'],
  ])('refuses a group list it cannot read: %s', async (_name, result) => {
    const scope = nock(JUSTCLICK)
      .post('/api/GetLeadGroupStatuses')
      .reply(200, signed(0, 'OK', result));
    expect(
      (await caught(appTester(perform, { authData, inputData: { groups: ['buyers'], email: 'anna@example.com' } })))
        .code,
    ).toBe('JustClickBadAnswer');
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [{ groups: [], email: 'a@b.ru' }, 'Groups: expected at least one JustClick contact group ID.'],
    [{ groups: [' , '], email: 'a@b.ru' }, 'Groups: expected at least one JustClick contact group ID.'],
    [{ groups: ['buyers'], email: 'anna' }, 'Email: expected an e-mail address such as anna@example.com (got "anna").'],
  ])('refuses %j before any request', async (inputData, message) => {
    expect(await caught(appTester(perform, { authData, inputData }))).toMatchObject({ message, code: 'InvalidInput' });
  });
});
