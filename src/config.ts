/**
 * Every vendor address, in one place. Each can be overridden by an environment variable (a public
 * contract: the tests, the local sandbox and staging set them). Read at call time, not at load, so
 * a changed environment takes effect without reloading the app.
 */

const DEFAULTS = {
  JUSTCLICK_BASE_URL: 'https://{login}.justclick.ru',
  RLAB_BASE_URL: 'https://apilr2.r-lab.biz',
  // The backup address the R-Lab document names; it is plain http. Set RLAB_FALLBACK_URL to an
  // empty string to never send data there.
  RLAB_FALLBACK_URL: 'http://api-r-lab-b.1gb.ru',
  DELIVERYCRM_BASE_URL: 'https://api.deliverycrm.ru',
  RLAB_BLACKLIST_BASE_URL: 'https://black.r-lab.biz',
  MEASOFT_BASE_URL: 'https://home.courierexe.ru/api/',
} as const;

type BaseUrlName = keyof typeof DEFAULTS;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function baseUrl(name: BaseUrlName): string {
  const value = process.env[name];
  return trimSlash(value === undefined || value.trim() === '' ? DEFAULTS[name] : value.trim());
}

/**
 * JustClick serves each account on its own subdomain: `{login}` in the address is the login. An
 * account whose address the user pasted as myshop.justclick.io (InfluencerSoft, JustClick's
 * international brand) is reached there unless JUSTCLICK_BASE_URL says otherwise.
 */
export function justClickBaseUrl(login: string, domain = 'justclick.ru'): string {
  const set = (process.env.JUSTCLICK_BASE_URL ?? '').trim() !== '';
  const template = set ? baseUrl('JUSTCLICK_BASE_URL') : DEFAULTS.JUSTCLICK_BASE_URL.replace('justclick.ru', domain);
  return template.replace('{login}', encodeURIComponent(login));
}

export const rlabBaseUrl = (): string => baseUrl('RLAB_BASE_URL');

/** The R-Lab backup host, or null when RLAB_FALLBACK_URL is set to an empty string. */
export function rlabFallbackUrl(): string | null {
  const value = process.env.RLAB_FALLBACK_URL;
  if (value !== undefined && value.trim() === '') return null;
  return baseUrl('RLAB_FALLBACK_URL');
}

export const deliveryCrmBaseUrl = (): string => baseUrl('DELIVERYCRM_BASE_URL');

export const rlabBlacklistBaseUrl = (): string => baseUrl('RLAB_BLACKLIST_BASE_URL');

/** MeaSoft's XML API answers at its folder address, with the trailing slash. */
export const measoftApiUrl = (): string => `${baseUrl('MEASOFT_BASE_URL')}/`;
