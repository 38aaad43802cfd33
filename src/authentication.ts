/**
 * One connection for every service: each vendor's pair of fields is optional, at least one pair
 * must be complete, and the test checks every pair that is filled in without changing any data.
 * Signing happens in each vendor's client, not in middleware, because every vendor signs
 * differently (custom auth adds nothing to requests by itself).
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { AUTH_FIELDS, hasAnyCredential, requireJustClick, requireRlab } from './credentials';
import { verifyJustClickCredentials } from './justclick/client';
import { rlabConnectionInfo, type RlabConnectionInfo } from './rlab/connection';

/** What the connection test finds; it feeds the connection label. */
export type ConnectionInfo = { justclick_login: string | null } & { [K in keyof RlabConnectionInfo]: RlabConnectionInfo[K] | null };

export const test = async (z: ZObject, bundle: Bundle): Promise<ConnectionInfo> => {
  const info: ConnectionInfo = {
    justclick_login: null,
    rlab_user_id: null,
    rlab_balance: null,
    rlab_paid_until: null,
    rlab_expired: null,
    rlab_tariff: null,
  };
  // A pair filled in halfway is a mistake worth stopping for: requireJustClick / requireRlab below
  // name the missing field, rather than the connection silently leaving that service out.
  const justClick = hasAnyCredential(bundle.authData, 'justclick');
  const rlab = hasAnyCredential(bundle.authData, 'rlab');
  if (!justClick && !rlab) {
    throw new z.errors.Error(
      `Fill in at least one service: ${AUTH_FIELDS.justclick_login} and ${AUTH_FIELDS.justclick_secret} for JustClick, ` +
        `or ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} for R-Lab / DeliveryCRM.`,
      'MissingCredentials',
      401,
    );
  }
  if (justClick) {
    const credentials = requireJustClick(z, bundle);
    await verifyJustClickCredentials(z, credentials);
    info.justclick_login = credentials.login;
  }
  if (rlab) {
    // getuserinfo.ashx changes nothing; a wrong key comes back as an error naming both R-Lab fields.
    Object.assign(info, await rlabConnectionInfo(z, requireRlab(z, bundle)));
  }
  return info;
};

/** "JustClick username · R-Lab user 1 (balance 384 tracks, paid until 13.04.2015)": the accounts this connection reaches. */
export const connectionLabel = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const info = bundle.inputData as Partial<ConnectionInfo>;
  const parts: string[] = [];
  if (info.justclick_login) parts.push(`JustClick ${info.justclick_login}`);
  if (info.rlab_user_id) parts.push(`R-Lab user ${info.rlab_user_id}${info.rlab_tariff ? ` (${info.rlab_tariff})` : ''}`);
  return parts.join(' · ');
};

const pairHelp = 'Leave both empty if you do not use';

export default {
  type: 'custom',
  fields: [
    {
      key: 'justclick_login',
      label: AUTH_FIELDS.justclick_login,
      required: false,
      type: 'string',
      helpText:
        'The login of your JustClick account: the first part of its address, e.g. `myshop` for myshop.justclick.ru ' +
        '(not your e-mail). You may paste the address itself, such as `https://myshop.justclick.ru/`; an InfluencerSoft ' +
        `address (myshop.justclick.io) works too. ${pairHelp} JustClick.`,
    },
    {
      key: 'justclick_secret',
      label: AUTH_FIELDS.justclick_secret,
      required: false,
      type: 'password',
      helpText:
        'In your JustClick account open **API** (bottom right of the account pages) and copy the **Ключ API** (API key). ' +
        'See [JustClick API](https://justclick.ru/api/).',
    },
    {
      key: 'rlab_user_id',
      label: AUTH_FIELDS.rlab_user_id,
      required: false,
      type: 'string',
      helpText:
        'Your user ID, shown in your [DeliveryCRM profile](https://deliverycrm.ru/client/profile/index). ' +
        `The same account serves R-Lab and Strekoza. ${pairHelp} R-Lab / DeliveryCRM.`,
    },
    {
      key: 'rlab_api_key',
      label: AUTH_FIELDS.rlab_api_key,
      required: false,
      type: 'password',
      helpText: 'The API key shown next to your user ID in your [DeliveryCRM profile](https://deliverycrm.ru/client/profile/index).',
    },
  ],
  test,
  connectionLabel,
} satisfies Authentication;
