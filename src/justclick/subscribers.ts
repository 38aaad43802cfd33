/**
 * Contacts in JustClick's mailing groups: AddLeadToGroup (https://help.justclick.ru/archives/668)
 * and GetLeadGroupStatuses (https://help.justclick.ru/archives/2629), paired by a search-or-create.
 */
import {
  defineCreate,
  defineInputFields,
  defineSearch,
  type CreatePerform,
  type InferInputData,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { asList, readText } from '../common/input';
import { requireJustClick } from './connection';
import { callJustClick, resultInEnglish, trustedAnswer, unexpectedResult } from './client';
import { UTM_KEYS, utmInputFields } from './create-order';
import { addSubscriberSample, findSubscriberSample } from './samples';
import type { AddedSubscriber, FoundSubscriber, Membership } from './types';
import { EMAIL } from './fields';
import { isRecord, listOf, textOrNull } from '../common/json';
import { unixOrMoscowTextToIso } from '../common/dates';

/** 102: the contact is already in every group given, which is what the step wanted. */
const ALREADY_SUBSCRIBED = 102;
/** 500: no contact with this e-mail; 501: the contact is in no group. Both mean "not found". */
const NOT_FOUND = [500, 501];

export const SUBSCRIPTION_STATUSES: Record<string, string> = {
  STATUS_WAIT: 'Waiting for Confirmation',
  STATUS_SUBSCRIBE: 'Subscribed',
  STATUS_UNSUBSCRIBE: 'Unsubscribed',
};

function readEmail(z: ZObject, value: unknown): string {
  const email = readText(value);
  if (!EMAIL.test(email)) throw invalidInput(z, 'Email', 'an e-mail address such as anna@example.com', value);
  return email;
}

const emailField = {
  key: 'email' as const,
  label: 'Email',
  required: true,
  type: 'string' as const,
  helpText: 'The e-mail address of the contact, e.g. `anna@example.com`.',
};

// ---------------------------------------------------------------- Add Subscriber to Group

const addFields = defineInputFields([
  {
    key: 'groups',
    label: 'Groups',
    required: true,
    list: true,
    type: 'string',
    dynamic: 'justclick_groups.id.name',
    helpText:
      'The contact groups to add the contact to: their IDs as shown in the group settings of your JustClick account.',
  },
  emailField,
  {
    key: 'name',
    label: 'Name',
    required: false,
    type: 'string',
    helpText: 'Name or nickname; JustClick writes "Дорогой друг" when empty.',
  },
  { key: 'phone', label: 'Phone', required: false, type: 'string', helpText: 'e.g. `+79031112233`.' },
  { key: 'city', label: 'City', required: false, type: 'string', helpText: 'e.g. `Москва`.' },
  {
    key: 'tag',
    label: 'Tag',
    required: false,
    type: 'string',
    helpText: 'Any label to mark the contact with, e.g. `zapier`.',
  },
  ...utmInputFields,
]);

type AddSubscriberInput = InferInputData<typeof addFields>;

export const performAdd = (async (z, bundle) => {
  const input = bundle.inputData;
  const groups = asList(input.groups)
    .flatMap((group) => readText(group).split(','))
    .map((group) => group.trim())
    .filter((group) => group !== '');
  if (groups.length === 0) throw invalidInput(z, 'Groups', 'at least one JustClick contact group ID');
  const email = readEmail(z, input.email);
  const utm: Record<string, string> = {};
  for (const key of UTM_KEYS) {
    const value = readText(input[key]);
    if (value !== '') utm[key] = value;
  }
  const optional = (value: unknown) => (readText(value) === '' ? undefined : readText(value));
  const credentials = requireJustClick(z, bundle);
  const answer = trustedAnswer(
    z,
    await callJustClick(z, credentials, 'AddLeadToGroup', [
      ['rid', groups],
      ['lead_name', optional(input.name)],
      ['lead_email', email],
      ['lead_phone', optional(input.phone)],
      ['lead_city', optional(input.city)],
      ['tag', optional(input.tag)],
      ['utm', Object.keys(utm).length > 0 ? utm : undefined],
    ]),
    [0, ALREADY_SUBSCRIBED],
  );
  const added: AddedSubscriber = {
    id: email,
    email,
    groups,
    already_subscribed: answer.errorCode === ALREADY_SUBSCRIBED,
    justclick_error_code: answer.errorCode,
    justclick_error_text: answer.errorText,
    justclick_error_text_en: resultInEnglish(answer.errorCode),
  };
  return added;
}) satisfies CreatePerform<AddSubscriberInput>;

export const addSubscriber = defineCreate({
  key: 'justclick_add_subscriber',
  noun: 'Subscriber',
  display: {
    label: 'Add JustClick Subscriber to Group',
    description: 'Adds a contact to one or more JustClick contact groups (mailing lists).',
  },
  operation: {
    inputFields: addFields,
    perform: performAdd,
    sample: addSubscriberSample,
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'groups', label: 'Groups', type: 'string', list: true },
      { key: 'already_subscribed', label: 'Already in Every Group', type: 'boolean' },
      { key: 'justclick_error_code', label: 'JustClick Result Code', type: 'integer' },
      { key: 'justclick_error_text', label: 'JustClick Result Text', type: 'string' },
      { key: 'justclick_error_text_en', label: 'JustClick Result Text (English)', type: 'string' },
    ],
  },
});

// ---------------------------------------------------------------- Find Subscriber

const findFields = defineInputFields([
  emailField,
  {
    key: 'group',
    label: 'Group',
    required: false,
    type: 'string',
    dynamic: 'justclick_groups.id.name',
    helpText: 'Only find the contact when it is in this group. Empty: find it in any group.',
  },
]);

type FindSubscriberInput = InferInputData<typeof findFields>;

function readMembership(z: ZObject, raw: unknown): Membership {
  const groupId = isRecord(raw) ? textOrNull(raw.rass_name) : null;
  if (!isRecord(raw) || groupId === null) throw unexpectedResult(z, 'GetLeadGroupStatuses', raw);
  const status = textOrNull(raw.rass_status);
  return {
    group_id: groupId,
    group_name: textOrNull(raw.rass_title),
    status,
    status_label: status === null ? null : (SUBSCRIPTION_STATUSES[status] ?? status),
    subscribed_at: unixOrMoscowTextToIso(raw.subscription_time),
  };
}

export const performFind = (async (z, bundle) => {
  const email = readEmail(z, bundle.inputData.email);
  const group = readText(bundle.inputData.group);
  const credentials = requireJustClick(z, bundle);
  const answer = trustedAnswer(z, await callJustClick(z, credentials, 'GetLeadGroupStatuses', [['email', email]]), [
    0,
    ...NOT_FOUND,
  ]);
  if (answer.errorCode !== 0) return [];
  const list = listOf(answer.result);
  if (!list) throw unexpectedResult(z, 'GetLeadGroupStatuses', answer.result);
  const groups = list.map((raw) => readMembership(z, raw));
  if (groups.length === 0 || (group !== '' && !groups.some((membership) => membership.group_id === group))) return [];
  const found: FoundSubscriber = {
    id: email,
    email,
    groups,
    group_ids: groups.map((membership) => membership.group_id),
    groups_count: groups.length,
  };
  return [found];
}) satisfies SearchPerform<FindSubscriberInput>;

export const findSubscriber = defineSearch({
  key: 'justclick_find_subscriber',
  noun: 'Subscriber',
  display: {
    label: 'Find JustClick Subscriber',
    description:
      'Finds the JustClick contact groups an e-mail address is in, with its status and subscription time in each.',
  },
  operation: {
    inputFields: findFields,
    perform: performFind,
    sample: findSubscriberSample,
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'groups[]group_id', label: 'Group ID', type: 'string' },
      { key: 'groups[]group_name', label: 'Group Name', type: 'string' },
      { key: 'groups[]status', label: 'Subscription Status Code', type: 'string' },
      { key: 'groups[]status_label', label: 'Subscription Status', type: 'string' },
      { key: 'groups[]subscribed_at', label: 'Subscribed At', type: 'datetime' },
      { key: 'group_ids', label: 'Group IDs', type: 'string', list: true },
      { key: 'groups_count', label: 'Number of Groups', type: 'integer' },
    ],
  },
});

export const findOrAddSubscriber = {
  key: 'justclick_find_subscriber',
  display: {
    label: 'Find or Add JustClick Subscriber',
    description: 'Finds a JustClick contact by e-mail, or adds it to the groups when it is not there.',
  },
  search: 'justclick_find_subscriber',
  create: 'justclick_add_subscriber',
};
