/**
 * Remove JustClick Subscriber from Group: DeleteSubscribe (https://help.justclick.ru/archives/674)
 * takes one e-mail and one group per call, so the step calls it once per group. JustClick's pages
 * do not say what it answers for a contact that is not in the group, so the step first reads the
 * contact's groups (GetLeadGroupStatuses, https://help.justclick.ru/archives/2629) and reports from
 * that whether the contact was in each group; the removal itself is always left to JustClick,
 * which also checks that the group exists (docs/justclick.md, "DeleteSubscribe").
 */
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
  type ZObject,
} from 'zapier-platform-core';
import { STEP_BUDGET_MS, TimeBudget } from '../common/network';
import { requireJustClick } from './connection';
import { callJustClick, justClickTimeoutMs, trustedAnswer, unexpectedResult } from './client';
import { contactEmailField, readEmailAddress, readGroupIds, resultCodeOutputFields } from './fields';
import { removeSubscriberSample } from './samples';
import { type GroupRemoval, type RemovedSubscriber, type JustClickAnswer } from './types';
import { isRecord, listOf, textOrNull } from '../common/json';
import { justClickRefusal } from './errors';

/** GetLeadGroupStatuses: 500 no contact with this e-mail, 501 the contact is in no group. */
const IN_NO_GROUP = [500, 501];
/** DeleteSubscribe: 801 no contact with this e-mail (https://help.justclick.ru/archives/511), so not in the group. */
const NO_SUCH_CONTACT = 801;
/** What DeleteSubscribe leaves behind: the contact stays listed in the group, as unsubscribed. */
const UNSUBSCRIBED = 'STATUS_UNSUBSCRIBE';

const inputFields = defineInputFields([
  {
    key: 'groups',
    label: 'Groups',
    required: true,
    list: true,
    type: 'string',
    dynamic: 'justclick_groups.id.name',
    helpText:
      'The contact groups to take the contact out of: their IDs as shown in the group settings of your JustClick ' +
      'account, e.g. `buyers`. The contact stays in its other groups. A contact that is not in a group is left as ' +
      'it is, and the output says so.',
  },
  contactEmailField,
]);

type RemoveSubscriberInput = InferInputData<typeof inputFields>;

interface Membership {
  status: string | null;
  title: string | null;
}

/** The contact's groups before the step, by group ID; empty when JustClick knows no such contact. */
async function membershipsOf(
  z: ZObject,
  call: (method: string, params: Array<[string, string]>) => ReturnType<typeof callJustClick>,
  email: string,
): Promise<Map<string, Membership>> {
  const answer = trustedAnswer(z, await call('GetLeadGroupStatuses', [['email', email]]), [0, ...IN_NO_GROUP]);
  const memberships = new Map<string, Membership>();
  if (answer.errorCode !== 0) return memberships;
  const list = listOf(answer.result);
  if (!list) throw unexpectedResult(z, 'GetLeadGroupStatuses', answer.result);
  for (const raw of list) {
    const groupId = isRecord(raw) ? textOrNull(raw.rass_name) : null;
    if (!isRecord(raw) || groupId === null) throw unexpectedResult(z, 'GetLeadGroupStatuses', raw);
    memberships.set(groupId, { status: textOrNull(raw.rass_status), title: textOrNull(raw.rass_title) });
  }
  return memberships;
}

const joined = (groups: string[]) => groups.join(', ');

function resultInfo(email: string, removed: string[], notIn: string[]): string {
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`${email} was removed from ${joined(removed)}.`);
  if (notIn.length > 0)
    parts.push(`${removed.length > 0 ? 'It' : email} was not in ${joined(notIn)}, so nothing changed there.`);
  return parts.join(' ');
}

/** A refusal after some groups were handled: says what changed before it, so nobody has to guess. */
function partlyDone(z: ZObject, answer: JustClickAnswer, group: string, email: string, before: GroupRemoval[]): Error {
  const removed = before.filter((result) => result.was_in_group).map((result) => result.group_id);
  const notIn = before.filter((result) => !result.was_in_group).map((result) => result.group_id);
  return new z.errors.Error(
    `${justClickRefusal(answer)} This was for the group ${group}. Before it, ${resultInfo(email, removed, notIn)} ` +
      'Running the step again is safe.',
    `JustClickError${answer.errorCode}`,
    400,
  );
}

export const perform = (async (z, bundle) => {
  const groups = readGroupIds(z, 'Groups', bundle.inputData.groups);
  const email = readEmailAddress(z, 'Email', bundle.inputData.email);
  const credentials = requireJustClick(z, bundle);
  const budget = new TimeBudget(justClickTimeoutMs(), STEP_BUDGET_MS);
  const call = (method: string, params: Array<[string, string]>) =>
    callJustClick(z, credentials, method, params, {
      budget,
      changes: method === 'DeleteSubscribe' ? `the groups of ${email}` : false,
    });

  const before = await membershipsOf(z, call, email);
  const results: GroupRemoval[] = [];
  for (const group of groups) {
    const raw = await call('DeleteSubscribe', [
      ['lead_email', email],
      ['rass_name', group],
    ]);
    if (results.length > 0 && raw.errorCode !== 0 && raw.errorCode !== NO_SUCH_CONTACT)
      throw partlyDone(z, raw, group, email, results);
    const answer = trustedAnswer(z, raw, [0, NO_SUCH_CONTACT]);
    const membership = before.get(group);
    const wasIn = answer.errorCode === 0 && membership !== undefined && membership.status !== UNSUBSCRIBED;
    results.push({
      group_id: group,
      group_name: membership?.title ?? null,
      was_in_group: wasIn,
      status_before: membership?.status ?? null,
      justclick_error_code: answer.errorCode,
      justclick_error_text: answer.errorText,
    });
  }

  const removedFrom = results.filter((result) => result.was_in_group).map((result) => result.group_id);
  const notIn = results.filter((result) => !result.was_in_group).map((result) => result.group_id);
  const removed: RemovedSubscriber = {
    id: email,
    email,
    groups: results,
    removed_from: removedFrom,
    not_in_groups: notIn,
    was_in_any_group: removedFrom.length > 0,
    result_info: resultInfo(email, removedFrom, notIn),
  };
  return removed;
}) satisfies CreatePerform<RemoveSubscriberInput>;

export default defineCreate({
  key: 'justclick_remove_subscriber',
  noun: 'Subscriber',
  display: {
    label: 'Remove JustClick Subscriber from Group',
    description:
      'Removes a contact from one or more JustClick contact groups, so their mailings stop; a contact not in a ' +
      'group counts as done.',
  },
  operation: {
    inputFields,
    perform,
    sample: removeSubscriberSample,
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'groups[]group_id', label: 'Group ID', type: 'string' },
      { key: 'groups[]group_name', label: 'Group Name', type: 'string' },
      { key: 'groups[]was_in_group', label: 'Was in the Group', type: 'boolean' },
      { key: 'groups[]status_before', label: 'Subscription Status Before', type: 'string' },
      ...resultCodeOutputFields.map((field) => ({ ...field, key: `groups[]${field.key}` })),
      { key: 'removed_from', label: 'Removed From Groups', type: 'string', list: true },
      { key: 'not_in_groups', label: 'Was Not in Groups', type: 'string', list: true },
      { key: 'was_in_any_group', label: 'Was in Any of the Groups', type: 'boolean' },
      { key: 'result_info', label: 'Result', type: 'string' },
    ],
  },
});
