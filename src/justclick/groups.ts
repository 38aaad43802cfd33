/**
 * The hidden trigger that fills the contact group dropdowns: GetAllGroups
 * (https://help.justclick.ru/archives/category/api). Each item's `id` is what the API takes back:
 * rass_name in AddLeadToGroup's rid[].
 */
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { isRecord, listOf, textOrNull } from '../common/json';
import { callJustClick, noResult, trustedAnswer, unexpectedResult } from './client';
import { requireJustClick } from './connection';
import type { Group } from './types';

export const performGroups = (async (z, bundle) => {
  const answer = trustedAnswer(
    z,
    await callJustClick(z, requireJustClick(z, bundle), 'GetAllGroups', [], { changes: false }),
  );
  if (noResult(answer.result)) return [];
  const list = listOf(answer.result);
  if (!list) throw unexpectedResult(z, 'GetAllGroups', answer.result);
  return list.map((raw): Group => {
    const rassName = isRecord(raw) ? textOrNull(raw.rass_name) : null;
    if (!isRecord(raw) || rassName === null) throw unexpectedResult(z, 'GetAllGroups', raw);
    const title = textOrNull(raw.rass_title);
    return { id: rassName, name: title ? `${title} (${rassName})` : rassName };
  });
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'justclick_groups',
  noun: 'Group',
  display: {
    label: 'New JustClick Contact Group',
    description: 'Triggers when a contact group is added to your JustClick account (feeds the group dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: performGroups,
    sample: { id: 'newsletter', name: 'Рассылка магазина (newsletter)' },
    outputFields: [
      { key: 'id', label: 'Group ID', type: 'string' },
      { key: 'name', label: 'Group', type: 'string' },
    ],
  },
});
