/**
 * JustClick's result codes and what each means (its "Ответы API сервиса" page and the method pages;
 * docs/justclick.md): the English explanations, the codes an operation reads as an answer rather
 * than a failure, and the errors built from a refusal.
 */
import type { ZObject } from 'zapier-platform-core';
import type { JustClickAnswer } from './types';
import { inConnectionTest, type Where } from '../common/failures';

/**
 * English explanations of JustClick's documented error codes (its "Ответы API сервиса" page;
 * docs/justclick.md).
 */
export const JUSTCLICK_ERROR_CODES: Readonly<Record<number, string>> = {
  1: 'the request carried no hash',
  2: 'the request carried no data',
  3: 'the data sent is not valid',
  4: 'the hash is wrong: check the JustClick API Key in the connection',
  5: 'the user name is unknown: check the JustClick Login in the connection',
  6: 'JustClick refuses API calls from this IP address (see the API settings of your JustClick account)',
  7: 'the JustClick account is disabled',
  8: 'the API call limit is reached, or the API is disabled for this account',
  // Contacts (AddLeadToGroup, GetLeadGroupStatuses), https://help.justclick.ru/archives/511
  100: 'the contact has no e-mail address',
  101: 'the contact could not be added to the group',
  102: 'the contact is already in every group given',
  103: 'one of the groups does not exist',
  104: 'contacts cannot be added to this group',
  200: 'the order does not exist',
  201: 'the status is not valid',
  202: 'an error happened while the order was being paid',
  203: 'no order number was given',
  302: 'there is no order with this number',
  303: 'there is no such status',
  400: 'there is no order with this number',
  500: 'there is no contact with this e-mail address',
  501: 'the contact is in no group',
  600: "the buyer's e-mail address is not valid",
  601: 'the order already exists',
  602: 'the order could not be created',
  603: 'the order has no products',
  604: 'the shop has no product with this ID',
  605: 'the product needs delivery data (an address or a name) that the order lacks',
  700: 'the shop has no products',
  800: 'the contact group does not exist',
  801: 'there is no contact with this e-mail address',
};

/**
 * JustClick's result code in English, for the output beside JustClick's own (Russian or terse) text,
 * e.g. 102 "the contact is already in every group given".
 */
export function resultInEnglish(code: number): string {
  if (code === 0) return 'Done: JustClick carried out the request.';
  const meaning = JUSTCLICK_ERROR_CODES[code];
  return meaning
    ? `${meaning[0]!.toUpperCase()}${meaning.slice(1)} (JustClick code ${code}).`
    : `JustClick gave no further explanation (code ${code}).`;
}

/** Codes that say the login or the key is wrong: the user must fix the connection. */
export const CREDENTIAL_CODES = new Set([4, 5]);

/** 601: "the order already exists", with its number in result.bill_id (https://help.justclick.ru/archives/511). */
export const ORDER_ALREADY_EXISTS = 601;

/** Codes by which getOrderDetails says there is no such order: nothing found, not a failure. */
export const ORDER_NOT_FOUND = [200, 302, 400];

/** 102: the contact is already in every group given, which is what the step wanted. */
export const ALREADY_SUBSCRIBED = 102;

/** 500: no contact with this e-mail; 501: the contact is in no group. Both mean "not found". */
export const SUBSCRIBER_NOT_FOUND = [500, 501];

/** A refusal in words: JustClick's text, the code, and the English explanation. */
export function justClickRefusal(answer: JustClickAnswer): string {
  const explanation = JUSTCLICK_ERROR_CODES[answer.errorCode] ?? 'JustClick gave no further explanation';
  return `JustClick refused the request: error ${answer.errorCode} "${answer.errorText}" (${explanation}).`;
}

/** Turns a non-zero error_code into the error the user sees: JustClick's text, the code, and why. */
export function justClickError(z: ZObject, answer: JustClickAnswer): Error {
  const message = justClickRefusal(answer);
  if (CREDENTIAL_CODES.has(answer.errorCode)) return new z.errors.ExpiredAuthError(message);
  return new z.errors.Error(message, `JustClickError${answer.errorCode}`, 400);
}

/**
 * An answer that claims success but is not signed with the account's key is never taken as success.
 * In a step's run an order was at stake; in the connection test none was.
 */
export function untrustedAnswerError(z: ZObject, where: Where = 'create'): Error {
  const message = !inConnectionTest(where)
    ? "JustClick's answer is not signed with your API key, so it cannot be trusted and this step is not reported " +
      'as done. Check the JustClick API Key in the connection, then check the order in JustClick.'
    : "JustClick's answer is not signed with this API key, so the connection cannot be confirmed. " +
      'Copy the JustClick API Key again from the API page of your JustClick account.';
  return new z.errors.Error(message, 'JustClickUntrustedAnswer', 502);
}
