/**
 * A failed exchange reads right where it is read: a search and the polling trigger only read, so
 * they never ask the user to check a change, and the poll never promises to retry "this step".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as findOrder } from '../../src/justclick/find-order';
import { performFind as findSubscriber } from '../../src/justclick/find-subscriber';
import { perform as newOrder } from '../../src/justclick/new-order';
import { performGroups } from '../../src/justclick/groups';
import { performProducts } from '../../src/justclick/products';
import { caught } from '../support/zapier-error';
import { useEnv } from '../support/env';
import { JUSTCLICK, authData, loose } from './support';

const appTester = createAppTester(App);
const setEnv = useEnv();

describe('JustClick: the words after a failed exchange fit where they are read', () => {
  it.each([
    ['Find JustClick Order', 'getOrderDetails', loose(findOrder), { bill_id: '100000' }],
    ['Find JustClick Subscriber', 'GetLeadGroupStatuses', loose(findSubscriber), { email: 'anna@example.com' }],
  ])(
    '%s: a server error says the search changed nothing (not "check the order")',
    async (_name, method, perform, inputData) => {
      nock(JUSTCLICK).post(`/api/${method}`).reply(503, 'Service Unavailable');
      const error = await caught(appTester(perform, { authData, inputData }));
      expect(error).toEqual({
        name: 'AppError',
        message:
          'JustClick answered with a server error (HTTP 503). This call changes nothing in JustClick, so the step can ' +
          'simply run again.',
        code: 'JustClickServerError',
        status: 503,
      });
    },
  );

  it('New JustClick Order: a server error says nothing was changed and the next poll asks again', async () => {
    nock(JUSTCLICK).post('/api/getOrdersWithGoods').reply(502, 'Bad Gateway');
    const error = await caught(appTester(loose(newOrder), { authData, inputData: {} }));
    expect(error).toEqual({
      name: 'AppError',
      message:
        "JustClick answered with a server error (HTTP 502). Nothing was changed in JustClick; Zapier asks again at the trigger's next poll.",
      code: 'JustClickServerError',
      status: 502,
    });
  });

  it('New JustClick Order: a host that cannot be reached is not "retried this step"', async () => {
    // A real socket on 127.0.0.1 that nothing listens on any more.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    setEnv({ JUSTCLICK_BASE_URL: `http://127.0.0.1:${port}` });
    const error = await caught(appTester(loose(newOrder), { authData, inputData: {} }));
    expect(error).toEqual({
      name: 'AppError',
      message:
        'JustClick could not be reached (ECONNREFUSED); nothing was sent. Nothing was changed in JustClick; Zapier ' +
        "asks again at the trigger's next poll.",
      code: 'JustClickNotReached',
      status: 502,
    });
  });

  it("New JustClick Order: core's 429 with Retry-After passes on to Zapier as it is", async () => {
    nock(JUSTCLICK).post('/api/getOrdersWithGoods').reply(429, 'slow down', { 'Retry-After': '90' });
    const error = await caught(appTester(loose(newOrder), { authData, inputData: {} }));
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 90 });
  });

  it.each([
    ['groups', 'GetAllGroups', loose(performGroups)],
    ['products', 'GetAllGoods', loose(performProducts)],
  ])(
    'the %s dropdown: a server error says the call changed nothing (not "check the order")',
    async (_name, method, perform) => {
      nock(JUSTCLICK).post(`/api/${method}`).reply(503, 'Service Unavailable');
      const error = await caught(appTester(perform, { authData, inputData: {} }));
      expect(error.message).toBe(
        'JustClick answered with a server error (HTTP 503). This call changes nothing in JustClick, so the step can ' +
          'simply run again.',
      );
    },
  );
});
