/**
 * The buyers the sandbox's blacklist knows, shared by DeliveryCRM's /v1/black/check and the
 * GetWhiteBlackHistoryInfo host (docs/rlab.md). Counts are derived from each buyer's history
 * the way the document's examples read: karma = refused + unknown ("возвратов 1, неизвестно 5"
 * gives karma 6), so a high karma means a buyer who often leaves cash-on-delivery parcels unpaid.
 */

/** bwType: 1 delivered, 2 returned (refused), 3 overdue (fate unknown). */
export type BwType = 1 | 2 | 3;

export interface HistoryEvent {
  /** "2015-08-21T03:14:20", as the document shows it. */
  bwEventDate: string;
  bwType: BwType;
  bwShopCategoryId: number;
  bwShopOrderCost: number;
}

export interface BlacklistRecord {
  phone: string;
  email: string;
  history: HistoryEvent[];
}

/**
 * A deterministic history: `refused` returns, `unknown` overdue parcels and `delivered` deliveries,
 * spread over the years and shop categories like a real buyer's.
 */
export function makeHistory(refused: number, unknown: number, delivered: number, seed = 1): HistoryEvent[] {
  const types: BwType[] = [
    ...Array<BwType>(refused).fill(2),
    ...Array<BwType>(unknown).fill(3),
    ...Array<BwType>(delivered).fill(1),
  ];
  const categories = [9, 19, 23, 15, 3, 21, 13, 4];
  return types.map((bwType, index) => {
    const n = index * 7 + seed * 13;
    const date = new Date(Date.UTC(2015 + (n % 9), n % 12, 1 + (n % 27), (n * 5) % 24, (n * 11) % 60, (n * 17) % 60));
    return {
      bwEventDate: date.toISOString().slice(0, 19),
      bwType,
      bwShopCategoryId: categories[n % categories.length]!,
      bwShopOrderCost: bwType === 3 ? 0 : 490 + ((n * 353) % 9000),
    };
  });
}

export const BLACKLIST_RECORDS: readonly BlacklistRecord[] = [
  // A buyer who refused 9 cash-on-delivery parcels: karma 9 (the document's first example).
  { phone: '79160000013', email: '', history: makeHistory(9, 0, 60, 1) },
  // A reliable buyer: karma 0, twelve parcels collected.
  { phone: '79261234567', email: 'good.buyer@example.ru', history: makeHistory(0, 0, 12, 2) },
  // The document's history example: one return, five unknown, karma 6.
  { phone: '', email: 'refuser@example.ru', history: makeHistory(1, 5, 0, 3) },
  // The document's e-mail example: sixty deliveries, karma 0.
  { phone: '', email: 'test2@test.ru', history: makeHistory(0, 0, 60, 4) },
];

export interface BlacklistSummary {
  blackPhone: string | null;
  blackEmail: string | null;
  blackKarma: number;
  blackComment: string;
  blackCancelCount: number;
  blackExpiredCount: number;
  blackDoneCount: number;
}

export function summarize(record: BlacklistRecord): BlacklistSummary {
  const count = (type: BwType) => record.history.filter((event) => event.bwType === type).length;
  const cancel = count(2);
  const expired = count(3);
  const done = count(1);
  return {
    blackPhone: record.phone,
    blackEmail: record.email,
    blackKarma: cancel + expired,
    blackComment: `возвратов ${cancel}, неизвестно ${expired}, вручено ${done}`,
    blackCancelCount: cancel,
    blackExpiredCount: expired,
    blackDoneCount: done,
  };
}

/** An answer with only an error code in blackKarma (-1 nothing found, -2 no input, -3 server error). */
export function karmaAnswer(phone: string | null, email: string | null, karma: -1 | -2 | -3): BlacklistSummary {
  const comments = {
    [-1]: 'Ничего не найдено',
    [-2]: 'Ошибка: Введите телефон или e-mail',
    [-3]: 'Произошла ошибка на сервере, повторите запрос позже',
  };
  return {
    blackPhone: phone,
    blackEmail: email,
    blackKarma: karma,
    blackComment: comments[karma],
    blackCancelCount: 0,
    blackExpiredCount: 0,
    blackDoneCount: 0,
  };
}

const digits = (phone: string): string => phone.replace(/\D/g, '');

/** Records matching the phone or the e-mail, each once (the document: duplicates are removed). */
export function findRecords(records: readonly BlacklistRecord[], phone: string, email: string): BlacklistRecord[] {
  const wantedPhone = digits(phone);
  const wantedEmail = email.trim().toLowerCase();
  return records.filter(
    (record) =>
      (wantedPhone !== '' && digits(record.phone) === wantedPhone) ||
      (wantedEmail !== '' && record.email.toLowerCase() === wantedEmail),
  );
}

/** JSON with karma written as a decimal ("9.0"), the way the vendor's serializer writes it. */
export function blacklistJson(value: unknown): string {
  return JSON.stringify(value).replace(/"blackKarma":(-?\d+)(?=[,}])/g, '"blackKarma":$1.0');
}
