/**
 * What Zapier's integration checks ask of every operation's output (docs/zapier-platform.md):
 * D012/D024, a static sample whose keys and types the outputFields describe; D023 (samples) and
 * T003 (live results), every date or time in ISO 8601, with a time zone whenever it has a time.
 * Nested keys use Zapier's notation: `parent__child` for objects, `parent[]child` for line items.
 */

/** Every leaf of an output as Zapier names it, with its value (line items: one entry per item). */
export function flattenOutput(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  if (Array.isArray(value)) {
    // A search's or trigger's result: each item is one output.
    if (prefix === '') return value.flatMap((item) => flattenOutput(item, ''));
    if (value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      return value.flatMap((item) => flattenOutput(item, `${prefix}[]`));
    }
    return [[prefix, value]];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 && prefix !== '') return [[prefix, value]];
  return entries.flatMap(([key, child]) =>
    flattenOutput(child, prefix === '' ? key : prefix.endsWith('[]') ? `${prefix}${key}` : `${prefix}__${key}`),
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Text that a reader (or Zapier's check) would take for a date or a time. */
const DATE_LIKE = [
  /^\d{4}-\d{1,2}-\d{1,2}(?!\d)/, // 2022-01-20, 2022-01-20 17:08:43, 2022-01-20T17:08:43
  /^\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/, // 13.04.2015, 08.06.2018 14:22:55
  /^\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/, // 04/13/2015
  /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}/i, // 01 Aug 2019
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i, // Thu, 01 Aug 2019 ...
  /^\d{4}\d{2}\d{2}T\d{2}/, // 20190801T0650
];

export const looksLikeDate = (text: string): boolean => DATE_LIKE.some((pattern) => pattern.test(text.trim()));

export const isIsoWithZone = (text: string): boolean => ISO_DATE.test(text) || ISO_DATE_TIME_WITH_ZONE.test(text);

/** Every value in an output that looks like a date but is not ISO 8601 with a zone, as "key: value". */
export function dateProblems(output: unknown): string[] {
  return flattenOutput(output).flatMap(([key, value]) => {
    const texts = Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : typeof value === 'string'
        ? [value]
        : [];
    return texts.filter((text) => looksLikeDate(text) && !isIsoWithZone(text)).map((text) => `${key}: ${text}`);
  });
}

export interface OutputFieldLike {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  list?: boolean;
}

const TYPE_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  text: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  datetime: (value) => typeof value === 'string' && isIsoWithZone(value),
};

/** What is wrong between a sample and its outputFields (D012, D024 and the editor's labels). */
export function sampleProblems(sample: unknown, outputFields: readonly OutputFieldLike[]): string[] {
  const problems: string[] = [];
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return ['the sample is not an object'];
  const fields = new Map(outputFields.map((field) => [field.key, field] as const));
  const leaves = flattenOutput(sample);
  const present = new Set(leaves.map(([key]) => key));
  for (const [key, value] of leaves) {
    const field = fields.get(key);
    if (!field) {
      problems.push(`${key}: in the sample but has no output field`);
      continue;
    }
    if (!field.label || field.label.trim() === '') problems.push(`${key}: output field has no label`);
    if (value === null || field.type === undefined) continue;
    const check = TYPE_CHECKS[field.type];
    const values = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && !field.list && value.length > 0)
      problems.push(`${key}: the sample holds a list, the output field is not a list`);
    if (check && !values.every(check))
      problems.push(`${key}: the sample's ${JSON.stringify(value)} is not of the output field's type ${field.type}`);
  }
  for (const field of outputFields) {
    if (field.required && !present.has(field.key))
      problems.push(`${field.key}: required output field missing from the sample`);
    if (!field.label || field.label.trim() === '') problems.push(`${field.key}: output field has no label`);
  }
  return [...new Set(problems)].concat(dateProblems(sample));
}

/**
 * Wraps an app tester so that every result it returns is checked against check T003 (live results:
 * dates in ISO 8601 with a zone); a date in another form fails the test that produced it.
 */
export function isoCheckedTester<T extends (...args: never[]) => Promise<unknown>>(tester: T): T {
  return (async (...args: Parameters<T>) => {
    const result = await tester(...args);
    const problems = dateProblems(result);
    if (problems.length > 0)
      throw new Error(`a live result has dates Zapier's check T003 refuses: ${problems.join('; ')}`);
    return result;
  }) as unknown as T;
}
