/**
 * Output shapes of the R-Lab / DeliveryCRM operations (R-Lab API document, see docs/rlab.md). Dates:
 * only in ISO 8601 with Moscow time (+03:00), the zone the service works in; the vendor's text is
 * kept only when it does not read as a time.
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
  /** result_info in English. */
  result_info_en: string;
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
  /** result_info in English. */
  result_info_en: string;
  /** True when any track went over the plain-http backup address. */
  served_by_backup: boolean;
};

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

/* The tracking API's requests and answers (R-Lab API document, see docs/rlab.md). */

export type RlabMethod = 'addtrack' | 'updatetrack' | 'deltrack' | 'gettrackinfo' | 'getuserinfo';

/** One entry of trackingData, keys in the document's order. */
export type TrackingEntry = {
  trackingUserClientPhone: string;
  trackingUserClientTrack: string;
  trackingUserClientEmail: string;
  trackingUserClientName: string;
  trackingUserClientItemCost: number;
  sendToUserEmailFullTracking: boolean;
  sendToAdminEmailFullTracking: boolean;
  trackingUserClientOrderNumber?: string;
  trackingUserClientDescription?: string;
  trackingUserClientDeliveryServiceId?: number;
  trackingUserPaymentType?: number;
  trackingUserLR3CampaignId?: number;
};

export type RlabAnswer = { resultState: number; resultInfo: string; resultData: unknown };

/** What getuserinfo.ashx returns in resultData. */
export type RlabUserInfo = {
  /** "dd.MM.yyyy", or "Бессрочный" when the tariff has no end date. */
  userExpireDate: string;
  /** Tracks left; 1 when the balance is unlimited. */
  userBalance: number;
  userExpired: boolean;
  userBalanceUnlimited: boolean;
  userDateUnlimited: boolean;
};

/** An answer and the address it came from: the backup is plain http, so buyer data travelled unencrypted. */
export type RlabReply = RlabAnswer & { servedByBackup: boolean };

/** A write: R-Lab's answer for what was sent (null when nothing was left to send) and what it already held. */
export type WriteResult = {
  reply: RlabReply | null;
  /** Sent in this call (to the address that answered). */
  sent: TrackingEntry[];
  /** Already in the wanted state when checked on the backup after the main address gave no answer. */
  alreadyApplied: TrackingEntry[];
};

export type WriteMethod = Exclude<RlabMethod, 'gettrackinfo' | 'getuserinfo'>;

/** A track as gettrackinfo returns it. */
export type StoredTrack = Record<string, unknown>;

/** The R-Lab pair of the connection (connection.ts). */
export interface RlabCredentials {
  userId: string;
  apiKey: string;
}
