/**
 * Every visible operation of the app, read from the app definition itself, against Zapier's
 * checks D012/D023/D024: a sample, labelled outputFields of the sample's types for every key a
 * user would map, and ISO 8601 dates with a zone. A new operation is checked without being listed.
 */
import { createAppTester } from 'zapier-platform-core';
import App from '../src/index';
import {
  dateProblems,
  flattenOutput,
  isoCheckedTester,
  looksLikeDate,
  sampleProblems,
  type OutputFieldLike,
} from './support/output-shape';

type Operation = {
  key: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { sample?: unknown; outputFields?: unknown[] };
};

const groups = { trigger: App.triggers, search: App.searches, create: App.creates } as Record<
  string,
  Record<string, Operation> | undefined
>;
const visible = Object.entries(groups).flatMap(([kind, operations]) =>
  Object.values(operations ?? {})
    .filter((operation) => !operation.display.hidden)
    .map((operation) => [`${kind} ${operation.key}`, operation] as const),
);

describe('every operation’s sample and output fields', () => {
  it('covers every visible operation of the app', () => {
    expect(visible.length).toBeGreaterThanOrEqual(Object.keys(App.triggers ?? {}).length);
  });

  // The output fields as the editor gets them: core runs the operation's outputFields (functions
  // included, their results flattened in), as it does when Zapier asks for them. The tester finds
  // the array in the definition and runs it by its path.
  const appTester = createAppTester(App) as unknown as (method: unknown, bundle: object) => Promise<unknown>;

  it('keeps output fields behind functions: none is a plain object in the definition', () => {
    const plain = visible.flatMap(([name, operation]) =>
      (operation.operation.outputFields ?? []).some((field) => typeof field !== 'function') ? [name] : [],
    );
    expect(plain).toEqual([]);
  });

  it.each(visible)(
    '%s: sample keys labelled, types as declared, dates ISO 8601 with zone',
    async (_name, operation) => {
      const { sample, outputFields } = operation.operation;
      expect(sample).toBeDefined();
      const listed = (await appTester(outputFields, { authData: {}, inputData: {} })) as unknown[];
      const fields = listed.filter((field): field is OutputFieldLike => typeof field === 'object' && field !== null);
      expect(fields.length).toBeGreaterThan(0);
      expect(sampleProblems(sample, fields)).toEqual([]);
      const keys = fields.map((field) => field.key);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    },
  );
});

const SERVICES = ['MeaSoft', 'Abaha', 'JustClick', 'R-Lab', 'DeliveryCRM'];
// Short articles, conjunctions and prepositions stay lower case in Title Case ("Remove ... from Group").
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to']);

describe('labels and descriptions (Zapier style checks)', () => {
  const all = Object.entries(groups).flatMap(([kind, operations]) =>
    Object.values(operations ?? {}).map((operation) => [`${kind} ${operation.key}`, kind, operation] as const),
  );

  it.each(all)('%s: the label says which service it belongs to, in Title Case', (_name, _kind, operation) => {
    const { label } = operation.display;
    expect(SERVICES.some((service) => label.includes(service))).toBe(true);
    const words = label.replace(/[()]/g, '').split(' ');
    const lower = words.filter((word, index) => index > 0 && !SMALL_WORDS.has(word) && /^[a-z]/.test(word));
    expect(lower).toEqual([]);
    expect(label.length).toBeLessThanOrEqual(64);
  });

  it.each(all)('%s: the description starts the way Zapier asks and ends with a period', (_name, kind, operation) => {
    const { description } = operation.display;
    const start = kind === 'trigger' ? /^Triggers when / : kind === 'search' ? /^Finds / : /^[A-Z][a-z]+s /;
    expect(description).toMatch(start);
    expect(description).toMatch(/\.$/);
  });

  it('no two operations share a label', () => {
    const labels = all.map(([, , operation]) => operation.display.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('D002: every connection field’s help text links to where the value is found', () => {
    const fields = (App.authentication as { fields: Array<{ key: string; helpText?: string }> }).fields;
    const withoutLink = fields
      .filter((field) => !/\[[^\]]+\]\(https:\/\/[^)]+\)/.test(field.helpText ?? ''))
      .map((field) => field.key);
    expect(withoutLink).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('names the key of every problem it finds', () => {
    const sample = { a: 'x', b: 1, c: { d: '2022-01-20 17:08:43' }, e: [{ f: true }], g: null };
    const fields = [
      { key: 'a', label: 'A', type: 'number' },
      { key: 'b', label: '', type: 'integer' },
      { key: 'c__d', label: 'D', type: 'datetime' },
      { key: 'e[]f', label: 'F', type: 'boolean' },
      { key: 'h', label: 'H', type: 'string', required: true },
    ];
    expect(sampleProblems(sample, fields)).toEqual([
      'a: the sample\'s "x" is not of the output field\'s type number',
      'b: output field has no label',
      'c__d: the sample\'s "2022-01-20 17:08:43" is not of the output field\'s type datetime',
      'g: in the sample but has no output field',
      'h: required output field missing from the sample',
      'c__d: 2022-01-20 17:08:43',
    ]);
  });

  it('fails a live result (check T003) whose dates are not ISO 8601 with a zone, and passes one that is', async () => {
    const tester = isoCheckedTester(async (when: string) => [{ status: { eventtime_iso: when } }]);
    await expect(tester('2022-01-20T17:08:43')).rejects.toThrow(
      "a live result has dates Zapier's check T003 refuses: status__eventtime_iso: 2022-01-20T17:08:43",
    );
    await expect(tester('2022-01-20T17:08:43+03:00')).resolves.toEqual([
      { status: { eventtime_iso: '2022-01-20T17:08:43+03:00' } },
    ]);
  });

  it('flattens objects as parent__child and line items as parent[]child', () => {
    expect(flattenOutput({ a: { b: 1 }, c: [{ d: 2 }, { d: 3 }], e: [], f: ['x'] })).toEqual([
      ['a__b', 1],
      ['c[]d', 2],
      ['c[]d', 3],
      ['e', []],
      ['f', ['x']],
    ]);
  });

  it.each(['2022-01-20 17:08:43', '2022-01-20T17:08:43', '13.04.2015', '08.06.2018 14:22:55', '01 Aug 2019 06:50:30'])(
    'refuses %s as a date without ISO form or zone',
    (text) => {
      expect(looksLikeDate(text)).toBe(true);
      expect(dateProblems({ when: text })).toEqual([`when: ${text}`]);
    },
  );

  it.each([
    '2019-08-01',
    '2019-08-01T06:50:30-0500',
    '2022-01-20T17:08:43+03:00',
    '2022-01-20T14:08:43Z',
    '00032011',
    'RA644000886RU',
  ])('accepts %s', (text) => expect(dateProblems({ when: text })).toEqual([]));
});
