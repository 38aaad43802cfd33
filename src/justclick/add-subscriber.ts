/** Add JustClick Subscriber to Group: AddLeadToGroup (https://help.justclick.ru/archives/668). */
import { defineCreate, defineInputFields, type CreatePerform, type InferInputData } from 'zapier-platform-core';
import { readText } from '../common/input';
import { callJustClick, trustedAnswer } from './client';
import { requireJustClick } from './connection';
import { ALREADY_SUBSCRIBED, resultInEnglish } from './errors';
import { contactEmailField, readEmailAddress, readGroupIds, UTM_KEYS, utmInputFields } from './fields';
import { addSubscriberSample } from './samples';
import type { AddedSubscriber } from './types';

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
  contactEmailField,
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
  const groups = readGroupIds(z, 'Groups', input.groups);
  const email = readEmailAddress(z, 'Email', input.email);
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

export default defineCreate({
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
