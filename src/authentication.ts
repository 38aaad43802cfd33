/**
 * One connection for every service: each vendor's pair of fields is optional, at least one pair
 * must be complete, and the test checks every pair that is filled in without changing any data.
 * Signing happens in each vendor's client, not in middleware, because every vendor signs
 * differently (custom auth adds nothing to requests by itself).
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { connectionAbahaHeader } from './abaha/connection';
import { AUTH_FIELDS, hasAnyCredential } from './credentials';
import { requireJustClick, verifyJustClickCredentials } from './justclick/connection';
import { verifyMeasoftCredentials } from './measoft/connection';
import { requireRlab, rlabConnectionInfo, type RlabConnectionInfo } from './rlab/connection';

/** What the connection test finds; it feeds the connection label. */
export type ConnectionInfo = { justclick_login: string | null } & {
  [K in keyof RlabConnectionInfo]: RlabConnectionInfo[K] | null;
} & {
  measoft_login: string | null;
  measoft_extra: string | null;
  abaha_header_name: string | null;
};

export const test = async (z: ZObject, bundle: Bundle): Promise<ConnectionInfo> => {
  const info: ConnectionInfo = {
    justclick_login: null,
    rlab_user_id: null,
    rlab_balance: null,
    rlab_paid_until: null,
    rlab_expired: null,
    rlab_tariff: null,
    measoft_login: null,
    measoft_extra: null,
    abaha_header_name: null,
  };
  // A pair filled in halfway is a mistake worth stopping for: requireJustClick / requireRlab below
  // name the missing field, rather than the connection silently leaving that service out.
  const justClick = hasAnyCredential(bundle.authData, 'justclick');
  const rlab = hasAnyCredential(bundle.authData, 'rlab');
  const measoft = hasAnyCredential(bundle.authData, 'measoft');
  const abaha = hasAnyCredential(bundle.authData, 'abaha');
  if (!justClick && !rlab && !measoft && !abaha) {
    throw new z.errors.Error(
      `Fill in at least one service: ${AUTH_FIELDS.justclick_login} and ${AUTH_FIELDS.justclick_secret} for ` +
        'JustClick, ' +
        `or ${AUTH_FIELDS.rlab_user_id} and ${AUTH_FIELDS.rlab_api_key} for R-Lab / DeliveryCRM, ` +
        `or ${AUTH_FIELDS.measoft_login}, ${AUTH_FIELDS.measoft_password} and ${AUTH_FIELDS.measoft_extra} ` +
        'for MeaSoft, ' +
        `or ${AUTH_FIELDS.abaha_header_name} and ${AUTH_FIELDS.abaha_header_value} for Abaha.`,
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
  if (measoft) Object.assign(info, await verifyMeasoftCredentials(z, bundle));
  // Abaha has no API to ask: the pair is only checked to be complete.
  if (abaha) info.abaha_header_name = connectionAbahaHeader(z, bundle)?.name ?? null;
  return info;
};

/**
 * "JustClick username · R-Lab user 1 (balance 384 tracks, paid until 13.04.2015)": the accounts this connection
 * reaches.
 */
export const connectionLabel = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const info = bundle.inputData as Partial<ConnectionInfo>;
  const parts: string[] = [];
  if (info.justclick_login) parts.push(`JustClick ${info.justclick_login}`);
  if (info.rlab_user_id)
    parts.push(`R-Lab user ${info.rlab_user_id}${info.rlab_tariff ? ` (${info.rlab_tariff})` : ''}`);
  if (info.measoft_login) parts.push(`MeaSoft ${info.measoft_login} (courier service ${info.measoft_extra})`);
  if (info.abaha_header_name) parts.push(`Abaha header ${info.abaha_header_name}`);
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
        'The login of your [JustClick account](https://justclick.ru/): the first part of the address you ' +
        'open it at, e.g. `myshop` for myshop.justclick.ru ' +
        '(not your e-mail). You may paste the address itself, such as `https://myshop.justclick.ru/`; an ' +
        'InfluencerSoft ' +
        `address (myshop.justclick.io) works too. ${pairHelp} JustClick.`,
    },
    {
      key: 'justclick_secret',
      label: AUTH_FIELDS.justclick_secret,
      required: false,
      type: 'password',
      helpText:
        'In your JustClick account open **API** (bottom right of the account pages) and copy the ' +
        '**Ключ API** (API key). ' +
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
      helpText:
        'The API key shown next to your user ID in your ' +
        '[DeliveryCRM profile](https://deliverycrm.ru/client/profile/index).',
    },
    {
      key: 'measoft_login',
      label: AUTH_FIELDS.measoft_login,
      required: false,
      type: 'string',
      helpText:
        'The login of your client account with your courier service, which runs on MeaSoft: your courier ' +
        'service issues it ' +
        '(the same login you use in its client area at [home.courierexe.ru](https://home.courierexe.ru)). ' +
        'Needed for Find, Create and Cancel MeaSoft Courier Order and for New MeaSoft Order Status ' +
        `(Polling). ${pairHelp} MeaSoft's API (leave all three empty).`,
    },
    {
      key: 'measoft_password',
      label: AUTH_FIELDS.measoft_password,
      required: false,
      type: 'password',
      helpText:
        'The password that goes with the MeaSoft Login (the one you sign in with at ' +
        '[home.courierexe.ru](https://home.courierexe.ru)); your courier service issues it.',
    },
    {
      key: 'measoft_extra',
      label: AUTH_FIELDS.measoft_extra,
      required: false,
      type: 'string',
      helpText:
        "Your courier service's code in MeaSoft (a number such as `8`, the `extra` of " +
        "[MeaSoft's API](https://wiki.courierexe.ru/index.php/API_Documentation)). " +
        'Ask your courier service for it; it is issued together with the login.',
    },
    {
      key: 'abaha_header_name',
      label: AUTH_FIELDS.abaha_header_name,
      required: false,
      type: 'string',
      helpText:
        "Optional. The header **Key** you typed under **Thông tin header** in Abaha's webhook settings " +
        '([how to set up an Abaha webhook]' +
        '(https://tailieu.abaha.vn/quan-ly-modules/cua-hang/cau-hinh-cua-hang/tai-lieu-webhook)), ' +
        'e.g. `X-Shop-Token`. ' +
        'The Abaha triggers check it when their own Secret Header fields are empty. Abaha has no API to ' +
        'check it against, so the connection test only checks that both Abaha fields are filled in.',
    },
    {
      key: 'abaha_header_value',
      label: AUTH_FIELDS.abaha_header_value,
      required: false,
      type: 'password',
      helpText:
        "Optional. The header **Value** you typed next to that Key in Abaha's webhook settings " +
        '([Cấu hình webhook]' +
        '(https://tailieu.abaha.vn/quan-ly-modules/cua-hang/cau-hinh-cua-hang/tai-lieu-webhook)).',
    },
  ],
  test,
  connectionLabel,
} satisfies Authentication;
