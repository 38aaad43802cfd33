/**
 * MeaSoft's documented error codes with an English explanation (docs/measoft.md, "Error codes").
 * Two lists exist: the `error` attribute on the root of any answer (the API's general list, which
 * MeaSoft's own PHP module and the public clients carry), and the `error` attribute of each
 * `<createorder>` in a `<neworder>` answer (the order list of the API documentation).
 */

export interface MeasoftCode {
  /** MeaSoft's own wording, shown when its answer carries no text. */
  ru: string;
  en: string;
}

export const MEASOFT_API_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  1: { ru: 'Неверный xml', en: 'the XML of the request is not valid' },
  2: { ru: 'Широта не указана', en: 'the latitude is missing' },
  3: { ru: 'Долгота не указана', en: 'the longitude is missing' },
  4: { ru: 'Дата и время запроса не указаны', en: 'the request date and time are missing' },
  5: { ru: 'Точность не указана', en: 'the accuracy is missing' },
  6: { ru: 'Идентификатор телефона не указан', en: 'the phone identifier is missing' },
  7: { ru: 'Идентификатор телефона не найден', en: 'the phone identifier is unknown' },
  8: { ru: 'Неверная широта', en: 'the latitude is not valid' },
  9: { ru: 'Неверная долгота', en: 'the longitude is not valid' },
  10: { ru: 'Неверная точность', en: 'the accuracy is not valid' },
  11: { ru: 'Заказы не найдены', en: 'no orders were found' },
  12: { ru: 'Неверные дата и время запроса', en: 'the request date and time are not valid' },
  13: { ru: 'Ошибка mysql', en: "a database error on MeaSoft's side" },
  14: { ru: 'Неизвестная функция', en: 'MeaSoft does not know this request' },
  15: { ru: 'Тариф не найден', en: 'no tariff was found' },
  18: { ru: 'Город отправления не указан', en: 'the town of dispatch is missing' },
  19: { ru: 'Город назначения не указан', en: 'the destination town is missing' },
  20: { ru: 'Неверная масса', en: 'the weight is not valid' },
  21: { ru: 'Город отправления не найден', en: 'the town of dispatch is unknown' },
  22: { ru: 'Город назначения не найден', en: 'the destination town is unknown' },
  23: { ru: 'Масса не указана', en: 'the weight is missing' },
  24: { ru: 'Логин не указан', en: 'the login is missing' },
  25: { ru: 'Ошибка авторизации', en: 'authorization failed: the login, password or courier service code is wrong' },
  26: { ru: 'Логин уже существует', en: 'the login already exists' },
  27: { ru: 'Клиент уже существует', en: 'the client already exists' },
  28: { ru: 'Адрес не указан', en: 'the address is missing' },
  29: { ru: 'Более не поддерживается', en: 'MeaSoft no longer supports this request' },
  30: { ru: 'Настройка sip не выполнена', en: 'SIP telephony is not set up' },
  31: { ru: 'Телефон не указан', en: 'the phone number is missing' },
  32: { ru: 'Телефон курьера не указан', en: "the courier's phone number is missing" },
  33: { ru: 'Ошибка соединения', en: "a connection error on MeaSoft's side" },
  34: { ru: 'Неверный номер', en: 'the number is not valid' },
  35: { ru: 'Неверный номер', en: 'the number is not valid' },
  36: { ru: 'Ошибка определения тарифа', en: 'the tariff could not be determined' },
  37: { ru: 'Ошибка определения тарифа', en: 'the tariff could not be determined' },
  38: { ru: 'Тариф не найден', en: 'no tariff was found' },
  39: { ru: 'Тариф не найден', en: 'no tariff was found' },
};

export const MEASOFT_ORDER_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  1: { ru: 'Ошибка авторизации', en: 'authorization failed: the login, password or courier service code is wrong' },
  2: { ru: 'Отправлен пустой запрос', en: 'the request carried no order' },
  3: { ru: 'Некорректно указана сумма заказа', en: 'the order amount is not valid' },
  4: { ru: 'Некорректный общий вес заказа', en: 'the total weight is not valid' },
  5: { ru: 'Не найден город получатель', en: "the receiver's town is unknown to the courier service" },
  6: { ru: 'Не найден город отправитель', en: "the sender's town is unknown to the courier service" },
  7: { ru: 'Не заполнен адрес получателя', en: "the receiver's address is missing" },
  8: { ru: 'Не заполнен телефон получателя', en: "the receiver's phone number is missing" },
  9: { ru: 'Не заполнено контактное имя получателя', en: "the receiver's contact name is missing" },
  10: { ru: 'Не заполнено название компании получателя', en: "the receiver's company name is missing" },
  11: { ru: 'Некорректная сумма объявленной ценности', en: 'the declared value is not valid' },
  12: { ru: 'Артикул не найден', en: 'an article number is unknown' },
  13: { ru: 'Не заполнено название компании отправителя', en: "the sender's company name is missing" },
  14: { ru: 'Не заполнено контактное имя отправителя', en: "the sender's contact name is missing" },
  15: { ru: 'Не заполнен телефон отправителя', en: "the sender's phone number is missing" },
  16: { ru: 'Не заполнен адрес отправителя', en: "the sender's address is missing" },
  17: { ru: 'Заказ с таким номером уже существует', en: 'an order with this number already exists this year' },
};

/** `<cancelorder>` answers per order; the documentation shows 52 in its example. */
export const MEASOFT_CANCEL_ERRORS: Readonly<Record<number, MeasoftCode>> = {
  52: { ru: 'Заказ не найден', en: 'the order was not found' },
};

/** Codes that mean the connection's MeaSoft credentials are wrong, per list. */
export const AUTH_ERROR_CODES = { api: new Set([24, 25]), order: new Set([1]), cancel: new Set<number>() } as const;
