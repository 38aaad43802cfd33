/**
 * What R-Lab / DeliveryCRM knows, shared by the primary and backup tracking hosts and the
 * notification-history API (one company, one account: docs/rlab.md): users with their
 * API key and balance, each user's tracks, each track's status history and the notifications the
 * buyer was sent. Track statuses move only when a test or the demo moves them (`setStatus`), like a
 * carrier scanning the parcel.
 */

export interface RlabUser {
  userId: string;
  apiKey: string;
  balance: number;
  expireDate: string;
  tracks: Map<string, RlabTrack>;
}

/** trackMainStatus, per the R-Lab document's 0–9 table. */
export type MainStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface StatusEvent {
  at: Date;
  mainStatus: MainStatus;
  info: string;
  /** The carrier's own status code, as the history API reports it. */
  statusId: number;
}

export interface Notification {
  channel: 'sms' | 'viber' | 'call' | 'email';
  at: Date;
  message: string;
  price: number;
  internalStatus: number;
}

export interface RlabTrack {
  track: string;
  phone: string;
  email: string;
  name: string;
  itemCost: number;
  orderNumber: string;
  description: string;
  /** trackingUserClientDeliveryServiceId (R-Lab's numbering: 0 = Russian Post). */
  deliveryServiceId: number;
  paymentType: number;
  campaignId: number;
  sendToUserEmailFullTracking: boolean;
  sendToAdminEmailFullTracking: boolean;
  createdAt: Date;
  updatedAt: Date | null;
  events: StatusEvent[];
  notifications: Notification[];
  /** How many addtrack requests carried this track (a duplicate add shows here). */
  timesAdded: number;
}

/** What a shop sends R-Lab about a track (the rest R-Lab keeps itself). */
export type ClientData = Omit<RlabTrack, 'createdAt' | 'updatedAt' | 'events' | 'notifications' | 'timesAdded'>;

/** Realistic texts and carrier codes for each main status (Russian Post operation names). */
export const STATUS_TEXTS: Record<MainStatus, { info: string; statusId: number }> = {
  0: { info: '', statusId: 0 },
  1: { info: 'Вручение адресату', statusId: 2001 },
  2: { info: 'Прибыло в место вручения', statusId: 802 },
  3: { info: 'Возврат отправителю', statusId: 301 },
  4: { info: 'Приём отправления почтовым отделением', statusId: 101 },
  5: { info: 'Экспорт международной почты', statusId: 1101 },
  6: { info: 'Импорт международной почты', statusId: 1301 },
  7: { info: 'Приём за пределами России', statusId: 1401 },
  8: { info: 'Возможно в месте вручения', statusId: 809 },
  9: { info: 'Просрочено: нет статусов «Вручение» или «Истек срок хранения»', statusId: 999 },
};

/** The notifications R-Lab sends the buyer when a parcel reaches a status (none for the rest). */
const NOTIFY: Partial<Record<MainStatus, string>> = {
  4: 'Ваш заказ {order} отправлен, трек {track}',
  2: 'Посылка {track} прибыла в пункт выдачи. Заберите её в течение 30 дней',
  8: 'Напоминаем: посылка {track} ждёт вас в пункте выдачи',
  1: 'Посылка {track} вручена. Спасибо за заказ!',
};

/** The phone number meaning "send no SMS" (R-Lab document). */
export const NO_SMS_PHONE = '79000000000';

export const DEFAULT_RLAB_USER = { userId: '999999', apiKey: '07dbd136d760e6be8fde6a2238992831' };

export class RlabState {
  readonly users = new Map<string, RlabUser>();

  constructor(readonly now: () => Date = () => new Date()) {}

  addUser(userId: string, apiKey: string, balance = 1000, expireDate = 'Бессрочный'): RlabUser {
    const user: RlabUser = { userId, apiKey, balance, expireDate, tracks: new Map() };
    this.users.set(userId, user);
    return user;
  }

  user(userId: string): RlabUser | undefined {
    return this.users.get(userId);
  }

  track(userId: string, track: string): RlabTrack | undefined {
    return this.users.get(userId)?.tracks.get(track);
  }

  /** Stores a new track, or replaces the client data of a track added before (keeping its history). */
  addTrack(user: RlabUser, data: ClientData): RlabTrack {
    const existing = user.tracks.get(data.track);
    if (existing) {
      Object.assign(existing, data);
      existing.timesAdded += 1;
      existing.updatedAt = this.now();
      return existing;
    }
    const track: RlabTrack = {
      ...data,
      createdAt: this.now(),
      updatedAt: null,
      events: [],
      notifications: [],
      timesAdded: 1,
    };
    user.tracks.set(track.track, track);
    user.balance = Math.max(0, user.balance - 1);
    return track;
  }

  /**
   * The carrier reports a new status: the track's main status changes, the event joins its history
   * and R-Lab notifies the buyer by SMS (unless the phone is the no-SMS number) and e-mail.
   */
  setStatus(
    userId: string,
    trackNumber: string,
    mainStatus: MainStatus,
    at: Date = this.now(),
    info?: string,
  ): RlabTrack {
    const track = this.track(userId, trackNumber);
    if (!track) throw new Error(`R-Lab sandbox: user ${userId} has no track ${trackNumber}`);
    const text = STATUS_TEXTS[mainStatus];
    track.events.push({ at, mainStatus, info: info ?? text.info, statusId: text.statusId });
    track.updatedAt = at;
    const template = NOTIFY[mainStatus];
    if (template) {
      const message = template.replace('{track}', track.track).replace('{order}', track.orderNumber || track.track);
      if (track.phone && track.phone !== NO_SMS_PHONE) {
        track.notifications.push({ channel: 'sms', at, message, price: 2.95, internalStatus: 0 });
      }
      if (track.email) track.notifications.push({ channel: 'email', at, message, price: 0, internalStatus: 0 });
    }
    return track;
  }

  /** The latest event, or undefined while the carrier has reported nothing. */
  static latest(track: RlabTrack): StatusEvent | undefined {
    return track.events[track.events.length - 1];
  }
}

/** A seeded track: its client data, when it was added and the carrier's scans (UTC). */
type SeedTrack = Partial<ClientData> & { track: string; createdAt: string; scans: Array<[MainStatus, string]> };

const SEED_TRACKS: SeedTrack[] = [
  // The R-Lab document's own example: overdue (status 9).
  {
    track: '19191911187312',
    phone: NO_SMS_PHONE,
    email: 'mikspark@yandex.ru',
    createdAt: '2018-06-08T11:22:55Z',
    scans: [
      [4, '2018-06-08T15:45:57Z'],
      [9, '2018-07-19T00:33:53Z'],
    ],
  },
  {
    track: '80085275412345',
    phone: '79161234567',
    email: 'anna.petrova@example.ru',
    name: 'Анна Петрова',
    itemCost: 2490,
    orderNumber: '100002',
    description: 'Кроссовки беговые, 38 размер',
    createdAt: '2024-03-01T07:10:00Z',
    scans: [
      [4, '2024-03-01T12:30:00Z'],
      [2, '2024-03-05T08:02:00Z'],
      [1, '2024-03-06T14:41:00Z'],
    ],
  },
  {
    track: '10044387000123',
    phone: '79031112233',
    name: 'Сергей',
    itemCost: 1290,
    orderNumber: '100003',
    description: 'Чехол для телефона',
    createdAt: '2024-04-10T09:00:00Z',
    scans: [
      [4, '2024-04-10T13:15:00Z'],
      [2, '2024-04-14T06:20:00Z'],
    ],
  },
];

/**
 * Fills a state with the sandbox's account and a few tracks in realistic states: delivered,
 * waiting at the post office, and the R-Lab document's example (overdue).
 */
export function seedRlabState(state: RlabState, account = DEFAULT_RLAB_USER): RlabUser {
  const user = state.addUser(account.userId, account.apiKey, 1000);
  for (const { createdAt, scans, ...data } of SEED_TRACKS) {
    const track = state.addTrack(user, {
      phone: NO_SMS_PHONE,
      email: '',
      name: '',
      itemCost: 0,
      orderNumber: '',
      description: '',
      deliveryServiceId: 0,
      paymentType: 1,
      campaignId: 0,
      sendToUserEmailFullTracking: false,
      sendToAdminEmailFullTracking: false,
      ...data,
    });
    track.createdAt = new Date(createdAt);
    for (const [status, at] of scans) state.setStatus(user.userId, track.track, status, new Date(at));
  }
  // Seeding is not a sale: give back the balance the seeded tracks used.
  user.balance = 1000;
  return user;
}
