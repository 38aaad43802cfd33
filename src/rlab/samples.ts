/**
 * Output shapes of the R-Lab / DeliveryCRM operations and their samples, built from the examples
 * of the vendor document (the R-Lab API document). Dates: the vendor's text as sent, plus ISO 8601 with
 * Moscow time (+03:00), the zone the service works in.
 */

/** One track of an Add / Update / Delete run, as sent and as R-Lab answered its request. */
export type TrackOutcome = {
  track: string;
  /** As sent: federal format; "79000000000" on add without a phone; "" on update means "unchanged". Not on a delete. */
  phone?: string;
  email?: string;
  name?: string;
  item_cost?: number;
  order_number?: string;
  description?: string;
  delivery_service_id: number | null;
  delivery_service_name: string | null;
  /** One of the payment-type choices, or null when none was sent. Not on a delete. */
  payment_type?: number | null;
  payment_type_name?: string | null;
  campaign_id?: number | null;
  /** 1-based number of the request (100 tracks each) that carried the track. */
  batch: number;
  result_state: number;
  result_info: string;
  /** True when R-Lab's plain-http backup address answered for this track: its data travelled unencrypted. */
  served_by_backup: boolean;
};

/**
 * What a create returns: with one track, that track's fields at the top; always `tracks` (every
 * track, Zapier line items) and the counts, so a Zap maps the same keys whatever the run size.
 */
export type TracksResult = Partial<TrackOutcome> & {
  tracks: TrackOutcome[];
  track_count: number;
  batch_count: number;
  /** Not on a delete, which has no test mode. */
  test_mode?: boolean;
  result_state: number;
  result_info: string;
  /** True when any track went over the plain-http backup address. */
  served_by_backup: boolean;
};

const addedTrack: TrackOutcome = {
  track: '19527937484546',
  phone: '79160000000',
  email: 'support@r-lab.biz',
  name: 'Дмитрий',
  item_cost: 123.45,
  order_number: '4321',
  description: '',
  delivery_service_id: 0,
  delivery_service_name: 'Russian Post (Почта России)',
  payment_type: 1,
  payment_type_name: 'Cash on Delivery (Наложенный платеж)',
  campaign_id: 0,
  batch: 1,
  result_state: 0,
  result_info: 'Данные успешно добавлены в базу',
  served_by_backup: false,
};

const single = (track: TrackOutcome, testMode: boolean | null = false): TracksResult => ({
  ...track,
  tracks: [track],
  track_count: 1,
  batch_count: 1,
  ...(testMode === null ? {} : { test_mode: testMode }),
  result_state: track.result_state,
  result_info: track.result_info,
  served_by_backup: track.served_by_backup,
});

export const addTrackSample = single(addedTrack);

export const updateTrackSample = single({
  ...addedTrack,
  phone: '',
  email: '',
  name: 'Николай',
  item_cost: 0,
  order_number: '',
  delivery_service_id: null,
  delivery_service_name: null,
  payment_type: null,
  payment_type_name: null,
  campaign_id: null,
  result_info: 'Данные успешно добавлены в очередь на обновление',
});

export const deleteTrackSample = single({
  track: addedTrack.track,
  delivery_service_id: addedTrack.delivery_service_id,
  delivery_service_name: addedTrack.delivery_service_name,
  batch: 1,
  result_state: 0,
  result_info: 'Треки успешно удалены из базы',
  served_by_backup: false,
}, null);

/** A track as gettrackinfo.ashx describes it, with labels and ISO dates added. */
export type TrackInfo = {
  trackNumber: string;
  trackInfo: string | null;
  trackMainStatus: number | null;
  trackMainStatusLabel: string | null;
  trackAdditionalStatus: number | null;
  /** The vendor's text, only when it does not read as a time. */
  trackCreateDate?: string;
  trackCreateDateIso: string | null;
  /** The vendor's text, only when it does not read as a time. */
  trackUpdateDate?: string;
  trackUpdateDateIso: string | null;
  /** The vendor's text, only when it does not read as a time. */
  trackEventDate?: string;
  trackEventDateIso: string | null;
  /** The vendor's text, only when it does not read as a time. */
  trackRecepDate?: string;
  trackRecepDateIso: string | null;
  /** The vendor's text, only when it does not read as a time. */
  trackingWaitDate?: string;
  trackingWaitDateIso: string | null;
  trackingUserClientPhone: string | null;
  trackingUserClientEmail: string | null;
  trackingUserClientName: string | null;
  trackingUserFullClientName: string | null;
  trackingUserClientItemCost: number | null;
  trackingUserClientOrderNumber: string | null;
  trackingWaitIndex: number | null;
  trackingDestinationIndex: number | null;
  trackingCurrentIndex: number | null;
  trackingWaitAddress: string | null;
  trackingMailType: number | null;
  /** Passed on as R-Lab sends them; the document shows only null. */
  trackExtraData: unknown;
  trackingHistory: unknown;
  delivery_service_id: number;
  delivery_service_name: string;
  /** True when R-Lab's plain-http backup address answered: the buyer data travelled unencrypted. */
  served_by_backup: boolean;
};

export const trackInfoSample: TrackInfo = {
  trackNumber: '19191911187312',
  trackInfo: 'Приём отправления почтовым отделением',
  trackMainStatus: 9,
  trackMainStatusLabel: 'Overdue (no delivery or end of storage for 35 days, or no updates for 60 days)',
  trackAdditionalStatus: 0,
  trackCreateDateIso: '2018-06-08T14:22:55+03:00',
  trackUpdateDateIso: '2018-07-19T03:33:53+03:00',
  trackEventDateIso: '2018-06-08T18:45:57+03:00',
  trackRecepDateIso: '2018-06-08T18:45:57+03:00',
  trackingWaitDateIso: null,
  trackingUserClientPhone: '79000000000',
  trackingUserClientEmail: 'mikspark@yandex.ru',
  trackingUserClientName: '',
  trackingUserFullClientName: null,
  trackingUserClientItemCost: 0,
  trackingUserClientOrderNumber: '',
  trackingWaitIndex: 0,
  trackingDestinationIndex: 0,
  trackingCurrentIndex: 0,
  trackingWaitAddress: null,
  trackingMailType: 0,
  trackExtraData: null,
  trackingHistory: null,
  delivery_service_id: 0,
  delivery_service_name: 'Russian Post (Почта России)',
  served_by_backup: false,
};

/** One order of the buyer's history (GetWhiteBlackHistoryInfo). */
export type BlacklistEvent = {
  /** The vendor's text, only when it does not read as a time. */
  bwEventDate?: string;
  bwEventDateIso: string | null;
  bwType: number | null;
  bwTypeLabel: string | null;
  bwShopCategoryId: number | null;
  bwShopCategoryLabel: string | null;
  bwShopOrderCost: number | null;
};

/** A blacklist record (/v1/black/check), with the history when asked for. */
export type BlacklistRecord = {
  blackPhone: string;
  blackEmail: string;
  blackKarma: number;
  blackComment: string;
  /** null when the answer lacks the count (never a made-up 0). */
  blackCancelCount: number | null;
  blackExpiredCount: number | null;
  blackDoneCount: number | null;
  /** Only with the history: the total of the buyer's orders. */
  blackTotalShopOrderCost: number | null;
  history_included: boolean;
  history: BlacklistEvent[];
};

export const blacklistSample: BlacklistRecord = {
  blackPhone: '79000000000',
  blackEmail: '',
  blackKarma: 9,
  blackComment: 'возвратов 9, неизвестно 0, вручено 60',
  blackCancelCount: 9,
  blackExpiredCount: 0,
  blackDoneCount: 60,
  blackTotalShopOrderCost: 95520,
  history_included: true,
  history: [
    {
      bwEventDateIso: '2017-09-09T07:49:59+03:00',
      bwType: 2,
      bwTypeLabel: 'Returned',
      bwShopCategoryId: 9,
      bwShopCategoryLabel: 'Clothes, Shoes and Accessories',
      bwShopOrderCost: 1452,
    },
  ],
};

export type StatusEvent = { date?: string; date_iso: string | null; status: string | null; status_id: number | null };
export type Notification = {
  /** The e-mail subject; null for other channels. */
  theme: string | null;
  message: string | null;
  segments: number | null;
  internal_status: number | null;
  /** sent_at, or call_at for calls. */
  sent_at?: string;
  sent_at_iso: string | null;
  price: number | null;
};

/** A track's notifications (/v1/track/history). */
export type NotificationHistory = {
  track: string;
  service_id: number;
  service_name: string;
  price: number | null;
  total_price: number | null;
  created_at?: string;
  created_at_iso: string | null;
  result: number | null;
  result_label: string | null;
  status_history: StatusEvent[];
  sms: Notification[];
  viber: Notification[];
  call: Notification[];
  email: Notification[];
};

const notice = (message: string, extra: Partial<Notification>): Notification => ({
  theme: null,
  message,
  segments: null,
  internal_status: null,
  sent_at_iso: '2016-05-20T10:00:00+03:00',
  price: 0,
  ...extra,
});

const READY = 'Посылка 504655 из TopDelivery готова!';

export const notificationHistorySample: NotificationHistory = {
  track: '504655',
  service_id: 1,
  service_name: 'TopDelivery',
  price: 0,
  total_price: null,
  created_at_iso: '2016-05-18T16:10:02+03:00',
  result: 1,
  result_label: 'Finished: Delivered',
  status_history: [{ date_iso: '2016-05-18T11:38:00+03:00', status: 'Доставлен', status_id: 4501 }],
  sms: [notice(READY, { segments: 0, internal_status: 0 })],
  viber: [notice(READY, { internal_status: 999 })],
  call: [notice(READY, { internal_status: -1 })],
  email: [notice(READY, { theme: READY })],
};
