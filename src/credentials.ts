import type { Bundle, ZObject } from 'zapier-platform-core';
import { missingCredentials } from './common/errors';
import { readText } from './common/input';

/**
 * The shared connection's field table, read by every vendor's connection.ts (require<Vendor>). Imports
 * nothing above src/common/. MeaSoft's credentials still live here until its folder takes the shape
 * of the others (measoft/connection.ts).
 */

/**
 * The shared connection's fields. The keys are a public contract (other tools rely on them);
 * each service needs its own pair, and a connection may carry one pair or both.
 */
export const AUTH_FIELDS = {
  justclick_login: 'JustClick Login',
  justclick_secret: 'JustClick API Key',
  rlab_user_id: 'R-Lab User ID',
  rlab_api_key: 'R-Lab API Key',
  measoft_login: 'MeaSoft Login',
  measoft_password: 'MeaSoft Password',
  measoft_extra: 'MeaSoft Courier Service Code',
  abaha_header_name: 'Abaha Secret Header Key',
  abaha_header_value: 'Abaha Secret Header Value',
} as const;

export type AuthFieldKey = keyof typeof AUTH_FIELDS;

export interface MeasoftCredentials {
  login: string;
  password: string;
  /** The courier service's code (`extra` in MeaSoft's `<auth>`). */
  extra: string;
}

export const SERVICES = {
  justclick: { name: 'JustClick', keys: ['justclick_login', 'justclick_secret'] },
  rlab: { name: 'R-Lab / DeliveryCRM', keys: ['rlab_user_id', 'rlab_api_key'] },
  measoft: { name: 'MeaSoft', keys: ['measoft_login', 'measoft_password', 'measoft_extra'] },
  abaha: { name: 'Abaha', keys: ['abaha_header_name', 'abaha_header_value'] },
} as const;

export type Service = keyof typeof SERVICES;

const value = (authData: Bundle['authData'], key: AuthFieldKey): string => readText(authData[key]);

/** True when at least one field of the service's pair is filled in. */
export function hasAnyCredential(authData: Bundle['authData'], service: Service): boolean {
  return SERVICES[service].keys.some((key) => value(authData, key) !== '');
}

/** The values of the service's fields, in its order; names the empty fields when one is missing. */
export function requirePair(z: ZObject, authData: Bundle['authData'], service: Service): string[] {
  const { name, keys } = SERVICES[service];
  const missing = keys.filter((key) => value(authData, key) === '');
  if (missing.length > 0)
    throw missingCredentials(
      z,
      name,
      missing.map((key) => AUTH_FIELDS[key]),
    );
  return keys.map((key) => value(authData, key));
}

export function requireMeasoft(z: ZObject, bundle: Pick<Bundle, 'authData'>): MeasoftCredentials {
  const [login, password, extra] = requirePair(z, bundle.authData, 'measoft') as [string, string, string];
  return { login, password, extra };
}
