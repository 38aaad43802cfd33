/**
 * The action against a JustClick endpoint written in real PHP (fixtures/justclick-server.php):
 * PHP parses the form body, re-encodes it with http_build_query and checks the hash, so the
 * request verifies only when the app's encoding is byte-for-byte PHP's.
 */
import path from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import { test as connectionTest } from '../../src/authentication';
import App from '../../src/index';
import { perform } from '../../src/justclick/update-order-status';
import { useEnv } from '../support/env';
import { startPhpServer, type PhpServer } from '../support/php';
import { caught } from '../support/zapier-error';

const appTester = createAppTester(App);
const LOGIN = 'shop';
const SECRET = "s3cr3t!*'()~ ключ";

describe('Update Order Status against a PHP JustClick server', () => {
  let php: PhpServer;
  const setEnv = useEnv('all');

  beforeAll(async () => {
    php = await startPhpServer(path.join(__dirname, 'fixtures', 'justclick-server.php'), {
      JC_LOGIN: LOGIN,
      JC_SECRET: SECRET,
    });
    setEnv({ JUSTCLICK_BASE_URL: php.url });
  });

  afterEach(() => {
    // A PHP warning or notice in the endpoint is a fault of the test setup, not a pass.
    expect(php.errors()).toBe('');
  });

  afterAll(async () => {
    await php.close();
  });

  const authData = { justclick_login: LOGIN, justclick_secret: SECRET };

  it('verifies a request whose values PHP and Node encode differently', async () => {
    const result = await appTester(perform, {
      authData,
      inputData: {
        bill_id: '100001',
        status: 'sent',
        date: '2013-03-03T00:00:00+04:00',
        rpo: "RA 123!*'()~+&=%#/Ж 📦",
      },
    });
    // The number is sent as carriers write it (no spaces); the rest still needs PHP's exact encoding.
    expect(result).toMatchObject({
      bill_id: '100001',
      status: 'sent',
      date_unix: 1362254400,
      rpo: "RA123!*'()~+&=%#/Ж📦",
      justclick_error_code: 0,
    });
  });

  it('reports a status change for an order the server does not know with its own error', async () => {
    const error = await caught(appTester(perform, { authData, inputData: { bill_id: '555', status: 'cancel' } }));
    expect(error.message).toBe(
      'JustClick refused the request: error 302 "Несуществующий номер заказа" (there is no order with this number).',
    );
  });

  it('is refused by the server when the secret is wrong, and says to check the API key', async () => {
    await expect(
      appTester(perform, {
        authData: { ...authData, justclick_secret: 'wrong' },
        inputData: { bill_id: '100001', status: 'paid', date: '1362254400' },
      }),
    ).rejects.toThrow('check the JustClick API Key in the connection');
  });

  it('passes the connection test with the right credentials and fails it with a wrong key', async () => {
    await expect(appTester(connectionTest, { authData })).resolves.toMatchObject({ justclick_login: LOGIN });
    await expect(appTester(connectionTest, { authData: { ...authData, justclick_secret: 'nope' } })).rejects.toThrow(
      'error 4',
    );
  });
});
