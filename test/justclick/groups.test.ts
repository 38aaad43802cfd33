import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { performGroups } from '../../src/justclick/groups';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, authData, body, signed } from './support';

const appTester = createAppTester(App);

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
