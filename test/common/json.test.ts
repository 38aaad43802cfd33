import {
  assertSafeJson,
  MAX_JSON_DEPTH,
  parseJsonSafely,
  isRecord,
  listOf,
  moneyOrNull,
  num,
  readJsonAnswer,
  records,
  str,
  textOrNull,
} from '../../src/common/json';
import { readWebhookBody } from '../../src/common/webhook';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseJsonSafely and assertSafeJson', () => {
  it('reads ordinary JSON', () => {
    expect(parseJsonSafely('{"a":[1,{"b":"c"}]}')).toEqual({ a: [1, { b: 'c' }] });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s, in text and in a parsed value', (key) => {
    const message = `the JSON has a key named "${key}", which is not allowed (it could tamper with the program's objects).`;
    expect(refusal(() => parseJsonSafely(`{"a":{"${key}":{"polluted":true}}}`))).toBe(message);
    expect(refusal(() => assertSafeJson(JSON.parse(`{"a":[{"${key}":1}]}`)))).toBe(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the bound before parsing, in text and in a parsed value', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJsonSafely(deep(MAX_JSON_DEPTH))).toBeDefined();
    expect(refusal(() => parseJsonSafely(deep(100_000)))).toBe(
      `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    );
    expect(refusal(() => assertSafeJson(JSON.parse(deep(MAX_JSON_DEPTH + 2))))).toBe(
      `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    );
    // Brackets inside strings do not count.
    expect(parseJsonSafely(`{"a":"${'['.repeat(500)}"}`)).toEqual({ a: '['.repeat(500) });
  });

  it('says why invalid JSON is not read', () => {
    expect(refusal(() => parseJsonSafely('{"a":'))).toMatch(/^the body is not valid JSON \(.+\)\.$/);
  });
});

describe('readWebhookBody', () => {
  const json = { service: 'Abaha', format: 'json', document: 'a JSON object' } as const;
  const xml = { service: 'MeaSoft', format: 'xml', document: 'an XML <order> document' } as const;

  it('drops a byte-order mark and keeps the rest as it came', () => {
    expect(readWebhookBody('\uFEFF{"a":1}', json)).toBe('{"a":1}');
    expect(readWebhookBody(' <order/>', xml)).toBe(' <order/>');
  });

  it('names what the sender sends when the body is empty, in the other format, or not XML at all', () => {
    expect(refusal(() => readWebhookBody('  ', json))).toBe('the body is empty; Abaha sends a JSON object.');
    expect(refusal(() => readWebhookBody('<order/>', json))).toBe(
      'the body is XML, but Abaha sends JSON. Is this the URL of another trigger?',
    );
    expect(refusal(() => readWebhookBody('{"a":1}', xml))).toBe(
      'the body is JSON, but MeaSoft sends XML. Is this the URL of another trigger?',
    );
    expect(refusal(() => readWebhookBody('hello', xml))).toBe(
      'the body is not XML; MeaSoft sends an XML <order> document.',
    );
  });

  it("refuses a body over Zapier's 10 MB", () => {
    expect(refusal(() => readWebhookBody(`{"a":"${'x'.repeat(10 * 1024 * 1024)}"}`, json))).toBe(
      'the body is larger than 10 MB, the most a Zapier webhook accepts.',
    );
  });
});

describe('readJsonAnswer (every vendor answer read as JSON)', () => {
  it('reads JSON, also after a UTF-8 byte order mark', () => {
    expect(readJsonAnswer('\uFEFF{"resultState":0}')).toEqual({ resultState: 0 });
  });

  it('gives undefined for text that is not JSON, or not safe to read', () => {
    expect(readJsonAnswer('<html>busy</html>')).toBeUndefined();
    expect(readJsonAnswer('{"__proto__":{"polluted":true}}')).toBeUndefined();
    expect(readJsonAnswer('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('value readers over parsed JSON', () => {
  it('tells objects from arrays and null', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
  });

  it('keeps a value of the expected type and nothing else', () => {
    expect(num(5)).toBe(5);
    expect(num('5')).toBeNull();
    expect(num(Number.NaN)).toBeNull();
    expect(str('a')).toBe('a');
    expect(str(1)).toBeNull();
    expect(records([{ a: 1 }, 2, null])).toEqual([{ a: 1 }]);
    expect(records({ a: 1 })).toEqual([{ a: 1 }]);
    expect(records('x')).toEqual([]);
  });

  it("reads PHP's lists and keyed arrays alike", () => {
    expect(listOf([1, 2])).toEqual([1, 2]);
    expect(listOf({ 0: 'a', 1: 'b' })).toEqual(['a', 'b']);
    expect(listOf('a')).toBeUndefined();
  });

  it('reads text and money as vendors send them', () => {
    expect(textOrNull('  x ')).toBe('x');
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(12)).toBe('12');
    expect(moneyOrNull('1 490,50')).toBe(1490.5);
    expect(moneyOrNull(1490)).toBe(1490);
    expect(moneyOrNull('12 рублей')).toBeNull();
  });
});
