/**
 * New MeaSoft Order Status (Webhook) trusts only what MeaSoft sent, end to end: the sandbox's MeaSoft sender posts
 * real and forged documents to the local stand-in for Zapier's hook endpoint (sandbox/receiver.ts, which hands the
 * query string to the trigger as Zapier does), and the trigger reads orders back from the MeaSoft emulator.
 *
 * - Secret in the Webhook URL (`url_secret`, `?key=`): the right value starts the Zap however it was encoded; a
 *   wrong, missing or repeated key halts the run (HaltedError, no error alert a stranger could trigger) before the
 *   body is read, and the value appears in no output, message or log.
 * - Confirm with MeaSoft (`confirm_with_measoft`): a status MeaSoft holds (its current one or one in its history,
 *   by code and event time) starts the Zap with MeaSoft's own record; a forged one (an order MeaSoft does not hold,
 *   a status it never gave, a real code at another time) halts the run naming the order, and nothing is recorded
 *   in the redelivery memory. MeaSoft down or slow: If MeaSoft Does Not Answer = stop ends the run with
 *   MeasoftNotConfirmed (a replay starts the Zap once MeaSoft answers), = run starts it with confirmed_by_measoft
 *   false. Slowness is MEASOFT_TIMEOUT_MS against an answer held far longer: only outcomes are asserted.
 *
 * Nothing here imports zapier-platform-core or the app: the receiver loads them after pointing core at its cache
 * stand-in.
 */
import { format } from 'node:util';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox/index';
import { startReceiver, stopReceivers, type Receiver } from '../../sandbox/receiver';
import { forgeMeasoftStatus, measoftOrderXml, sendMeasoftStatus, withKey } from '../../sandbox/senders';
import { useEnv } from '../support/env';
import { dateProblems } from '../support/output-shape';
import { shown, type ShownError } from '../support/zapier-error';

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Long, random-looking, with the characters a URL changes (+ / =), as the help text asks for. */
const SECRET = 'vQ7+mZ2/kX9=rT4wL8pN3sJ6';
const WRONG = 'wR0ng+Gu3ss/aB5=cD6eF7gH';

/** Every form a value could leave the app in (as typed, percent-encoded in either case, form-decoded, JSON). */
const forms = (value: string): string[] => {
  const percent = encodeURIComponent(value);
  return [
    value,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    value.replace(/\+/g, ' '),
    JSON.stringify(value).slice(1, -1),
    value.slice(0, 12),
  ];
};
const leaks = (text: string, ...values: string[]): string[] =>
  values.flatMap((value) => forms(value).filter((form) => text.includes(form)));

describe('e2e: New MeaSoft Order Status (Webhook) trusts only what MeaSoft sent', () => {
  let sandbox: Sandbox;
  let restoreEnv: () => void;
  const receivers: Receiver[] = [];
  const setEnv = useEnv();

  beforeAll(async () => {
    sandbox = await startSandbox();
    restoreEnv = applyEnv(sandbox.urls);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await stopReceivers();
    restoreEnv();
    await sandbox.stop();
  });
  beforeEach(async () => {
    await sandbox.measoft.fault('none');
    sandbox.measoft.failReads = 0;
    sandbox.clearRequests();
  });
  afterEach(() => {
    // Check T003 on every Zap start: dates in ISO 8601 with a zone.
    for (const receiver of receivers) expect(dateProblems(receiver.zapStarts)).toEqual([]);
  });

  /** The MeaSoft fields of the sandbox's connection. */
  const measoftAuth = () => ({
    measoft_login: sandbox.accounts.measoft_login,
    measoft_password: sandbox.accounts.measoft_password,
    measoft_extra: sandbox.accounts.measoft_extra,
  });
  const hook = async (inputData: Item, authData: Item = measoftAuth()) => {
    const receiver = await startReceiver({ triggerKey: 'order_status', inputData, authData });
    receivers.push(receiver);
    return receiver;
  };
  /** An order MeaSoft holds, moved through `codes` by the courier service. */
  const held = (orderno: string, ...codes: string[]) => {
    sandbox.measoft.addOrder(orderno, { fields: { price: '2490', paytype: 'CASH' } });
    for (const code of codes) sandbox.measoft.advance(orderno, code);
    return orderno;
  };
  /** What a delivery ended with: the error as the Zap history shows it, and the Zap starts it made. */
  const outcome = async (receiver: Receiver, url: string, xml: string) => {
    const before = receiver.deliveries.length;
    const cacheBefore = receiver.cache.size;
    await sendMeasoftStatus(url, xml);
    const delivery = receiver.deliveries[before]!;
    expect(receiver.deliveries).toHaveLength(before + 1);
    return {
      error: delivery.error ? shown(delivery.error) : undefined,
      items: delivery.items as Item[],
      recorded: receiver.cache.size - cacheBefore,
    };
  };
  /** The statusreq requests the trigger sent to MeaSoft. */
  const reads = () => sandbox.measoft.requests.filter((request) => request.body.includes('<statusreq'));
  const expectHalted = (error: ShownError | undefined) => {
    expect(error?.name).toBe('HaltedError');
    return error!;
  };

  describe('Secret in the Webhook URL', () => {
    it('the right key starts the Zap, percent-encoded or pasted as typed; Confirmed by MeaSoft says "not checked"', async () => {
      const receiver = await hook({ url_secret: SECRET });
      const encoded = await outcome(
        receiver,
        withKey(receiver.url, SECRET),
        measoftOrderXml({ orderno: 'KEY-1', status: 'COMPLETE' }),
      );
      const raw = await outcome(
        receiver,
        withKey(receiver.url, SECRET, 'raw'),
        measoftOrderXml({ orderno: 'KEY-2', status: 'COMPLETE' }),
      );
      for (const [result, orderno] of [
        [encoded, 'KEY-1'],
        [raw, 'KEY-2'],
      ] as const) {
        expect(result.error).toBeUndefined();
        expect(result.items).toEqual([
          expect.objectContaining({
            orderno,
            confirmed_by_measoft: 'not checked',
            confirmation_note: expect.any(String),
          }),
        ]);
      }
      expect(receiver.zapStarts).toHaveLength(2);
      // Confirm with MeaSoft is off: nothing was asked of MeaSoft.
      expect(reads()).toEqual([]);
    });

    it.each([
      ['missing', (url: string) => url],
      ['another value', (url: string) => withKey(url, WRONG)],
      ['empty', (url: string) => `${url}?key=`],
      ['repeated, both right', (url: string) => withKey(url, [SECRET, SECRET])],
      ['repeated, one wrong', (url: string) => withKey(url, [WRONG, SECRET])],
      ['under another name', (url: string) => `${url}?secret=${encodeURIComponent(SECRET)}`],
    ])('a key %s: the run halts, no Zap starts, nothing is remembered', async (_, url) => {
      const receiver = await hook({ url_secret: SECRET });
      const result = await outcome(
        receiver,
        url(receiver.url),
        measoftOrderXml({ orderno: 'KEY-3', status: 'COMPLETE' }),
      );
      expectHalted(result.error);
      expect(result.items).toEqual([]);
      expect(result.recorded).toBe(0);
      expect(leaks(result.error!.message, SECRET, WRONG)).toEqual([]);
    });

    it("a stranger's junk body without the key halts before it is read (no error alert), with the key it is refused as before", async () => {
      const receiver = await hook({ url_secret: SECRET });
      const stranger = await outcome(receiver, receiver.url, '{"result": true}');
      expect(expectHalted(stranger.error).message).not.toContain('MeaSoft webhook refused');
      const owner = await outcome(receiver, withKey(receiver.url, SECRET), '{"result": true}');
      expect(owner.error?.name).not.toBe('HaltedError');
      expect(owner.error?.message).toContain('MeaSoft webhook refused');
      expect(receiver.zapStarts).toEqual([]);
    });

    it('without a secret set, nothing changes: a delivery with or without a key starts the Zap', async () => {
      const receiver = await hook({});
      await outcome(receiver, receiver.url, measoftOrderXml({ orderno: 'KEY-4', status: 'COMPLETE' }));
      await outcome(
        receiver,
        withKey(receiver.url, 'anything'),
        measoftOrderXml({ orderno: 'KEY-5', status: 'COMPLETE' }),
      );
      expect(receiver.zapStarts).toEqual([
        expect.objectContaining({ orderno: 'KEY-4' }),
        expect.objectContaining({ orderno: 'KEY-5' }),
      ]);
    });

    it.each([
      ['a space', 'abc def-0123456789'],
      ['&', 'abc&def-0123456789'],
      ['#', 'abc#def-0123456789'],
      ['a tab', 'abc\tdef-0123456789'],
    ])('a secret with %s cannot survive in a URL: refused naming the field, nothing starts', async (_, secret) => {
      const receiver = await hook({ url_secret: secret });
      const result = await outcome(
        receiver,
        withKey(receiver.url, secret),
        measoftOrderXml({ orderno: 'KEY-6', status: 'COMPLETE' }),
      );
      expect(result.error).toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('Secret in the Webhook URL'),
      });
      expect(result.items).toEqual([]);
      expect(result.error!.message).not.toContain(secret.trim());
    });

    it('the secret and the received value are in no output, message or log line (core logging to stdout on)', async () => {
      setEnv({ LOG_TO_STDOUT: 'true', DETAILED_LOG_TO_STDOUT: 'true' });
      const orderno = held('KEY-7', 'PICKUP', 'DELIVERY', 'COMPLETE');
      const receiver = await hook({ url_secret: SECRET, confirm_with_measoft: 'yes' });
      const printed: string[] = [];
      const spies = [
        ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
          jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(format(...args))),
        ),
        ...[process.stdout, process.stderr].map((stream) =>
          jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
            printed.push(String(chunk));
            return true;
          }) as never),
        ),
      ];
      const real = sandbox.measoft.webhookXml(orderno);
      try {
        await sendMeasoftStatus(withKey(receiver.url, SECRET), real);
        await sendMeasoftStatus(withKey(receiver.url, SECRET, 'raw'), real);
        await sendMeasoftStatus(withKey(receiver.url, WRONG), real);
        await sendMeasoftStatus(withKey(receiver.url, [WRONG, SECRET], 'raw'), real);
        await sendMeasoftStatus(withKey(receiver.url, SECRET), forgeMeasoftStatus(real, { code: 'RETURNED' }));
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(receiver.zapStarts).toHaveLength(1);
      expect(receiver.deliveries.map((delivery) => delivery.error?.name)).toEqual([
        undefined,
        undefined, // the same event again: dropped as a redelivery
        'HaltedError',
        'HaltedError',
        'HaltedError',
      ]);
      // Core's HTTP logging is process-wide, so it also logs the sender's own POST to the hook (in Zapier that is
      // MeaSoft's request, never in the app's log): exactly those entries, one per delivery, are left out.
      const delivering = printed.filter((entry) => entry.startsWith(`POST ${receiver.url}`));
      expect(delivering).toHaveLength(receiver.deliveries.length);
      const appLog = printed.filter((entry) => !delivering.includes(entry)).join('\n');
      // Logging really was on: the read-back to MeaSoft is in the log.
      expect(appLog).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\//);
      const everything = [
        appLog,
        JSON.stringify(receiver.zapStarts),
        ...receiver.deliveries.map((delivery) => `${delivery.error?.name ?? ''} ${delivery.error?.message ?? ''}`),
      ].join('\n');
      expect(leaks(everything, SECRET, WRONG)).toEqual([]);
    });
  });

  describe('Confirm with MeaSoft', () => {
    const confirming = (extra: Item = {}) => hook({ confirm_with_measoft: 'yes', ...extra });

    it("a status MeaSoft holds starts the Zap with MeaSoft's record, after one read-only statusreq by the order number", async () => {
      const orderno = held('CONF-1', 'PICKUP', 'DEPARTURE', 'DELIVERY', 'COMPLETE');
      const receiver = await confirming();
      // The body's price is not MeaSoft's: the Zap must get the order as MeaSoft holds it.
      const delivered = sandbox.measoft.webhookXml(orderno).replace('<price>2490</price>', '<price>1</price>');
      expect(delivered).toContain('<price>1</price>');
      const result = await outcome(receiver, receiver.url, delivered);
      expect(result.error).toBeUndefined();
      const [event] = result.items;
      const current = sandbox.measoft.orders.get(orderno)!.statuses.at(-1)!;
      expect(event).toMatchObject({
        orderno,
        price: 2490,
        status: expect.objectContaining({
          code: 'COMPLETE',
          eventtime_iso: `${current.timeLocal.replace(' ', 'T')}+03:00`,
        }),
        webhook_status_code: 'COMPLETE',
        confirmed_by_measoft: true,
        confirmation_note: expect.any(String),
      });
      expect(event!.status_history).toHaveLength(5);
      expect(event!.webhook_statuses.map((status: Item) => status.code)).toEqual([
        'NEW',
        'PICKUP',
        'DEPARTURE',
        'DELIVERY',
        'COMPLETE',
      ]);
      expect(result.recorded).toBe(1);
      expect(sandbox.measoft.requests).toHaveLength(1);
      const [read] = reads();
      expect(read!.body).toContain(`<orderno>${orderno}</orderno>`);
      expect(read!.body).not.toContain('ONLY_LAST'); // no change stream touched, nothing committed
    });

    it("a status in the order's history (MeaSoft moved on since) is confirmed too, with the status as MeaSoft recorded it", async () => {
      const orderno = held('CONF-2', 'PICKUP', 'DELIVERY');
      const earlier = sandbox.measoft.webhookXml(orderno, 'DELIVERY');
      sandbox.measoft.advance(orderno, 'COMPLETE');
      const receiver = await confirming();
      const result = await outcome(receiver, receiver.url, earlier);
      expect(result.error).toBeUndefined();
      expect(result.items).toEqual([
        expect.objectContaining({
          orderno,
          status: expect.objectContaining({ code: 'DELIVERY', title: 'Выдан курьеру на доставку' }),
          webhook_status_code: 'DELIVERY',
          confirmed_by_measoft: true,
        }),
      ]);
    });

    it.each([
      [
        'an order MeaSoft does not hold',
        () => measoftOrderXml({ orderno: 'FORGED-404', status: 'COMPLETE' }),
        'FORGED-404',
      ],
      [
        "a real order's document under another number",
        () => forgeMeasoftStatus(sandbox.measoft.webhookXml(held('CONF-3', 'COMPLETE')), { orderno: 'FORGED-405' }),
        'FORGED-405',
      ],
      [
        'a status MeaSoft never gave the order',
        () =>
          forgeMeasoftStatus(sandbox.measoft.webhookXml(held('CONF-4', 'PICKUP', 'DELIVERY')), { code: 'COMPLETE' }),
        'CONF-4',
      ],
      [
        'a real status code at another event time',
        () => {
          const orderno = held('CONF-5', 'DELIVERY', 'COMPLETE');
          const real = sandbox.measoft.orders.get(orderno)!.statuses.at(-1)!;
          const other = new Date(`${real.timeGmt.replace(' ', 'T')}Z`);
          other.setUTCHours(other.getUTCHours() - 26);
          return forgeMeasoftStatus(sandbox.measoft.webhookXml(orderno), { code: 'COMPLETE', at: other });
        },
        'CONF-5',
      ],
    ])(
      'forged, %s: the run halts naming the order, no Zap starts, nothing is remembered',
      async (_, forge, orderno) => {
        const receiver = await confirming();
        const result = await outcome(receiver, receiver.url, forge());
        expect(expectHalted(result.error).message).toContain(orderno);
        expect(result.items).toEqual([]);
        expect(result.recorded).toBe(0);
        expect(reads()).toHaveLength(1);
      },
    );

    it('without the MeaSoft fields in the connection, Confirm with MeaSoft = Yes is refused naming the field', async () => {
      const receiver = await hook({ confirm_with_measoft: 'yes' }, {});
      const result = await outcome(receiver, receiver.url, measoftOrderXml({ orderno: 'CONF-6', status: 'COMPLETE' }));
      expect(result.error).toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('Confirm with MeaSoft'),
      });
      expect(result.items).toEqual([]);
      expect(reads()).toEqual([]);
    });

    it('a wrong MeaSoft password stays an expired connection, and starts nothing', async () => {
      const orderno = held('CONF-7', 'COMPLETE');
      const receiver = await hook(
        { confirm_with_measoft: 'yes' },
        { ...measoftAuth(), measoft_password: 'not-the-password' },
      );
      const result = await outcome(receiver, receiver.url, sandbox.measoft.webhookXml(orderno));
      expect(result.error?.name).toBe('ExpiredAuthError');
      expect(result.items).toEqual([]);
      expect(result.recorded).toBe(0);
    });

    describe('MeaSoft does not answer', () => {
      const down = async () => sandbox.measoft.fault('down');
      const serverError = async () => {
        sandbox.measoft.failReads = 1;
      };
      const slow = async () => {
        setEnv({ MEASOFT_TIMEOUT_MS: '300' });
        // Held for far longer than the timeout: the outcome cannot depend on the machine's speed.
        await sandbox.measoft.fault('slow', { delayMs: 120_000, times: 1 });
      };

      /** What happened, as the message must say it first (the client's words for each failure). */
      const DOWN = /MeaSoft could not be reached \(ECONNREFUSED\)/;
      const SERVER_ERROR = /MeaSoft answered with a server error \(HTTP 500\)/;
      const SLOW = /MeaSoft did not answer in time/;

      const STOP = { when_measoft_unreachable: 'stop' };
      const throttled = () => sandbox.measoft.fault('http429', { times: 1 });
      const cutOff = () => sandbox.measoft.fault('malformed', { times: 1 });

      // `reads`: the statusreq requests MeaSoft received (a refused connection never arrives): one, never retried.
      it.each([
        ['is down', 'stop (the default)', down, DOWN, {}, 'STOP-1', 0],
        ['answers with a server error', 'stop', serverError, SERVER_ERROR, STOP, 'STOP-2', 1],
        ['is slow', 'stop', slow, SLOW, STOP, 'STOP-3', 1],
        ['asks to slow down (429)', 'stop', throttled, /MeaSoft asks to slow down \(HTTP 429\)/, STOP, 'STOP-4', 1],
        [
          'answers with cut-off XML',
          'stop',
          cutOff,
          /MeaSoft answered .*(API answer|documentation)/,
          STOP,
          'STOP-5',
          1,
        ],
      ])(
        'MeaSoft %s, If MeaSoft Does Not Answer = %s: MeasoftNotConfirmed saying what happened, no Zap start; a replay once MeaSoft answers starts it',
        async (_, __, fault, what, extra, number, asked) => {
          const orderno = held(number, 'COMPLETE');
          const receiver = await confirming(extra);
          const xml = sandbox.measoft.webhookXml(orderno);
          await fault();
          const result = await outcome(receiver, receiver.url, xml);
          expect(result.error).toMatchObject({ name: 'AppError', code: 'MeasoftNotConfirmed' });
          const { message } = result.error!;
          expect(message).toMatch(new RegExp(`^${what.source}`));
          expect(message).toContain(orderno);
          expect(message).toMatch(/the Zap did not run/);
          expect(message).toMatch(/replay this run from the Zap history when MeaSoft answers/i);
          expect(reads()).toHaveLength(asked);
          expect(result.items).toEqual([]);
          expect(result.recorded).toBe(0);

          // Zapier's replay (or MeaSoft's resend) of the same delivery, MeaSoft answering again.
          await sandbox.measoft.fault('none');
          const replay = await outcome(receiver, receiver.url, xml);
          expect(replay.error).toBeUndefined();
          expect(replay.items).toEqual([expect.objectContaining({ orderno, confirmed_by_measoft: true })]);
        },
      );

      it.each([
        ['is down', down, DOWN],
        ['answers with a server error', serverError, SERVER_ERROR],
        ['is slow', slow, SLOW],
      ])(
        'MeaSoft %s, If MeaSoft Does Not Answer = run: the Zap starts with the delivered document, confirmed_by_measoft false, the note says why',
        async (name, fault, what) => {
          const orderno = `RUN-${name.replace(/\W/g, '')}`;
          const receiver = await confirming({ when_measoft_unreachable: 'run' });
          const delivered = measoftOrderXml({ orderno, status: 'COMPLETE', price: 990 });
          await fault();
          const result = await outcome(receiver, receiver.url, delivered);
          expect(result.error).toBeUndefined();
          expect(result.items).toEqual([
            expect.objectContaining({
              orderno,
              price: 990,
              status: expect.objectContaining({ code: 'COMPLETE' }),
              confirmed_by_measoft: false,
              confirmation_note: expect.stringMatching(what),
            }),
          ]);
        },
      );
    });
  });

  describe('both defences together', () => {
    it('the key is checked first (MeaSoft is not asked for a stranger), then MeaSoft confirms or refuses the status', async () => {
      const orderno = held('BOTH-1', 'PICKUP', 'DELIVERY', 'COMPLETE');
      const receiver = await hook({ url_secret: SECRET, confirm_with_measoft: 'yes', when_measoft_unreachable: 'run' });
      const real = sandbox.measoft.webhookXml(orderno);

      const stranger = await outcome(receiver, withKey(receiver.url, WRONG), real);
      expectHalted(stranger.error);
      expect(reads()).toEqual([]);

      const keyless = await outcome(receiver, receiver.url, forgeMeasoftStatus(real, { code: 'RETURNED' }));
      expectHalted(keyless.error);
      expect(reads()).toEqual([]);

      const forged = await outcome(
        receiver,
        withKey(receiver.url, SECRET),
        forgeMeasoftStatus(real, { code: 'RETURNED' }),
      );
      expect(expectHalted(forged.error).message).toContain(orderno);
      expect(reads()).toHaveLength(1);

      const genuine = await outcome(receiver, withKey(receiver.url, SECRET), real);
      expect(genuine.error).toBeUndefined();
      expect(genuine.items).toEqual([expect.objectContaining({ orderno, confirmed_by_measoft: true })]);
      expect(receiver.zapStarts).toHaveLength(1);
      for (const error of [stranger, keyless, forged].map((result) => result.error!)) {
        expect(leaks(error.message, SECRET, WRONG)).toEqual([]);
      }
    });
  });
});
