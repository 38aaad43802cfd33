import type { ZObject } from 'zapier-platform-core';
import { readChoice } from '../common/input';

/**
 * The two carrier numberings of R-Lab / DeliveryCRM (the R-Lab API document): the tracking API's
 * trackingUserClientDeliveryServiceId (table after addtrack.ashx) and the notification-history
 * API's service_id (end of the document). They differ, so each operation offers its own list.
 */

const RUSSIAN_POST = 'Russian Post (Почта России)';
const KAZPOST = 'Kazpost (Почта Казахстана)';

/** Ids 1-13 are the same carriers in both numberings. */
const SHARED: Readonly<Record<number, string>> = {
  1: 'TopDelivery',
  2: 'SPSR (СПСР)',
  3: 'Boxberry',
  4: 'PickPoint',
  5: 'Shop-Logistics',
  6: 'Delovye Linii (Деловые линии)',
  7: 'CDEK (СДЭК)',
  8: 'DPD',
  9: 'Express.Ru (Экспресс.Ру)',
  10: 'PEK (ПЭК)',
  11: 'KSE (КСЭ)',
  12: 'Dimex',
  13: 'Ukrposhta (УкрПочта)',
};

/** trackingUserClientDeliveryServiceId: 0 Russian Post ... 16 Nova Poshta (14 is not used). */
export const TRACKING_CARRIERS: Readonly<Record<number, string>> = {
  0: RUSSIAN_POST,
  ...SHARED,
  15: KAZPOST,
  16: 'Nova Poshta (Нова Пошта)',
};

/** service_id of /v1/track/history: Russian Post is 14 here, and the vendor's default. */
export const HISTORY_SERVICES: Readonly<Record<number, string>> = { ...SHARED, 14: RUSSIAN_POST, 15: KAZPOST };

/** trackingUserPaymentType (table after the carriers). */
export const PAYMENT_TYPES: Readonly<Record<number, string>> = {
  1: 'Cash on Delivery (Наложенный платеж)',
  2: 'Prepaid (Предоплата)',
};

/** What a carrier field's help text says a mapped value may be. */
export const CARRIER_FORMS =
  'A mapped value may be the number or the name, in English or Russian, in any case (`CDEK`, `СДЭК` or `7`).';

/** Static dropdown choices in the table's order (numeric keys of an object iterate ascending). */
export const choicesOf = (table: Readonly<Record<number, string>>, first?: number) =>
  Object.entries(table)
    .sort(([a], [b]) => (Number(a) === first ? -1 : Number(b) === first ? 1 : 0))
    .map(([value, label]) => ({ value, label, sample: value }));

/**
 * The code of a choice field (carrier, payment type): by its number or its label (or either half of
 * it), any case, ё as е;
 * undefined when empty. Looked up with readChoice, so `constructor` or `__proto__` are unknown
 * values like any other.
 */
export function readCode(
  z: ZObject,
  label: string,
  value: unknown,
  table: Readonly<Record<number, string>>,
  first?: number,
): number | undefined {
  // Each half of a label such as "CDEK (СДЭК)" names the choice too: "cdek", "сдэк", "prepaid".
  const choices = choicesOf(table, first).map((choice) => ({
    ...choice,
    aliases: /^(.*?) \((.*)\)$/.exec(choice.label)?.slice(1) ?? [],
  }));
  const code = readChoice(z, label, value, choices);
  return code === undefined ? undefined : Number(code);
}
