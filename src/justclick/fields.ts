/**
 * Input readers and fields that several JustClick operations share: a contact's or buyer's e-mail,
 * an order number, the contact groups (as AddLeadToGroup's rid[] and DeleteSubscribe's rass_name
 * take them). Each reader refuses a wrong value by the field's label before any request is sent.
 */
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { asList, readText } from '../common/input';

/** A loose e-mail check, enough to catch a mapped name or phone before JustClick refuses it. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact's e-mail, as the contact actions take it (read with readEmailAddress). */
export const contactEmailField = {
  key: 'email' as const,
  label: 'Email',
  required: true,
  type: 'string' as const,
  helpText: 'The e-mail address of the contact, e.g. `anna@example.com`.',
};

/** An e-mail address, or a refusal naming the field. */
export function readEmailAddress(z: ZObject, label: string, value: unknown): string {
  const email = readText(value);
  if (!EMAIL.test(email)) throw invalidInput(z, label, 'an e-mail address such as anna@example.com', value);
  return email;
}

/**
 * A JustClick order number: digits only, as getOrderDetails and DeleteOrder take it
 * (https://help.justclick.ru/archives/2656, https://help.justclick.ru/archives/587).
 */
export function readOrderNumber(z: ZObject, label: string, value: unknown, whenEmpty: string): string {
  const billId = readText(value);
  if (billId === '') throw invalidInput(z, label, whenEmpty);
  if (!/^\d+$/.test(billId)) throw invalidInput(z, label, 'the number of a JustClick order, digits only', value);
  return billId;
}

/**
 * Group IDs from a list field: line items, or one text with commas (a mapped value); each once,
 * in the order given. None is refused by the field's label.
 */
export function readGroupIds(z: ZObject, label: string, value: unknown): string[] {
  const groups = asList(value)
    .flatMap((group) => readText(group).split(','))
    .map((group) => group.trim())
    .filter((group) => group !== '');
  if (groups.length === 0) throw invalidInput(z, label, 'at least one JustClick contact group ID');
  return [...new Set(groups)];
}

/** JustClick's own result code and text, as the JustClick actions return them. */
export const resultCodeOutputFields = [
  { key: 'justclick_error_code', label: 'JustClick Result Code', type: 'integer' as const },
  { key: 'justclick_error_text', label: 'JustClick Result Text', type: 'string' as const },
];
