/**
 * Steering a running sandbox over its control address (sandbox/steer.ts), and the app seeing each
 * change the way a polling trigger or search run by `zapier-platform invoke` would.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../src/index';
import { appTester, runOperation } from '../e2e/helpers';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';
import { sendSteer, startControl, steer, type Control } from '../../sandbox/steer';
import { call } from './helpers';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const trigger = (key: string) => (App.triggers as Record<string, { operation: { perform: unknown } }>)[key]!.operation;

describe('sandbox: steering from the command line', () => {
  let sandbox: Sandbox;
  let control: Control;
  let restoreEnv: () => void;
  beforeAll(async () => {
    sandbox = await startSandbox();
    restoreEnv = applyEnv(sandbox.urls);
    control = await startControl(sandbox);
  });
  afterAll(async () => {
    restoreEnv();
    await Promise.all([control.stop(), sandbox.stop()]);
  });

  it('justclick-pay: New JustClick Order (Only Paid Orders) starts once the bill is paid, and only once', async () => {
    const paidIds = async () =>
      (
        (await appTester(trigger('justclick_new_order').perform as Perform, {
          authData: sandbox.accounts,
          inputData: { only_paid: 'yes' },
        })) as Array<{ id: string }>
      ).map((order) => order.id);
    expect(await paidIds()).not.toContain('100002-paid');
    const answer = await sendSteer(control.url, ['justclick-pay', '100002']);
    expect(answer).toEqual({ ok: true, text: expect.stringMatching(/^JustClick bill 100002: new -> paid at 20\d\d-/) });
    expect(await paidIds()).toContain('100002-paid');
    await expect(sendSteer(control.url, ['justclick-pay', '100002'])).resolves.toEqual({
      ok: false,
      text: 'JustClick bill 100002 is already paid',
    });
    expect((await sendSteer(control.url, ['justclick-pay', '999'])).text).toMatch(
      /^no JustClick bill 999; known: 100000/,
    );
  });

  it('blacklist-add: Find Buyer in DeliveryCRM Blacklist finds the new buyer with the karma asked for', async () => {
    const find = () => runOperation('blacklist_check', sandbox.accounts, { phone: '+7 903 555-44-33' });
    expect(await find()).toEqual([]);
    await expect(sendSteer(control.url, ['blacklist-add', '+7 903 555-44-33', '4', '1', '7'])).resolves.toEqual({
      ok: true,
      text: 'Blacklist: added 79035554433 (karma 5, 12 parcels)',
    });
    const [buyer] = (await find()) as Array<Record<string, unknown>>;
    expect(buyer).toMatchObject({ blackPhone: '79035554433', blackKarma: 5 });
    expect((await sendSteer(control.url, ['blacklist-add', '79035554433'])).text).toBe(
      '79035554433 is already in the blacklist',
    );
    expect((await sendSteer(control.url, ['blacklist-add', '12'])).ok).toBe(false);
    expect((await sendSteer(control.url, ['blacklist-add', 'x@example.ru', 'many'])).text).toMatch(
      /^REFUSED must be a whole number/,
    );
  });

  it('measoft-next: the order moves on, and MeaSoft reports the change to a polling stream', async () => {
    const statusreq = (body: string) =>
      call(sandbox.urls.MEASOFT_BASE_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8' },
        body: `<?xml version="1.0" encoding="UTF-8"?><${body.split(' ')[0]}><auth login="sandbox-shop" pass="sandbox-measoft-pass" extra="8"/>${body.slice(body.indexOf(' ') + 1)}`,
      });
    const created = await call(sandbox.urls.MEASOFT_BASE_URL, {
      method: 'POST',
      body:
        '<?xml version="1.0" encoding="UTF-8"?><neworder><auth login="sandbox-shop" pass="sandbox-measoft-pass" extra="8"/>' +
        '<order orderno="SHOP-77"><receiver><person>Анна</person><phone>+7 916 000-00-00</phone>' +
        '<address>Петровка, 38</address></receiver></order></neworder>',
    });
    expect(created.text).toContain('error="0"');
    await statusreq('statusreq <changes>ONLY_LAST</changes><streamid>5</streamid></statusreq>');
    await statusreq('commitlaststatus <streamid>5</streamid></commitlaststatus>');
    expect(sandbox.measoft.pendingChanges(5)).toEqual([]);
    expect(await sendSteer(control.url, ['measoft-next', 'SHOP-77'])).toEqual({
      ok: true,
      text: expect.stringMatching(/^MeaSoft order SHOP-77: NEW -> PICKUP at 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d GMT$/),
    });
    const changes = await statusreq('statusreq <changes>ONLY_LAST</changes><streamid>5</streamid></statusreq>');
    expect(changes.text).toContain('<status eventstore="PICKUP"');
    expect((await sendSteer(control.url, ['measoft-next', 'SHOP-77', 'COMPLETE'])).text).toMatch(/PICKUP -> COMPLETE/);
    expect((await sendSteer(control.url, ['measoft-next', 'SHOP-77'])).text).toBe(
      'MeaSoft order SHOP-77 is already COMPLETE, the last status; name one to set',
    );
    expect((await sendSteer(control.url, ['measoft-next', 'SHOP-77', 'TELEPORTED'])).text).toMatch(
      /^unknown MeaSoft status TELEPORTED/,
    );
    expect((await sendSteer(control.url, ['measoft-next', '404'])).text).toBe('no MeaSoft order 404; known: SHOP-77');
  });

  it('list shows what can be steered; an unknown command names the usage', () => {
    expect(steer(sandbox, ['list'])).toMatch(
      /^MeaSoft orders: .*\nJustClick bills: 100000 new, .*\nBlacklist: 79160000013/,
    );
    expect(() => steer(sandbox, ['fly'])).toThrow(/^unknown command fly; use one of:\nsteer list/);
  });

  it('takes only POSTed JSON, so a web page cannot steer it by a plain form post', async () => {
    const form = await call(control.url, {
      method: 'POST',
      body: 'words=list',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(form.status).toBe(405);
    const get = await call(control.url);
    expect(get.status).toBe(405);
    const bad = await call(control.url, {
      method: 'POST',
      body: '{"words":[1]}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBe(400);
  });
});
