/**
 * DeliveryCRM's API (R-Lab / DeliveryCRM API document): GET /v1/black/check (request_key =
 * sha1(user_id:key:phone:email)) and GET /v1/track/history (request_key =
 * sha1(user_id + tracks concatenated + key), tracks as PHP query arrays). It shares R-Lab's state:
 * the notification history of a track is the one R-Lab's tracking hosts recorded for it.
 *
 * The document does not say how a wrong key is refused. The emulator answers the way the
 * framework behind these /v1 URLs answers an authorisation failure: HTTP 403 with
 * {"name":"Forbidden","message":...,"code":0,"status":403}.
 */
import { createHash } from 'node:crypto';
import {
  BLACKLIST_RECORDS,
  blacklistJson,
  findRecords,
  karmaAnswer,
  summarize,
  type BlacklistRecord,
} from './blacklist-data';
import { parsePhpQuery, utf8, type PhpArray } from './php';
import { RlabState, type RlabTrack } from './rlab-state';
import { Emulator, json, type NonRecordShape, type ReceivedRequest, type Reply, type VendorFault } from './server';

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

export const FORBIDDEN_MESSAGE = 'Неверный ключ запроса (request_key)';

/** R-Lab's carrier ids (tracking API) → the history API's service_id (Russian Post is 14 here). */
export const HISTORY_SERVICE_ID: Readonly<Record<number, number>> = {
  0: 14,
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  6: 6,
  7: 7,
  8: 8,
  9: 9,
  10: 10,
  11: 11,
  12: 12,
  13: 13,
  15: 15,
};

const forbidden = (): Reply => json({ name: 'Forbidden', message: FORBIDDEN_MESSAGE, code: 0, status: 403 }, 403);

/** "YYYY-MM-DD HH:mm:ss", Moscow time, as the history API writes dates. */
function moscowSql(date: Date): string {
  return new Date(date.getTime() + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** PHP's json_encode of an int-keyed array: a list when the keys are 0..n-1, an object otherwise. */
function phpList(entries: Map<number, string>): unknown {
  const keys = [...entries.keys()];
  return keys.every((key, index) => key === index) ? [...entries.values()] : Object.fromEntries(entries);
}

export class DeliveryCrmEmulator extends Emulator {
  constructor(
    readonly state: RlabState,
    readonly records: readonly BlacklistRecord[] = BLACKLIST_RECORDS,
  ) {
    super({
      name: 'DeliveryCRM',
      handler: (request, fault, options) => this.handle(request, fault, options.shape ?? 'null'),
      vendorFaults: ['vendorerror', 'nonrecord'],
      malformed: {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=UTF-8' },
        body: '[{"blackPhone":"7916',
      },
    });
  }

  private handle(request: ReceivedRequest, fault: VendorFault, shape: NonRecordShape): Reply {
    if (request.method !== 'GET')
      return json(
        {
          name: 'Method Not Allowed',
          message: 'Method Not Allowed. This URL can only handle the following request methods: GET.',
          code: 0,
          status: 405,
        },
        405,
      );
    const query = parsePhpQuery(request.rawQuery);
    const field = (name: string): string => {
      const value = query.get(name);
      return typeof value === 'string' ? utf8(value) : '';
    };
    const userId = field('user_id');
    const user = this.state.user(userId);
    const key = field('request_key').toLowerCase();
    if (request.path === '/v1/black/check') {
      const phone = field('phone');
      const email = field('email');
      if (!user || key !== sha1(`${userId}:${user.apiKey}:${phone}:${email}`)) return forbidden();
      return this.check(phone, email, fault, shape);
    }
    if (request.path === '/v1/track/history') {
      const tracks = query.get('tracks');
      const list = tracks instanceof Map ? [...tracks.entries()] : [];
      const numbers = list.map(([, entry]) =>
        entry instanceof Map && typeof entry.get('track') === 'string' ? utf8(entry.get('track') as string) : '',
      );
      if (!user || key !== sha1(`${userId}${numbers.join('')}${user.apiKey}`)) return forbidden();
      return this.history(user.tracks, list);
    }
    return json({ name: 'Not Found', message: 'Страница не найдена.', code: 0, status: 404 }, 404);
  }

  private check(phone: string, email: string, fault: VendorFault, shape: NonRecordShape): Reply {
    const body = (value: unknown) => ({
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: blacklistJson(value),
    });
    if (fault === 'vendorerror') return body([{ ...karmaAnswer(phone, email, -3), history: null }]);
    if (fault === 'nonrecord') return body(nonRecord(shape, this.records, phone, email));
    if (phone.trim() === '' && email.trim() === '') return body([{ ...karmaAnswer(null, null, -2), history: null }]);
    const found = findRecords(this.records, phone, email);
    if (found.length === 0) return body([{ ...karmaAnswer(phone, email, -1), history: null }]);
    return body(found.map((record) => ({ ...summarize(record), history: null })));
  }

  private history(tracks: Map<string, RlabTrack>, list: Array<[string, PhpArray | string]>): Reply {
    const errors = new Map<number, string>();
    const data: unknown[] = [];
    if (list.length === 0) {
      return json({ errors: { tracks: ['Tracks cannot be blank.'] }, success: false, data: [] }, 422);
    }
    list.forEach(([, entry], index) => {
      const fields = entry instanceof Map ? entry : new Map<string, PhpArray | string>();
      const number = typeof fields.get('track') === 'string' ? utf8(fields.get('track') as string).trim() : '';
      if (number === '') {
        errors.set(index, `Track at index "${index}" field "track" is required.`);
        return;
      }
      const serviceText =
        typeof fields.get('service_id') === 'string' ? utf8(fields.get('service_id') as string) : '14';
      const serviceId = Number(serviceText);
      const stored = tracks.get(number);
      if (!stored || HISTORY_SERVICE_ID[stored.deliveryServiceId] !== serviceId) {
        errors.set(index, `Track at index "${index}" not found.`);
        return;
      }
      data.push(historyItem(stored));
    });
    return json({ errors: errors.size === 0 ? [] : { tracks: phpList(errors) }, success: true, data });
  }
}

/**
 * What a failing blacklist may send with HTTP 200 instead of its records (the `nonrecord` fault):
 * null, an error object, the framework's error envelope, or the buyer's record without blackKarma.
 */
function nonRecord(shape: NonRecordShape, records: readonly BlacklistRecord[], phone: string, email: string): unknown {
  switch (shape) {
    case 'error':
      return { error: 'Service temporarily unavailable' };
    case 'internal':
      return { name: 'Internal Server Error', message: 'An internal server error occurred.', code: 0, status: 500 };
    case 'nokarma': {
      const [record] = findRecords(records, phone, email);
      const { blackKarma: _karma, ...rest } = record ? summarize(record) : karmaAnswer(phone, email, -1);
      return [{ ...rest, history: null }];
    }
    default:
      return null;
  }
}

/** The history API's result: 1 finished success, 2 in process, 4 finished unknown, 5 unsuccessful. */
function resultOf(track: RlabTrack): 1 | 2 | 4 | 5 {
  const latest = RlabState.latest(track)?.mainStatus ?? 0;
  if (latest === 1) return 1;
  if (latest === 3) return 5;
  if (latest === 9) return 4;
  return 2;
}

export function historyItem(track: RlabTrack): Record<string, unknown> {
  const of = (channel: string) => track.notifications.filter((item) => item.channel === channel);
  const price = Math.round(track.notifications.reduce((sum, item) => sum + item.price, 0) * 100) / 100;
  return {
    track: track.track,
    price,
    total_price: track.notifications.length > 0 ? price : null,
    created_at: moscowSql(track.createdAt),
    result: resultOf(track),
    status_history: track.events.map((event) => ({
      date: moscowSql(event.at),
      status: event.info,
      status_id: event.statusId,
    })),
    sms: of('sms').map((item) => ({
      message: item.message,
      segments: Math.ceil(item.message.length / 67),
      internal_status: item.internalStatus,
      sent_at: moscowSql(item.at),
      price: item.price,
    })),
    viber: of('viber').map((item) => ({
      message: item.message,
      internal_status: item.internalStatus,
      sent_at: moscowSql(item.at),
      price: item.price,
    })),
    call: of('call').map((item) => ({
      message: item.message,
      internal_status: item.internalStatus,
      call_at: moscowSql(item.at),
      price: item.price,
    })),
    email: of('email').map((item) => ({
      theme: item.message,
      message: item.message,
      sent_at: moscowSql(item.at),
      price: item.price,
    })),
  };
}

/** black.r-lab.biz: GetWhiteBlackHistoryInfo?blackPhone=&blackEmail= (no key in the document). */
export class BlacklistHistoryEmulator extends Emulator {
  constructor(readonly records: readonly BlacklistRecord[] = BLACKLIST_RECORDS) {
    super({
      name: 'Blacklist history',
      handler: (request) => this.handle(request),
      malformed: {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: '<!DOCTYPE html><html><body>Service Unavailable',
      },
    });
  }

  private handle(request: ReceivedRequest): Reply {
    if (request.path.toLowerCase() !== '/api/blacklist/getwhiteblackhistoryinfo') {
      return json({ Message: `No HTTP resource was found that matches the request URI '${request.path}'.` }, 404);
    }
    const phone = request.query.blackPhone ?? '';
    const email = request.query.blackEmail ?? '';
    const body = (value: unknown) => ({
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: blacklistJson(value),
    });
    if (phone.trim() === '' && email.trim() === '')
      return body([{ ...karmaAnswer(null, null, -2), blackTotalShopOrderCost: 0, history: null }]);
    const found = findRecords(this.records, phone, email);
    if (found.length === 0)
      return body([{ ...karmaAnswer(phone, email, -1), blackTotalShopOrderCost: 0, history: [] }]);
    return body(
      found.map((record) => ({
        ...summarize(record),
        blackTotalShopOrderCost: record.history.reduce((sum, event) => sum + event.bwShopOrderCost, 0),
        history: record.history,
      })),
    );
  }
}
