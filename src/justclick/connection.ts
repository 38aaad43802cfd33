/**
 * JustClick Login as users paste it (docs/justclick.md, "Accounts and logins"): every account is served on
 * its own subdomain of justclick.ru (justclick.io for InfluencerSoft, JustClick's international
 * brand), and that subdomain is the login the API signs with. Also the credentials read from the
 * connection, and the connection test's call.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { AUTH_FIELDS, requirePair } from '../credentials';
import { callJustClick } from './client';
import { type JustClickCredentials, type JustClickDomain } from './types';
import { CREDENTIAL_CODES, justClickError, untrustedAnswerError } from './errors';
import { type Where } from '../common/failures';

/**
 * The domains JustClick serves accounts on: justclick.ru, and justclick.io for InfluencerSoft, its international brand.
 */
export const JUSTCLICK_DOMAINS: readonly JustClickDomain[] = ['justclick.ru', 'justclick.io'];

// A subdomain: letters, digits and inner hyphens, at most 63 characters (RFC 1035).
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * What users paste as JustClick Login: the login itself (`myshop`), or the account's address
 * (`https://MyShop.justclick.ru/`, with or without a path). Returns the login (a host name is
 * case-insensitive, so it is lower-cased) or why the text cannot be one. The reason never repeats
 * the text, which may be a secret pasted into the wrong field.
 */
export function readJustClickLogin(typed: string): { login: string; domain: JustClickDomain } | { problem: string } {
  const text = typed.trim().toLowerCase();
  if (text.includes('@')) return { problem: 'an e-mail address is not the login' };
  if (/\s/.test(text)) return { problem: 'a login has no spaces' };
  const address = /^(?:https?:\/\/)?([^/?#]*)(?:[/?#].*)?$/.exec(text);
  const host = /[./:]/.test(text) && address ? (address[1] ?? '') : undefined;
  if (host === undefined)
    return SUBDOMAIN.test(text)
      ? { login: text, domain: 'justclick.ru' }
      : { problem: 'a login has only Latin letters, digits and hyphens' };
  for (const domain of JUSTCLICK_DOMAINS) {
    if (!host.endsWith(`.${domain}`)) continue;
    const login = host.slice(0, -domain.length - 1);
    if (SUBDOMAIN.test(login) && login !== 'www') return { login, domain };
  }
  return { problem: "that is not the address of a JustClick account (the account's own subdomain of justclick.ru)" };
}

const JUSTCLICK_LOGIN_EXPECTED =
  'the first part of your JustClick address, e.g. myshop for myshop.justclick.ru (the whole address may be pasted)';

/** The JustClick pair of the connection, the login read from what was pasted. */
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

/**
 * Proves the login and key without touching any order. JustClick documents no read-only call in
 * its order API, so this sends UpdateOrderStatus with an empty order number: no order can match
 * it, so nothing changes, while JustClick still checks the login and the hash first (errors 4
 * and 5) and signs its refusal with the account's key. A refusal for the missing order number,
 * signed with the key, therefore proves both.
 */
export async function verifyJustClickCredentials(z: ZObject, credentials: JustClickCredentials): Promise<void> {
  const where: Where = {
    connectionTest: {
      advice:
        'The connection test changes no order in JustClick, so it is safe to test again in a few minutes. ' +
        `If this keeps happening, check JustClick Login: your account's address is the login followed by ` +
        `.${credentials.domain}, such as myshop.${credentials.domain}.`,
      code: 'JustClickConnectionTestFailed',
    },
  };
  const answer = await callJustClick(z, credentials, 'UpdateOrderStatus', [['bill_id', '']], { where });
  if (CREDENTIAL_CODES.has(answer.errorCode) || [1, 6, 7, 8].includes(answer.errorCode)) {
    throw justClickError(z, answer);
  }
  if (!answer.verified) throw untrustedAnswerError(z, where);
}
