/**
 * R-Lab's tracking API (R-Lab's API document): addtrack, updatetrack, deltrack, gettrackinfo and
 * getuserinfo (.ashx), JSON posted as text/plain. The key is recomputed from what was received:
 * md5(userId:all tracks without separators:apiKey), or md5(userId:apiKey) for getuserinfo.
 * The primary and the backup host are two emulators over one RlabState, like the vendor's two
 * addresses over one database.
 */
import { createHash } from 'node:crypto';
import { RlabState, STATUS_TEXTS, type MainStatus, type RlabTrack, type RlabUser } from './rlab-state';
import { Emulator, json, type ReceivedRequest, type Reply } from './server';

export const RLAB_TEXTS = {
  badKey: 'Некорректный ключ запроса в trackingRequestKey',
  badFormat: 'Некорректный формат запроса',
  noData: 'Нет данных для обработки в trackingData',
  tooMany: 'Превышено максимальное количество треков в одном запросе (100)',
  added: 'Данные успешно добавлены в базу',
  addedPartly: (errors: number) => `Часть данных добавлены в базу, ошибок ${errors}`,
  addedNone: (errors: number) => `Данные не добавлены в базу, ошибок ${errors}`,
  checked: 'Проверка запроса выполнена, данные не сохранены (testMode)',
  updated: 'Данные успешно добавлены в очередь на обновление',
  updatedPartly: (errors: number) => `Часть данных обновлена в базе, ошибок ${errors}`,
  updatedNone: (errors: number) => `Данные не обновлены, ошибок ${errors}`,
  deleted: 'Треки успешно удалены из базы',
  deletedPartly: (errors: number) => `Часть треков удалены, ошибок ${errors}`,
  deletedNone: (errors: number) => `Треки не удалены, ошибок ${errors}`,
  done: 'Запрос выполнен',
} as const;

export const MAX_TRACKS_PER_REQUEST = 100;

type Entry = Record<string, unknown>;

interface ParsedRequest {
  user: RlabUser;
  testMode: boolean;
  entries: Entry[];
  /** Refuse the entries at odd positions (the `partial` fault). */
  partial: boolean;
}

/** True when the `partial` fault refuses this entry. */
const refusedByFault = (parsed: ParsedRequest, index: number): boolean => parsed.partial && index % 2 === 1;

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const result = (resultState: 0 | 1 | 2, resultInfo: string, resultData: unknown = null): Reply =>
  json({ resultState, resultInfo, resultData });

/** "dd.MM.yyyy HH:mm:ss" in Moscow time (UTC+3 all year), the way R-Lab writes dates. */
export function moscowDate(date: Date | null | undefined): string | null {
  if (!date) return null;
  const msk = new Date(date.getTime() + 3 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(msk.getUTCDate())}.${two(msk.getUTCMonth() + 1)}.${msk.getUTCFullYear()} ` +
    `${two(msk.getUTCHours())}:${two(msk.getUTCMinutes())}:${two(msk.getUTCSeconds())}`
  );
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const trackOf = (entry: Entry): string => text(entry.trackingUserClientTrack).trim();
const numberOf = (value: unknown): number => {
  const number = typeof value === 'number' ? value : Number(text(value).replace(',', '.'));
  return Number.isFinite(number) ? number : 0;
};

/** Why R-Lab refuses one entry of an add/update, or null when it is fine. */
function entryError(entry: Entry, forUpdate: boolean): string | null {
  if (trackOf(entry) === '') return 'empty trackingUserClientTrack';
  const phone = text(entry.trackingUserClientPhone);
  if (!(forUpdate && phone === '') && !/^\d{11,15}$/.test(phone)) return 'bad trackingUserClientPhone';
  if (text(entry.trackingUserClientOrderNumber).length > 40) return 'trackingUserClientOrderNumber over 40';
  if (text(entry.trackingUserClientDescription).length > 200) return 'trackingUserClientDescription over 200';
  return null;
}

export class RlabEmulator extends Emulator {
  constructor(
    readonly state: RlabState,
    name = 'R-Lab',
  ) {
    super({
      name,
      handler: (request, fault) => this.handle(request, fault === 'partial'),
      vendorFaults: ['partial'],
      malformed: {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: '{"resultState":0,"resultInfo":"Данные усп',
      },
    });
  }

  /** `partial`: every second track of an add, update or delete is refused, the others really applied. */
  private handle(request: ReceivedRequest, partial: boolean): Reply {
    const method = request.path.replace(/^\/+/, '').toLowerCase();
    const known = ['addtrack.ashx', 'updatetrack.ashx', 'deltrack.ashx', 'gettrackinfo.ashx', 'getuserinfo.ashx'];
    if (!known.includes(method))
      return {
        status: 404,
        headers: { 'Content-Type': 'text/html' },
        body: '<h2>404 - File or directory not found.</h2>',
      };
    if (request.method !== 'POST') return result(2, RLAB_TEXTS.badFormat);

    let body: Entry;
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return result(2, RLAB_TEXTS.badFormat);
      body = parsed as Entry;
    } catch {
      return result(2, RLAB_TEXTS.badFormat);
    }
    const userId = text(body.trackingUserId);
    const user = this.state.user(userId);
    const key = text(body.trackingRequestKey).toLowerCase();

    if (method === 'getuserinfo.ashx') {
      if (!user || key !== md5(`${userId}:${user.apiKey}`)) return result(2, RLAB_TEXTS.badKey);
      return result(0, RLAB_TEXTS.done, {
        userExpireDate: user.expireDate,
        userBalance: user.balance,
        userExpired: false,
        userBalanceUnlimited: false,
        userDateUnlimited: user.expireDate === 'Бессрочный',
      });
    }

    const entries = Array.isArray(body.trackingData) ? (body.trackingData as unknown[]) : null;
    if (!entries || entries.some((entry) => !entry || typeof entry !== 'object')) return result(2, RLAB_TEXTS.noData);
    const tracks = (entries as Entry[]).map(trackOf);
    if (!user || key !== md5(`${userId}:${tracks.join('')}:${user.apiKey}`)) return result(2, RLAB_TEXTS.badKey);
    if (entries.length === 0) return result(2, RLAB_TEXTS.noData);
    if (entries.length > MAX_TRACKS_PER_REQUEST) return result(2, RLAB_TEXTS.tooMany);
    const parsed: ParsedRequest = { user, testMode: body.testMode === true, entries: entries as Entry[], partial };

    switch (method) {
      case 'addtrack.ashx':
        return this.add(parsed);
      case 'updatetrack.ashx':
        return this.update(parsed);
      case 'deltrack.ashx':
        return this.remove(parsed);
      default:
        return this.info(parsed);
    }
  }

  private add(parsed: ParsedRequest): Reply {
    const { user, testMode, entries } = parsed;
    let errors = 0;
    for (const [index, entry] of entries.entries()) {
      if (entryError(entry, false) || refusedByFault(parsed, index)) {
        errors += 1;
        continue;
      }
      if (testMode) continue;
      this.state.addTrack(user, {
        track: trackOf(entry),
        phone: text(entry.trackingUserClientPhone),
        email: text(entry.trackingUserClientEmail),
        name: text(entry.trackingUserClientName),
        itemCost: numberOf(entry.trackingUserClientItemCost),
        orderNumber: text(entry.trackingUserClientOrderNumber),
        description: text(entry.trackingUserClientDescription),
        deliveryServiceId: numberOf(entry.trackingUserClientDeliveryServiceId),
        paymentType: numberOf(entry.trackingUserPaymentType),
        campaignId: numberOf(entry.trackingUserLR3CampaignId),
        sendToUserEmailFullTracking: entry.sendToUserEmailFullTracking === true,
        sendToAdminEmailFullTracking: entry.sendToAdminEmailFullTracking === true,
      });
    }
    return outcome(
      errors,
      entries.length,
      testMode ? RLAB_TEXTS.checked : RLAB_TEXTS.added,
      RLAB_TEXTS.addedPartly,
      RLAB_TEXTS.addedNone,
    );
  }

  /** Per the document, an empty value (0 for the cost) leaves the stored value unchanged. */
  private update(parsed: ParsedRequest): Reply {
    const { user, testMode, entries } = parsed;
    let errors = 0;
    for (const [index, entry] of entries.entries()) {
      const stored = user.tracks.get(trackOf(entry));
      if (entryError(entry, true) || !stored || refusedByFault(parsed, index)) {
        errors += 1;
        continue;
      }
      if (testMode) continue;
      const keep = (value: unknown, current: string) => (text(value) === '' ? current : text(value));
      stored.phone = keep(entry.trackingUserClientPhone, stored.phone);
      stored.email = keep(entry.trackingUserClientEmail, stored.email);
      stored.name = keep(entry.trackingUserClientName, stored.name);
      stored.orderNumber = keep(entry.trackingUserClientOrderNumber, stored.orderNumber);
      stored.description = keep(entry.trackingUserClientDescription, stored.description);
      const cost = numberOf(entry.trackingUserClientItemCost);
      if (cost !== 0) stored.itemCost = cost;
      if (typeof entry.sendToUserEmailFullTracking === 'boolean')
        stored.sendToUserEmailFullTracking = entry.sendToUserEmailFullTracking;
      if (typeof entry.sendToAdminEmailFullTracking === 'boolean')
        stored.sendToAdminEmailFullTracking = entry.sendToAdminEmailFullTracking;
      stored.updatedAt = this.state.now();
    }
    return outcome(
      errors,
      entries.length,
      testMode ? RLAB_TEXTS.checked : RLAB_TEXTS.updated,
      RLAB_TEXTS.updatedPartly,
      RLAB_TEXTS.updatedNone,
    );
  }

  private remove(parsed: ParsedRequest): Reply {
    const { user, testMode, entries } = parsed;
    let errors = 0;
    for (const [index, entry] of entries.entries()) {
      const track = trackOf(entry);
      if (!user.tracks.has(track) || refusedByFault(parsed, index)) {
        errors += 1;
        continue;
      }
      if (!testMode) user.tracks.delete(track);
    }
    return outcome(
      errors,
      entries.length,
      testMode ? RLAB_TEXTS.checked : RLAB_TEXTS.deleted,
      RLAB_TEXTS.deletedPartly,
      RLAB_TEXTS.deletedNone,
    );
  }

  /** Known tracks in the document's resultData shape; unknown tracks are simply absent. */
  private info({ user, entries }: ParsedRequest): Reply {
    const data = entries.map(trackOf).flatMap((track) => {
      const stored = user.tracks.get(track);
      return stored ? [trackInfo(stored)] : [];
    });
    return result(0, RLAB_TEXTS.done, data);
  }
}

function outcome(
  errors: number,
  total: number,
  ok: string,
  partly: (n: number) => string,
  none: (n: number) => string,
): Reply {
  if (errors === 0) return result(0, ok);
  if (errors < total) return result(1, partly(errors));
  return result(2, none(errors));
}

/** One track as gettrackinfo.ashx returns it (field list of the R-Lab document). */
export function trackInfo(track: RlabTrack): Record<string, unknown> {
  const latest = track.events[track.events.length - 1];
  const mainStatus: MainStatus = latest?.mainStatus ?? 0;
  const accepted = track.events.find((event) => event.mainStatus === 4);
  return {
    trackNumber: track.track,
    trackInfo: latest ? latest.info : STATUS_TEXTS[0].info,
    trackMainStatus: mainStatus,
    trackCreateDate: moscowDate(track.createdAt),
    trackUpdateDate: moscowDate(track.updatedAt),
    trackEventDate: moscowDate(latest?.at),
    trackRecepDate: moscowDate(accepted?.at),
    trackExtraData: null,
    trackAdditionalStatus: 0,
    trackingUserClientPhone: track.phone,
    trackingUserClientEmail: track.email,
    trackingUserClientName: track.name,
    trackingUserClientItemCost: track.itemCost,
    trackingUserClientOrderNumber: track.orderNumber,
    trackingWaitIndex: 0,
    trackingDestinationIndex: 0,
    trackingCurrentIndex: 0,
    trackingWaitAddress: null,
    trackingHistory: null,
    trackingMailType: 0,
    trackingUserFullClientName: null,
    trackingWaitDate: null,
  };
}
