/**
 * JustClick Login as users paste it (docs/justclick.md, "Accounts and logins"): every account is served on
 * its own subdomain of justclick.ru (justclick.io for InfluencerSoft, JustClick's international
 * brand), and that subdomain is the login the API signs with.
 */

/**
 * The domains JustClick serves accounts on: justclick.ru, and justclick.io for InfluencerSoft, its international brand.
 */
export const JUSTCLICK_DOMAINS = ['justclick.ru', 'justclick.io'] as const;
export type JustClickDomain = (typeof JUSTCLICK_DOMAINS)[number];

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
