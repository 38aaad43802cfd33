/**
 * The one place where connection secrets are taken out of a vendor's text (an error text, an echo of
 * the request, an unreadable answer) before that text reaches a message, a log line or an output.
 * Vendors quote what they were sent in whatever encoding they received or re-encode it: raw, inside
 * XML (`&amp;`, `&quot;`, `&#38;`, `&#x26;`), percent-encoded (`%26`, `%2f` or `%2F`, `+` for a
 * space) or JSON-escaped (`\"`, `\u0026`). Each character of a secret is matched in any of these
 * forms, so mixed forms (an XML-escaped text inside a URL-encoded one's character set) are found too.
 */

/** Shorter values are left alone: a four-digit user ID would blank out ordinary numbers. */
export const MIN_SECRET_LENGTH = 4;

export const HIDDEN = '[hidden]';

const XML_NAMED: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
const JSON_SHORT: Readonly<Record<string, string>> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\/',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t',
  '\b': '\\\\b',
  '\f': '\\\\f',
};

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

/** Every form one character (a code point) of a secret may take in a vendor's text, as a regex group. */
function characterForms(char: string): string {
  const code = char.codePointAt(0)!;
  const forms = new Set<string>();
  // Numeric character references, decimal or hex, any case, with leading zeros.
  forms.add(`&#0*${code};`);
  forms.add(`&#[xX]0*${hex(code, 1).replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`)};`);
  if (XML_NAMED[char]) forms.add(`&${XML_NAMED[char]};`);
  // Percent-encoding of its UTF-8 bytes, either case; a space also as `+` (form encoding).
  const bytes = [...Buffer.from(char, 'utf8')]
    .map((byte) => `%${hex(byte, 2).replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`)}`)
    .join('');
  forms.add(bytes);
  if (char === ' ') forms.add('\\+');
  // JSON escapes: \uXXXX (UTF-16 units, either case) and the short ones.
  const units = char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [code];
  forms.add(units.map((unit) => `\\\\u${hex(unit, 4).replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`)}`).join(''));
  if (JSON_SHORT[char]) forms.add(JSON_SHORT[char]);
  // The character itself last: the longer escapes starting with `&`, `%` or `\` are tried first.
  forms.add(escapeRegExp(char));
  return `(?:${[...forms].join('|')})`;
}

/** A pattern matching the secret in any of the forms above, or null for a value too short to hide. */
function secretPattern(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return null;
  return [...secret].map(characterForms).join('');
}

/**
 * The text with every form of every secret replaced by "[hidden]". The longest secrets go first, so
 * a secret that contains another is hidden whole.
 */
export function hideSecrets(text: string, secrets: ReadonlyArray<string | undefined | null>): string {
  const patterns = [...new Set(secrets.filter((s): s is string => typeof s === 'string'))]
    .sort((a, b) => b.length - a.length)
    .map(secretPattern)
    .filter((pattern): pattern is string => pattern !== null);
  if (patterns.length === 0 || text === '') return text;
  return text.replace(new RegExp(patterns.join('|'), 'g'), HIDDEN);
}
