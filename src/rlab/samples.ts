/**
 * The sample of each R-Lab / DeliveryCRM operation, built from the examples of the R-Lab API
 * document and typed by the output shapes (types.ts).
 */
import type {
  BlacklistRecord,
  Notification,
  NotificationHistory,
  TrackInfo,
  TrackOutcome,
  TracksResult,
} from './types';

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
  result_info_en: 'The data was added to R-Lab.',
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
  result_info_en: track.result_info_en,
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
  result_info_en: 'The update was queued in R-Lab.',
});

export const deleteTrackSample = single(
  {
    track: addedTrack.track,
    delivery_service_id: addedTrack.delivery_service_id,
    delivery_service_name: addedTrack.delivery_service_name,
    batch: 1,
    result_state: 0,
    result_info: 'Треки успешно удалены из базы',
    result_info_en: 'The tracks were deleted from R-Lab.',
    served_by_backup: false,
  },
  null,
);

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
