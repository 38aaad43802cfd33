import type { Bundle, ZObject } from 'zapier-platform-core';
import { invalidInput, missingCredentials } from './common/errors';
import { readText } from './common/input';
import { readJustClickLogin, type JustClickDomain } from './justclick/login';

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

export interface JustClickCredentials {
  /** The account's name: the subdomain of its address, in lower case. */
  login: string;
  secret: string;
  /** Where the account is served: the domain of a pasted address, justclick.ru otherwise. */
  domain: JustClickDomain;
}

export interface MeasoftCredentials {
  login: string;
  password: string;
  /** The courier service's code (`extra` in MeaSoft's `<auth>`). */
  extra: string;
}

export interface RlabCredentials {
  userId: string;
  apiKey: string;
}

const SERVICES = {
  justclick: { name: 'JustClick', keys: ['justclick_login', 'justclick_secret'] },
  rlab: { name: 'R-Lab / DeliveryCRM', keys: ['rlab_user_id', 'rlab_api_key'] },
  measoft: { name: 'MeaSoft', keys: ['measoft_login', 'measoft_password', 'measoft_extra'] },
  abaha: { name: 'Abaha', keys: ['abaha_header_name', 'abaha_header_value'] },
} as const;

type Service = keyof typeof SERVICES;

const value = (authData: Bundle['authData'], key: AuthFieldKey): string => readText(authData[key]);

/** True when at least one field of the service's pair is filled in. */
export function hasAnyCredential(authData: Bundle['authData'], service: Service): boolean {
  return SERVICES[service].keys.some((key) => value(authData, key) !== '');
}

function requirePair(z: ZObject, authData: Bundle['authData'], service: Service): string[] {
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

const JUSTCLICK_LOGIN_EXPECTED =
  'the first part of your JustClick address, e.g. myshop for myshop.justclick.ru (the whole address may be pasted)';

export function requireJustClick(z: ZObject, bundle: Pick<Bundle, 'authData'>): JustClickCredentials {
  const [typed, secret] = requirePair(z, bundle.authData, 'justclick') as [string, string];
  const reading = readJustClickLogin(typed);
  if ('problem' in reading)
    throw invalidInput(z, AUTH_FIELDS.justclick_login, `${JUSTCLICK_LOGIN_EXPECTED}; ${reading.problem}`);
  // A key pasted into both fields would otherwise travel in the host name, outside the encrypted body.
  if (reading.login === secret.toLowerCase()) {
    throw invalidInput(
      z,
      AUTH_FIELDS.justclick_login,
      `${JUSTCLICK_LOGIN_EXPECTED}; it holds the same value as ${AUTH_FIELDS.justclick_secret}`,
    );
  }
  return { ...reading, secret };
}

export function requireRlab(z: ZObject, bundle: Pick<Bundle, 'authData'>): RlabCredentials {
  const [userId, apiKey] = requirePair(z, bundle.authData, 'rlab') as [string, string];
  return { userId, apiKey };
}

export function requireMeasoft(z: ZObject, bundle: Pick<Bundle, 'authData'>): MeasoftCredentials {
  const [login, password, extra] = requirePair(z, bundle.authData, 'measoft') as [string, string, string];
  return { login, password, extra };
}

/** The connection's Abaha header pair, or null when both are empty (a half-filled pair is an error). */
export function connectionAbahaHeader(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
): { name: string; value: string } | null {
  // Static-webhook tests may run without a connection.
  const authData = bundle.authData ?? {};
  if (!hasAnyCredential(authData, 'abaha')) return null;
  const [name, value] = requirePair(z, authData, 'abaha') as [string, string];
  return { name, value };
}
