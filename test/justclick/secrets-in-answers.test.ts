/** JustClick's texts pass through the common secret scrubber: the API key never shows, in any form. */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as typedNewOrder } from '../../src/justclick/new-order';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, SECRET, authData, loose, signed } from './support';

const newOrder = loose(typedNewOrder);
const appTester = createAppTester(App);

describe('JustClick: no API key in a message', () => {
  it.each([
    ['raw', SECRET],
    ['URL-encoded', encodeURIComponent(`${SECRET}&`)],
    ['XML-escaped', `${SECRET}&amp;`],
  ])('an error text quoting the key (%s) shows it hidden', async (_name, form) => {
    nock(JUSTCLICK)
      .post('/api/getOrdersWithGoods')
      .reply(200, signed(8, `API disabled for key=${form}`));
    const error = await caught(appTester(newOrder, { authData, inputData: {} }));
    expect(error.message).toContain('error 8 "API disabled for key=[hidden]');
    expect(error.message).not.toContain(SECRET);
  });

  it('an unreadable answer echoing the key shows it hidden', async () => {
    nock(JUSTCLICK).post('/api/getOrdersWithGoods').reply(200, `<html>bad key ${SECRET}</html>`);
    const error = await caught(appTester(newOrder, { authData, inputData: {} }));
    expect(error.message).toContain('bad key [hidden]');
    expect(error.message).not.toContain(SECRET);
  });
});
