/**
 * MeaSoft's documented error codes, each with an English explanation and what to do (docs/measoft.md,
 * "Error codes"). Three lists exist, and which one applies depends on where the code is read:
 * - the `error` attribute on the root of a `statusreq`, `cancelorder` or `commitlaststatus` answer:
 *   the API's general list (MeaSoft's own PHP module and the public clients carry it);
 * - the `error` attribute of a `<createorder>`, and of the root of a `neworder` answer: the
 *   documentation's "Error codes in case of ordering" (1 is the authorization error there);
 * - the `error` attribute of each `<order>` in a `cancelorder` answer.
 * The functions below read a code from an answer and explain it (measoftError), or say that an answer
 * is not one MeaSoft documents (badAnswer, undocumentedAnswer).
 */
import type { ZObject } from 'zapier-platform-core';
import { preview } from '../common/errors';
import { sayingFailure, type FailureKind } from '../common/failures';
import { hideSecrets } from '../common/secrets';
import type { CodeList } from './types';
import { attr, type XmlElement } from './xml-reader';

export interface MeasoftCode {
  /** MeaSoft's own wording, shown when its answer carries no text. */
  ru: string;
  /** What the code means. */
  en: string;
  /** What the user can do about it. */
  todo: string;
}

const SUPPORT = "this request of the app does not send that; if it persists, tell the app's maintainer";
const LATER = 'try again later; if it persists, ask your courier service';
const TARIFF = 'ask your courier service which tariffs your account has';

export const MEASOFT_API_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  1: { ru: 'Неверный xml', en: 'the XML of the request is not valid', todo: SUPPORT },
  2: { ru: 'Широта не указана', en: 'the latitude is missing', todo: SUPPORT },
  3: { ru: 'Долгота не указана', en: 'the longitude is missing', todo: SUPPORT },
  4: { ru: 'Дата и время запроса не указаны', en: 'the request date and time are missing', todo: SUPPORT },
  5: { ru: 'Точность не указана', en: 'the accuracy is missing', todo: SUPPORT },
  6: { ru: 'Идентификатор телефона не указан', en: 'the phone identifier is missing', todo: SUPPORT },
  7: { ru: 'Идентификатор телефона не найден', en: 'the phone identifier is unknown', todo: SUPPORT },
  8: { ru: 'Неверная широта', en: 'the latitude is not valid', todo: SUPPORT },
  9: { ru: 'Неверная долгота', en: 'the longitude is not valid', todo: SUPPORT },
  10: { ru: 'Неверная точность', en: 'the accuracy is not valid', todo: SUPPORT },
  11: {
    ru: 'Заказы не найдены',
    en: 'no orders were found',
    todo: 'check the number you searched for; the app reads this code as an empty result where it asks for orders',
  },
  12: { ru: 'Неверные дата и время запроса', en: 'the request date and time are not valid', todo: SUPPORT },
  13: { ru: 'Ошибка mysql', en: "a database error on MeaSoft's side", todo: LATER },
  14: { ru: 'Неизвестная функция', en: 'MeaSoft does not know this request', todo: SUPPORT },
  15: { ru: 'Тариф не найден', en: 'no tariff was found', todo: TARIFF },
  18: { ru: 'Город отправления не указан', en: 'the town of dispatch is missing', todo: 'fill in the town' },
  19: { ru: 'Город назначения не указан', en: 'the destination town is missing', todo: 'fill in Receiver Town' },
  20: { ru: 'Неверная масса', en: 'the weight is not valid', todo: 'correct Weight (kg)' },
  21: {
    ru: 'Город отправления не найден',
    en: 'the town of dispatch is unknown',
    todo: 'write the town as your courier service names it',
  },
  22: {
    ru: 'Город назначения не найден',
    en: 'the destination town is unknown',
    todo: 'write Receiver Town as your courier service names it',
  },
  23: { ru: 'Масса не указана', en: 'the weight is missing', todo: 'fill in Weight (kg)' },
  24: { ru: 'Логин не указан', en: 'the login is missing', todo: 'reconnect with your MeaSoft Login' },
  25: {
    ru: 'Ошибка авторизации',
    en: 'authorization failed: the login, password or courier service code is wrong',
    todo: 'reconnect the MeaSoft account',
  },
  26: { ru: 'Логин уже существует', en: 'the login already exists', todo: SUPPORT },
  27: { ru: 'Клиент уже существует', en: 'the client already exists', todo: SUPPORT },
  28: { ru: 'Адрес не указан', en: 'the address is missing', todo: 'fill in Receiver Address' },
  29: { ru: 'Более не поддерживается', en: 'MeaSoft no longer supports this request', todo: SUPPORT },
  30: { ru: 'Настройка sip не выполнена', en: 'SIP telephony is not set up', todo: SUPPORT },
  31: { ru: 'Телефон не указан', en: 'the phone number is missing', todo: 'fill in Receiver Phone' },
  32: { ru: 'Телефон курьера не указан', en: "the courier's phone number is missing", todo: SUPPORT },
  33: { ru: 'Ошибка соединения', en: "a connection error on MeaSoft's side", todo: LATER },
  34: { ru: 'Неверный номер', en: 'the number is not valid', todo: 'check the number you entered' },
  35: { ru: 'Неверный номер', en: 'the number is not valid', todo: 'check the number you entered' },
  36: { ru: 'Ошибка определения тарифа', en: 'the tariff could not be determined', todo: TARIFF },
  37: { ru: 'Ошибка определения тарифа', en: 'the tariff could not be determined', todo: TARIFF },
  38: { ru: 'Тариф не найден', en: 'no tariff was found', todo: TARIFF },
  39: { ru: 'Тариф не найден', en: 'no tariff was found', todo: TARIFF },
};

export const MEASOFT_ORDER_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  1: {
    ru: 'Ошибка авторизации',
    en: 'authorization failed: the login, password or courier service code is wrong',
    todo: 'reconnect the MeaSoft account',
  },
  2: { ru: 'Отправлен пустой запрос', en: 'the request carried no order', todo: SUPPORT },
  3: { ru: 'Некорректно указана сумма заказа', en: 'the order amount is not valid', todo: 'correct Amount to Collect' },
  4: { ru: 'Некорректный общий вес заказа', en: 'the total weight is not valid', todo: 'correct Weight (kg)' },
  5: {
    ru: 'Не найден город получатель',
    en: "the receiver's town is unknown to the courier service",
    todo: 'write Receiver Town as your courier service names it',
  },
  6: {
    ru: 'Не найден город отправитель',
    en: "the sender's town is unknown to the courier service",
    todo: "ask your courier service to check the sender's town of your account",
  },
  7: { ru: 'Не заполнен адрес получателя', en: "the receiver's address is missing", todo: 'fill in Receiver Address' },
  8: {
    ru: 'Не заполнен телефон получателя',
    en: "the receiver's phone number is missing",
    todo: 'fill in Receiver Phone',
  },
  9: {
    ru: 'Не заполнено контактное имя получателя',
    en: "the receiver's contact name is missing",
    todo: 'fill in Receiver Name',
  },
  10: {
    ru: 'Не заполнено название компании получателя',
    en: "the receiver's company name is missing",
    todo: 'fill in Receiver Company (your courier service requires it)',
  },
  11: {
    ru: 'Некорректная сумма объявленной ценности',
    en: 'the declared value is not valid',
    todo: 'correct Declared Value',
  },
  12: { ru: 'Артикул не найден', en: 'an article number is unknown', todo: 'check Item Code of each item' },
  13: {
    ru: 'Не заполнено название компании отправителя',
    en: "the sender's company name is missing",
    todo:
      'fill in Sender Company (for a pickup from another address), or ask your courier service to fill in the ' +
      'sender of your account',
  },
  14: {
    ru: 'Не заполнено контактное имя отправителя',
    en: "the sender's contact name is missing",
    todo:
      'fill in Sender Name (for a pickup from another address), or ask your courier service to fill in the ' +
      'sender of your account',
  },
  15: {
    ru: 'Не заполнен телефон отправителя',
    en: "the sender's phone number is missing",
    todo: 'ask your courier service to fill in the sender of your account',
  },
  16: {
    ru: 'Не заполнен адрес отправителя',
    en: "the sender's address is missing",
    todo: 'ask your courier service to fill in the sender of your account',
  },
  17: {
    ru: 'Заказ с таким номером уже существует',
    en: 'an order with this number already exists this calendar year',
    todo: 'use another Order Number',
  },
};

/** `<cancelorder>` answers per order (docs/measoft.md, "Error codes"). */
export const MEASOFT_CANCEL_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  52: {
    ru: 'Заказ не найден',
    en: 'the order was not found',
    todo: "check Order Number: it is MeaSoft's order number (Order Number of Create or Find MeaSoft Courier Order)",
  },
  54: {
    ru: 'Заказ уже в работе, отмена невозможна',
    en: 'the courier service has already started on the order, so it can no longer be cancelled',
    todo: 'ask your courier service to stop the order',
  },
};

/** Codes that mean the connection's MeaSoft credentials are wrong, per list. */
export const AUTH_ERROR_CODES = { api: new Set([24, 25]), order: new Set([1]), cancel: new Set<number>() } as const;

export const LISTS: Record<CodeList, Readonly<Record<number, MeasoftCode>>> = {
  api: MEASOFT_API_ERRORS,
  order: MEASOFT_ORDER_ERRORS,
  cancel: MEASOFT_CANCEL_ERRORS,
};

/**
 * Ties an error whose words are made here to what happened, so a caller that reports it inside its
 * own message (Create's read-back) reads it with whatFailed instead of parsing core's message.
 */
const tiedToFailure = <E extends Error>(error: E, kind: FailureKind, what: string, code: string, status: number) =>
  sayingFailure(error, { service: 'MeaSoft', kind, what, changes: false, code, status });

/** A MeaSoft error worded here, tied to what happened (see tiedToFailure). */
export const saidError = (z: ZObject, kind: FailureKind, message: string, code: string, status: number): Error =>
  tiedToFailure(new z.errors.Error(message, code, status), kind, message, code, status);

/** Each refusal measoftError made, with its code and MeaSoft's text, for callers that explain it further. */
const refusals = new WeakMap<Error, { code: number; text: string | null }>();

/** The code and MeaSoft's text of a refusal made by measoftError; undefined for any other error. */
export const measoftRefusal = (error: unknown): { code: number; text: string | null } | undefined =>
  error instanceof Error ? refusals.get(error) : undefined;

/**
 * MeaSoft's refusal as the user sees it: its text (without secrets), the code, what it means and what
 * to do; wrong credentials ask to reconnect. `list` is the documentation's table for where the code was read.
 */
export function measoftError(
  z: ZObject,
  code: number,
  vendorText: string | undefined,
  list: CodeList,
  hidden: readonly string[] = [],
): Error {
  const known = LISTS[list][code];
  const text = hideSecrets(vendorText?.trim() || known?.ru || '', hidden);
  const explanation = known
    ? `${known.en}; ${known.todo}`
    : "a code MeaSoft's documentation does not list here, so the app does not know what it means; ask your " +
      'courier service';
  const message = `MeaSoft refused the request: error ${code}${text ? ` "${text}"` : ''} (${explanation}).`;
  if (AUTH_ERROR_CODES[list].has(code)) {
    const expired = new z.errors.ExpiredAuthError(
      `${message} Reconnect the MeaSoft account and check the MeaSoft Login, MeaSoft Password and MeaSoft ` +
        'Courier Service Code.',
    );
    // Core would append the whole bundle (the password among it) to the message otherwise.
    (expired as Error & { doNotContextify?: boolean }).doNotContextify = true;
    return tiedToFailure(expired, 'credentials', message, `MeasoftError${code}`, 401);
  }
  const refused = saidError(z, 'refused', message, `MeasoftError${code}`, 400);
  refusals.set(refused, { code, text: text || null });
  return refused;
}

/** The code in an `error` attribute: 0 when absent; anything but digits is not a documented answer. */
export function errorCode(z: ZObject, node: XmlElement, what: string, hidden: readonly string[]): number {
  const value = attr(node, 'error');
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d+$/.test(value.trim()))
    throw badAnswer(z, `its ${what} carries error="${preview(value, hidden)}", not a code`);
  return Number(value.trim());
}

export const errorText = (node: XmlElement): string | undefined =>
  attr(node, 'errormsgru') || attr(node, 'errormsg') || node.text || undefined;

export function badAnswer(z: ZObject, why: string): Error {
  const message =
    `MeaSoft answered with something other than its API answer (${why}). Check the MeaSoft Courier Service ` +
    'Code in the connection; if it is right, MeaSoft may be having trouble: try again later.';
  return saidError(z, 'unreadable', message, 'MeasoftBadAnswer', 502);
}

/** An answer that is not one MeaSoft documents for this request: never read as a result. */
export function undocumentedAnswer(z: ZObject, request: string, why: string, write = false): Error {
  const outcome = write
    ? 'The change may or may not have been made: check the order in MeaSoft before you replay this step.'
    : 'Nothing was changed. Check the MeaSoft Courier Service Code in the connection; if it is right, try again later.';
  const message =
    `MeaSoft answered <${request}> with something its documentation does not show (${why}); it was not ` +
    `read. ${outcome}`;
  return saidError(z, 'unreadable', message, 'MeasoftBadAnswer', 502);
}

/** The documented explanation of a code, for messages built outside client.ts. */
export const explainCode = (list: 'api' | 'order', code: number): string | undefined =>
  (list === 'api' ? MEASOFT_API_ERRORS : MEASOFT_ORDER_ERRORS)[code]?.en;
