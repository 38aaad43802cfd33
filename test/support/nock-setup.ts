/**
 * Runs in every test file (jest setupFilesAfterEnv). Tests never reach the internet: nock refuses
 * every host but loopback, where tests start real servers (a PHP endpoint, the sandbox emulators).
 * Each test file loads its own copy of nock into one shared `http` module, so the copy is switched
 * off after the file and on again for the next one.
 */
import nock from 'nock';

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterAll(() => {
  nock.cleanAll();
  nock.restore();
});

// Every interceptor a test set up was used: each request went out exactly as the test expected.
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
