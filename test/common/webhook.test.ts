import nock from 'nock';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import * as hash from '../../src/common/hash';
import {
  assertWithinLimit,
  checkSecretHeader,
  findHeader,
  isFirstDelivery,
  MAX_BODY_BYTES,
  parseDelivery,
  PayloadError,
  rawBody,
  REDELIVERY_TTL_SECONDS,
  sniffFormat,
  type SecretHeaderSetting,
} from '../../src/common/webhook';
import App from '../../src/index';
import { caught } from '../support/zapier-error';
import { cacheRpc, failingCacheRpc, loggedBy, rpcAppTester } from '../support/cache-rpc';

afterEach(() => {
  jest.restoreAllMocks();
});

const setting = (name: unknown, value: unknown): SecretHeaderSetting => ({
  name,
  value,
  nameLabel: 'Secret Header Key',
  valueLabel: 'Secret Header Value',
  senderSettings: "the shop's settings",
});

/** Runs a helper with a real z object (the app tester's), as a trigger would. */
const appTester = createAppTester(App);
const withZ = <T>(run: (z: ZObject, bundle: Bundle) => T | Promise<T>, bundle: Partial<Bundle> = {}) =>
  appTester(async (z: ZObject, b: Bundle) => run(z, b), bundle as Bundle);

describe('findHeader', () => {
  const headers = { 'Content-Type': 'application/json', 'Http-X-Shop-Token': 'abc', 'Http-Other': 'x' };

  it('finds a header Zapier renamed with its Http- prefix, whatever the case of the name asked for', () => {
    expect(findHeader(headers, 'X-Shop-Token')).toBe('abc');
    expect(findHeader(headers, 'x-shop-token')).toBe('abc');
    expect(findHeader(headers, 'X-SHOP-TOKEN')).toBe('abc');
  });

  it('also finds a header under its own name, and treats _ like - (the web server does)', () => {
    expect(findHeader({ 'x-shop-token': 'plain' }, 'X-Shop-Token')).toBe('plain');
    expect(findHeader(headers, 'x_shop_token')).toBe('abc');
    expect(findHeader(headers, 'content-type')).toBe('application/json');
  });

  it('takes the first value of a repeated header', () => {
    expect(findHeader({ 'Http-X-Shop-Token': ['one', 'two'] }, 'X-Shop-Token')).toBe('one');
  });

  it('returns undefined for a missing header, no headers or an empty name', () => {
    expect(findHeader(headers, 'X-Missing')).toBeUndefined();
    expect(findHeader(undefined, 'X-Shop-Token')).toBeUndefined();
    expect(findHeader(headers, '  ')).toBeUndefined();
    expect(findHeader({ 'Http-X-Shop-Token': 5 }, 'X-Shop-Token')).toBeUndefined();
  });

  it('does not match a header whose name only contains the wanted one', () => {
    expect(findHeader({ 'Http-X-Shop-Token-Old': 'abc' }, 'X-Shop-Token')).toBeUndefined();
    expect(findHeader({ 'Http-Token': 'abc' }, 'Shop-Token')).toBeUndefined();
  });
});

describe('checkSecretHeader', () => {
  const SECRET = 's3cr3t-VALUE-that-must-never-show';

  it('lets everything through when neither field is filled in', async () => {
    await expect(withZ((z) => checkSecretHeader(z, {}, setting('', undefined)))).resolves.toBeUndefined();
    await expect(withZ((z) => checkSecretHeader(z, undefined, setting(null, '  ')))).resolves.toBeUndefined();
  });

  it('passes a request with the header in its renamed form and the right value', async () => {
    const headers = { 'Http-X-Shop-Token': SECRET };
    await expect(withZ((z) => checkSecretHeader(z, headers, setting('X-Shop-Token', SECRET)))).resolves.toBeUndefined();
    await expect(
      withZ((z) => checkSecretHeader(z, { 'Http-X-Shop-Token': ` ${SECRET} ` }, setting(' x-shop-token ', SECRET))),
    ).resolves.toBeUndefined();
  });

  it('halts (no error alert) a request with another value, without showing the expected value', async () => {
    const error = await caught(
      withZ((z) => checkSecretHeader(z, { 'Http-X-Shop-Token': 'guess' }, setting('X-Shop-Token', SECRET))),
    );
    expect(error.name).toBe('HaltedError');
    // Exactly this text: core would otherwise append the bundle (with the expected value).
    expect(error.message).toBe(
      'Ignored a request without the header "X-Shop-Token" set to the value in Secret Header Value: the header had another value. ' +
        "If this came from your shop, check that the header Key and Value in the shop's settings match this trigger's fields.",
    );
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('guess');
  });

  it('halts a request without the header', async () => {
    const error = await caught(
      withZ((z) => checkSecretHeader(z, { 'Http-Other': SECRET }, setting('X-Shop-Token', SECRET))),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain('the header was missing.');
    expect(error.message).not.toContain(SECRET);
  });

  it('compares in constant time (safeEqual), also when the header is missing', async () => {
    const spy = jest.spyOn(hash, 'safeEqual');
    await caught(withZ((z) => checkSecretHeader(z, {}, setting('X-Shop-Token', SECRET))));
    await withZ((z) => checkSecretHeader(z, { 'Http-X-Shop-Token': SECRET }, setting('X-Shop-Token', SECRET)));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenNthCalledWith(1, '', SECRET);
    expect(spy).toHaveBeenNthCalledWith(2, SECRET, SECRET);
  });

  it('refuses a half-filled pair as a configuration error naming the empty field', async () => {
    const noValue = await caught(withZ((z) => checkSecretHeader(z, {}, setting('X-Shop-Token', ''))));
    expect(noValue.message).toBe(
      "Secret Header Value: expected a value, because Secret Header Key is filled in. Fill in both (the same Key and Value as in the shop's settings) or leave both empty.",
    );
    expect(noValue.code).toBe('InvalidInput');
    const noName = await caught(withZ((z) => checkSecretHeader(z, {}, setting('', SECRET))));
    expect(noName.message).toMatch(/^Secret Header Key: expected a value, because Secret Header Value is filled in\./);
    expect(noName.message).not.toContain(SECRET);
  });
});

describe('body limits and formats', () => {
  it('accepts exactly 10 MB and refuses one byte more, counting UTF-8 bytes', () => {
    expect(() => assertWithinLimit('a'.repeat(MAX_BODY_BYTES))).not.toThrow();
    expect(() => assertWithinLimit('a'.repeat(MAX_BODY_BYTES + 1))).toThrow(
      new PayloadError('the body is larger than 10 MB, the most a Zapier webhook accepts.'),
    );
    // 4 million Cyrillic letters: 8 MB of UTF-16 code units... but 8,000,000 bytes; 6 million is 12 MB.
    expect(() => assertWithinLimit('ж'.repeat(4_000_000))).not.toThrow();
    expect(() => assertWithinLimit('ж'.repeat(6_000_000))).toThrow(PayloadError);
  });

  it('tells XML, JSON, empty and other bodies apart', () => {
    expect(sniffFormat('\uFEFF  <order/>')).toBe('xml');
    expect(sniffFormat('\n {"a":1}')).toBe('json');
    expect(sniffFormat('[1]')).toBe('json');
    expect(sniffFormat(' \n\t')).toBe('empty');
    expect(sniffFormat('a=1&b=2')).toBe('other');
  });

  it('reads the raw body Zapier passed, or undefined when there is none', () => {
    expect(rawBody({ rawRequest: { content: 'x' } })).toBe('x');
    expect(rawBody({ rawRequest: {} })).toBeUndefined();
    expect(rawBody({})).toBeUndefined();
  });

  it('turns a parser PayloadError into the error Zapier shows, and lets other errors through', async () => {
    const refused = await caught(
      withZ((z) =>
        parseDelivery(z, 'MeaSoft', () => {
          throw new PayloadError('the body is empty.');
        }),
      ),
    );
    expect(refused).toEqual({
      name: 'AppError',
      message: 'MeaSoft webhook refused: the body is empty.',
      code: 'InvalidWebhookPayload',
      status: 400,
    });
    const other = await caught(
      withZ((z) =>
        parseDelivery(z, 'MeaSoft', () => {
          throw new TypeError('bug');
        }),
      ),
    );
    expect(other.name).toBe('TypeError');
    expect(other.message.split('\n')[0]).toBe('bug');
    await expect(withZ((z) => parseDelivery(z, 'MeaSoft', () => 42))).resolves.toBe(42);
  });
});

describe('isFirstDelivery (the redelivery guard)', () => {
  const tester = rpcAppTester();
  const first = (bundle: Partial<Bundle>, triggerKey = 'order_status', eventId = 'event-1') =>
    tester(async (z: ZObject, b: Bundle) => isFirstDelivery(z, b, triggerKey, eventId), bundle as Bundle);

  it('records an event with nx, a TTL of at least a day and the user/auth scope, then reports its resend', async () => {
    const { calls, scope } = cacheRpc();
    await expect(first({})).resolves.toBe(true);
    await expect(first({})).resolves.toBe(false);
    expect(calls).toHaveLength(2);
    const [key, value, ttl, cacheScope, nx] = calls[0]!.params;
    expect(calls[0]!.method).toBe('zcache_set');
    expect(key).toBe(`webhook-seen:order_status::${hash.sha1('event-1')}`);
    expect(typeof value).toBe('string');
    expect(ttl).toBe(REDELIVERY_TTL_SECONDS);
    expect(REDELIVERY_TTL_SECONDS).toBeGreaterThanOrEqual(86_400);
    expect(cacheScope).toEqual(['user', 'auth']);
    expect(nx).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps triggers, events and Zaps (when Zapier names the Zap) apart', async () => {
    const { scope } = cacheRpc();
    await expect(first({})).resolves.toBe(true);
    await expect(first({}, 'abaha_order')).resolves.toBe(true);
    await expect(first({}, 'order_status', 'event-2')).resolves.toBe(true);
    const zap = (id: number) => ({ meta: { zap: { id } } as unknown as Bundle['meta'] });
    await expect(first(zap(1))).resolves.toBe(true);
    await expect(first(zap(2))).resolves.toBe(true);
    await expect(first(zap(2))).resolves.toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it('lets the event pass, and logs why, when the cache cannot be reached', async () => {
    const scope = failingCacheRpc();
    const { value: result, logged } = await loggedBy(() =>
      tester((z: ZObject, b: Bundle) => isFirstDelivery(z, b, 'order_status', 'event-1'), {} as Bundle),
    );
    expect(result).toBe(true);
    expect(scope.isDone()).toBe(true);
    expect(logged).toEqual([
      "Redelivery check skipped (Zapier's cache did not answer: RPC request failed after 3 attempts: Unable to reach the RPC server); the event passes.",
    ]);
  });

  it('neither records nor drops anything while the user loads samples in the Zap editor', async () => {
    const loading = { meta: { isLoadingSample: true } as Bundle['meta'] };
    // The guard passes events when the cache fails, so a refused call would go unnoticed: the
    // calls are counted instead (and the unused interceptor removed afterwards).
    const { calls } = cacheRpc();
    await expect(first(loading)).resolves.toBe(true);
    await expect(first(loading)).resolves.toBe(true);
    expect(calls).toHaveLength(0);
    nock.cleanAll();
  });
});
