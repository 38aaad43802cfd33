/** The R-Lab part of the connection test: proves the pair and reads the balance and tariff. */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { requirePair } from '../credentials';
import { getUserInfo } from './client';
import type { RlabCredentials, RlabUserInfo } from './types';

export type RlabConnectionInfo = {
  rlab_user_id: string;
  /** Tracks left; null when unlimited. */
  rlab_balance: number | null;
  /** "dd.MM.yyyy" as R-Lab sends it; null when the tariff has no end date. */
  rlab_paid_until: string | null;
  rlab_expired: boolean;
  /** "balance 384 tracks, paid until 13.04.2015", for the connection label. */
  rlab_tariff: string;
};

export function describeTariff(info: RlabUserInfo): string {
  const balance = info.userBalanceUnlimited ? 'unlimited tracks' : `balance ${info.userBalance} tracks`;
  const date = info.userDateUnlimited
    ? 'no end date'
    : info.userExpired
      ? `tariff expired on ${info.userExpireDate}`
      : `paid until ${info.userExpireDate}`;
  return `${balance}, ${date}`;
}

export async function rlabConnectionInfo(z: ZObject, credentials: RlabCredentials): Promise<RlabConnectionInfo> {
  const info = await getUserInfo(z, credentials);
  return {
    rlab_user_id: credentials.userId,
    rlab_balance: info.userBalanceUnlimited ? null : info.userBalance,
    rlab_paid_until: info.userDateUnlimited ? null : info.userExpireDate,
    rlab_expired: info.userExpired,
    rlab_tariff: describeTariff(info),
  };
}

/** The R-Lab pair of the connection; names the empty fields when one is missing. */
export function requireRlab(z: ZObject, bundle: Pick<Bundle, 'authData'>): RlabCredentials {
  const [userId, apiKey] = requirePair(z, bundle.authData, 'rlab') as [string, string];
  return { userId, apiKey };
}
