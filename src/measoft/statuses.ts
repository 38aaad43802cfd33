/**
 * MeaSoft status codes with the Russian titles MeaSoft's own software uses (docs/measoft.md)
 * and their English meaning. A courier company may rename the `title` it sends; the code stays.
 */
export const MEASOFT_STATUSES = {
  NEW: { ru: 'Новый', en: 'New' },
  PICKUP: { ru: 'Забран у отправителя', en: 'Picked Up from Sender' },
  ACCEPTED: { ru: 'Получен складом', en: 'Received at Warehouse' },
  INVENTORY: { ru: 'Инвентаризация', en: 'Stocktaking' },
  DEPARTURING: { ru: 'Планируется отправка', en: 'Dispatch Planned' },
  DEPARTURE: { ru: 'Отправлено со склада', en: 'Dispatched from Warehouse' },
  DELIVERY: { ru: 'Выдан курьеру на доставку', en: 'Out for Delivery' },
  COURIERDELIVERED: { ru: 'Доставлен (предварительно)', en: 'Delivered (Preliminary)' },
  COMPLETE: { ru: 'Доставлен', en: 'Delivered' },
  PARTIALLY: { ru: 'Доставлен частично', en: 'Partially Delivered' },
  COURIERRETURN: { ru: 'Курьер вернул на склад', en: 'Returned to Warehouse by Courier' },
  CANCELED: { ru: 'Не доставлен (Возврат/Отмена)', en: 'Not Delivered (Return or Cancellation)' },
  RETURNING: { ru: 'Планируется возврат', en: 'Return Planned' },
  RETURNED: { ru: 'Возвращен', en: 'Returned to Sender' },
  CONFIRM: { ru: 'Согласована доставка', en: 'Delivery Agreed' },
  DATECHANGE: { ru: 'Перенос', en: 'Delivery Rescheduled' },
  NEWPICKUP: { ru: 'Создан забор', en: 'Pickup Created' },
  UNCONFIRM: { ru: 'Не удалось согласовать доставку', en: 'Delivery Could Not Be Agreed' },
  PICKUPREADY: { ru: 'Готов к выдаче', en: 'Ready for Pickup' },
  AWAITING_SYNC: { ru: 'Ожидание синхронизации', en: 'Awaiting Synchronization' },
} as const;

export type MeasoftStatusCode = keyof typeof MEASOFT_STATUSES;

/** Dropdown choices, English first with MeaSoft's own term after it: "COMPLETE: Delivered (Доставлен)". */
export const MEASOFT_STATUS_CHOICES = Object.entries(MEASOFT_STATUSES).map(([code, { ru, en }]) => ({
  value: code,
  label: `${code}: ${en} (${ru})`,
  sample: code,
}));
