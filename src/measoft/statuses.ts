/**
 * MeaSoft status codes with their English meaning (docs/measoft.md, "Status codes"): the first twenty
 * with the Russian titles a public MeaSoft client lists, the others from arzuhuseyn/measoft-api-client
 * (`entities/status.py`), which gives codes only (their English labels are read from the code; no
 * Russian title is claimed). A courier company may rename the `title` it sends; the code stays. A code
 * not listed here still passes through from MeaSoft as it is.
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
  LOST: { ru: null, en: 'Lost' },
  PARTLYRETURNED: { ru: null, en: 'Partially Returned to Sender' },
  PARTLYRETURNING: { ru: null, en: 'Partial Return Planned' },
  COURIERPARTIALLY: { ru: null, en: 'Partially Delivered (Preliminary)' },
  COURIERCANCELED: { ru: null, en: 'Not Delivered (Preliminary)' },
  WMSASSEMBLED: { ru: null, en: 'Assembled at Warehouse' },
  WMSDISASSEMBLED: { ru: null, en: 'Disassembled at Warehouse' },
  CUSTOMSPROCESS: { ru: null, en: 'Customs Clearance in Progress' },
  CUSTOMSFINISHED: { ru: null, en: 'Customs Clearance Finished' },
  TRANSACCEPTED: { ru: null, en: 'Accepted by Transport Company' },
  PICKUPTRANS: { ru: null, en: 'Handed to Transport Company' },
} as const satisfies Record<string, { ru: string | null; en: string }>;

export type MeasoftStatusCode = keyof typeof MEASOFT_STATUSES;

/** Dropdown choices, English first with MeaSoft's own term after it: "COMPLETE: Delivered (Доставлен)". */
export const MEASOFT_STATUS_CHOICES = Object.entries(MEASOFT_STATUSES).map(([code, { ru, en }]) => ({
  value: code,
  label: ru === null ? `${code}: ${en}` : `${code}: ${en} (${ru})`,
  sample: code,
}));
