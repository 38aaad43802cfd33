/** Find JustClick Subscriber: GetLeadGroupStatuses (https://help.justclick.ru/archives/2629). */
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';
import { unixOrMoscowTextToIso } from '../common/dates';
import { readText } from '../common/input';
import { isRecord, listOf, textOrNull } from '../common/json';
import { callJustClick, trustedAnswer, unexpectedResult } from './client';
import { requireJustClick } from './connection';
import { SUBSCRIBER_NOT_FOUND } from './errors';
import { contactEmailField, readEmailAddress, SUBSCRIPTION_STATUSES } from './fields';
import { findSubscriberSample } from './samples';
import type { FoundSubscriber, Membership } from './types';

const findFields = defineInputFields([
  contactEmailField,
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
  const email = readEmailAddress(z, 'Email', bundle.inputData.email);
  const group = readText(bundle.inputData.group);
  const credentials = requireJustClick(z, bundle);
  const answer = trustedAnswer(
    z,
    await callJustClick(z, credentials, 'GetLeadGroupStatuses', [['email', email]], { where: 'search' }),
    [0, ...SUBSCRIBER_NOT_FOUND],
  );
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

export default defineSearch({
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
