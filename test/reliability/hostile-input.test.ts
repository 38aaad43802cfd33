/**
 * Hostile input, property-based (fast-check, fixed seeds): the MeaSoft XML parser, the Abaha JSON
 * reader, the shared webhook helpers and the PHP-style encoder get arbitrary strings and structures
 * (XML-ish token soup, generated XML trees and JSON documents with __proto__ / constructor /
 * prototype at any depth). Each run must end with a result or the documented error type
 * (PayloadError for the parsers, TypeError for a number PHP cannot write), within a time box, and
 * leave every built-in prototype as it was. Then the classic attacks, each refused within 1 s with
 * its message: entity expansion, external entities (file and http, with a real server proving
 * nothing is fetched), and 100,000-deep documents.
 *
 * Already proven elsewhere, not repeated: the DOCTYPE/XXE/billion-laughs/__proto__ refusals of the
 * trigger with their exact messages (test/measoft/order-status.test.ts), the same for Abaha keys
 * and the 120-deep parsed body (test/abaha/triggers.test.ts), byte equality with PHP's own
 * http_build_query over 400 generated inputs (test/common/php-query.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import zapier, { type ZObject } from 'zapier-platform-core';
import { parseAbahaEvent, readAbahaPayload } from '../../src/abaha/read-event';
import type { AbahaKind } from '../../src/abaha/types';
import { httpBuildQuery, phpUrlencode, type PhpQueryParams, type PhpQueryValue } from '../../src/common/php-query';
import {
  assertWithinLimit,
  checkSecretHeader,
  decimal,
  findHeader,
  PayloadError,
  rawBody,
  sniffFormat,
} from '../../src/common/webhook';
import { parseMeasoftOrder } from '../../src/measoft/read-order';
import { cpuNow } from '../support/cpu-time';

const SEED = 20261123;
const RUNS = 300;
/** The most CPU time one run may take: far above a normal parse (under 5 ms), far below a hang. */
const RUN_BUDGET_MS = 1000;
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;

// ---------------------------------------------------------------------------------------------
// What every run must leave untouched, and how it may end.

const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};
const prototypeKeys = () =>
  Object.fromEntries(
    Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]),
  );
const BASELINE = prototypeKeys();

function assertNoPollution(): void {
  expect(prototypeKeys()).toEqual(BASELINE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

type Outcome<T> = { value: T } | { error: Error };

/** Runs one input: a result or an error of the allowed type (anything else fails the property), timed and checked for pollution. */
function within<T>(allowed: new (...args: never[]) => Error, run: () => T): Outcome<T> {
  const started = cpuNow();
  let outcome: Outcome<T>;
  try {
    outcome = { value: run() };
  } catch (error) {
    if (!(error instanceof allowed)) throw error;
    expect((error as Error).message.length).toBeGreaterThan(0);
    outcome = { error: error as Error };
  }
  expect(cpuNow() - started).toBeLessThan(RUN_BUDGET_MS);
  assertNoPollution();
  return outcome;
}

const check = <T extends unknown[]>(property: fc.IProperty<T>) => fc.assert(property, { seed: SEED, numRuns: RUNS });

/** Strings of every kind: ASCII, any UTF-16 unit (lone surrogates included), Cyrillic and Vietnamese. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '<',
      '>',
      '&',
      ';',
      '"',
      "'",
      '=',
      '/',
      '!',
      '?',
      '[',
      ']',
      '{',
      '}',
      ':',
      ',',
      'Д',
      'ư',
      ' ',
      '\n',
      '\0',
      '\uFEFF',
    ),
    maxLength: 200,
  }),
);

// ---------------------------------------------------------------------------------------------
// MeaSoft XML

const XML_TOKENS = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<order>',
  '<order orderno="1">',
  '</order>',
  '<status>',
  '</status>',
  'NEW',
  '<item/>',
  '<',
  '>',
  '/>',
  '</',
  '="x"',
  ' a="1"',
  " b='2'",
  '<!DOCTYPE order [',
  ']>',
  '<!ENTITY x "y">',
  '<!ENTITY % p SYSTEM "file:///etc/passwd">',
  '&x;',
  '&amp;',
  '&#x41;',
  '&#0;',
  '&#x110000;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?pi x?>',
  '<__proto__>',
  '<a constructor="1">',
  '<prototype/>',
  '<toString/>',
  'Доставлен',
  ' \n\t',
  '\0',
  '\uFEFF',
  '&',
  '"',
  "'",
];
const xmlSoup = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...XML_TOKENS) }, { weight: 1, arbitrary: anyText }), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

type XmlNode = { name: string; attributes: Array<[string, string]>; children: Array<XmlNode | string> };

const SAFE_NAMES = [
  'order',
  'status',
  'item',
  'items',
  'statushistory',
  'package',
  'a',
  'b',
  'x-y',
  'ns:tag',
  '_u',
  'Ж',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const xmlName = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...SAFE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN) },
);
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text as XML allows it (no control characters, no lone surrogates), escaped, or an entity / CDATA token as written. */
const xmlText = fc.oneof(
  fc
    .string({ unit: 'grapheme', maxLength: 20 })
    .map((text) => escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))),
  fc.constantFrom(
    '&amp;',
    '&lt;',
    '&#x41;',
    '&#1044;',
    '&nbsp;',
    '&lol;',
    ' \n  ',
    'Доставлен',
    '<![CDATA[<x>&amp;]]>',
  ),
);
const xmlTree = fc.letrec<{ node: XmlNode }>((tie) => ({
  node: fc.record({
    name: xmlName,
    // "<" is not allowed in an attribute value, so no CDATA there.
    attributes: fc.uniqueArray(
      fc.tuple(
        xmlName,
        xmlText.filter((value) => !value.includes('<')),
      ),
      { selector: ([name]) => name, maxLength: 3 },
    ),
    children: fc.array(fc.oneof({ depthSize: 'small', maxDepth: 4 }, xmlText, tie('node')), { maxLength: 4 }),
  }),
})).node;

const serialize = (node: XmlNode | string): string =>
  typeof node === 'string'
    ? node
    : `<${node.name}${node.attributes.map(([name, value]) => ` ${name}="${value}"`).join('')}>${node.children.map(serialize).join('')}</${node.name}>`;
const namesIn = (node: XmlNode | string): string[] =>
  typeof node === 'string'
    ? []
    : [node.name, ...node.attributes.map(([name]) => name), ...node.children.flatMap(namesIn)];

describe('MeaSoft XML parser (parseMeasoftOrder) under hostile input', () => {
  it('arbitrary strings: an order or a PayloadError, quickly, nothing polluted', () => {
    check(fc.property(anyText, (text) => void within(PayloadError, () => parseMeasoftOrder(text))));
  });

  it('XML-ish token soup (DOCTYPE, entities, CDATA, comments, forbidden names): an order or a PayloadError', () => {
    check(fc.property(xmlSoup, (text) => void within(PayloadError, () => parseMeasoftOrder(text))));
  });

  it('well-formed trees: refused exactly when a forbidden name occurs, else read (or refused for a missing <status>)', () => {
    check(
      fc.property(
        fc.array(xmlTree, { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (children, withStatus, withDeclaration) => {
          const order: XmlNode = {
            name: 'order',
            attributes: [['orderno', '0001']],
            children: withStatus ? [...children, { name: 'status', attributes: [], children: ['NEW'] }] : children,
          };
          const xml = `${withDeclaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}${serialize(order)}`;
          const outcome = within(PayloadError, () => parseMeasoftOrder(xml));
          const forbidden = namesIn(order).find((name) => (FORBIDDEN as readonly string[]).includes(name));
          if (forbidden !== undefined) {
            expect('error' in outcome && outcome.error.message).toMatch(
              /^the XML has an (element|attribute) named "(__proto__|constructor|prototype)", which is not allowed/,
            );
          } else if ('error' in outcome) {
            // Only a missing top-level <status> may refuse a clean tree (a generated child can be one).
            expect(outcome.error.message).toBe(
              'the <order> has no <status> element, so there is no status change to report.',
            );
            expect(children.some((child) => child.name === 'status')).toBe(false);
          } else {
            expect(outcome.value.orderno).toBe('0001');
            expect(outcome.value.id).toMatch(/^0001:/);
          }
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Abaha JSON

/** A JSON document as a tree, so keys such as "__proto__" are written as text (never assigned to an object here). */
type JsonTree = null | boolean | number | string | JsonTree[] | { pairs: Array<[string, JsonTree]> };

const jsonKey = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'cart_code',
      'product_code',
      'user_id',
      'id',
      'modified',
      'querystring',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__defineSetter__',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN) },
);
const jsonTree = fc.letrec<{ value: JsonTree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(jsonKey, tie('value')), { maxLength: 5 }).map((pairs) => ({ pairs })),
  ),
})).value;
const kindKey = fc.constantFrom('cart_code', 'product_code', 'user_id');
/** Mostly objects at the top, as Abaha sends, half of them carrying a kind's key. */
const jsonDocument = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.tuple(jsonKey, jsonTree), { maxLength: 6 }).map((pairs): JsonTree => ({ pairs })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(kindKey, fc.string({ maxLength: 8 }), fc.array(fc.tuple(jsonKey, jsonTree), { maxLength: 6 }))
      .map(([key, id, pairs]): JsonTree => ({ pairs: [[key, id], ...pairs] })),
  },
  { weight: 1, arbitrary: jsonTree },
);

const toJson = (tree: JsonTree): string => {
  if (Array.isArray(tree)) return `[${tree.map(toJson).join(',')}]`;
  if (tree !== null && typeof tree === 'object')
    return `{${tree.pairs.map(([key, value]) => `${JSON.stringify(key)}:${toJson(value)}`).join(',')}}`;
  return JSON.stringify(tree);
};
const keysIn = (tree: JsonTree): string[] =>
  Array.isArray(tree)
    ? tree.flatMap(keysIn)
    : tree !== null && typeof tree === 'object'
      ? tree.pairs.flatMap(([key, value]) => [key, ...keysIn(value)])
      : [];
const isObject = (tree: JsonTree) => tree !== null && typeof tree === 'object' && !Array.isArray(tree);
const KEY_REFUSED = /^the JSON has a key named "(__proto__|constructor|prototype)", which is not allowed/;

describe('Abaha JSON reader (readAbahaPayload / parseAbahaEvent) under hostile input', () => {
  it('arbitrary strings: an object or a PayloadError, quickly, nothing polluted', () => {
    check(
      fc.property(anyText, (text) => {
        const outcome = within(PayloadError, () => readAbahaPayload(text));
        if ('value' in outcome) expect(Object.getPrototypeOf(outcome.value)).toBe(Object.prototype);
      }),
    );
  });

  it('JSON with __proto__ / constructor / prototype at any depth: refused exactly then, else read as JSON.parse reads it', () => {
    check(
      fc.property(jsonDocument, (tree) => {
        const text = toJson(tree);
        const outcome = within(PayloadError, () => readAbahaPayload(text));
        if (keysIn(tree).some((key) => (FORBIDDEN as readonly string[]).includes(key))) {
          expect('error' in outcome && outcome.error.message).toMatch(KEY_REFUSED);
        } else if (!isObject(tree)) {
          expect('error' in outcome && outcome.error.message).toMatch(/^the JSON is not an object/);
        } else {
          expect('value' in outcome && outcome.value).toEqual(JSON.parse(text));
        }
      }),
    );
  });

  it("the same documents as Zapier's parsed body (cleanedRequest, own __proto__ keys included): the same verdicts", () => {
    check(
      fc.property(jsonDocument, (tree) => {
        const parsed = JSON.parse(toJson(tree)) as unknown; // JSON.parse makes "__proto__" an own key, as Zapier's parse would
        const outcome = within(PayloadError, () => readAbahaPayload(undefined, parsed));
        const forbidden = keysIn(tree).some((key) => (FORBIDDEN as readonly string[]).includes(key));
        if (forbidden) expect('error' in outcome && outcome.error.message).toMatch(KEY_REFUSED);
        else expect('value' in outcome || !isObject(tree) || parsed === null).toBe(true);
      }),
    );
  });

  it('every trigger kind on every document: its event, null for another kind, or a PayloadError', () => {
    check(
      fc.property(jsonDocument, fc.constantFrom<AbahaKind>('order', 'product', 'customer'), (tree, kind) => {
        const outcome = within(PayloadError, () => parseAbahaEvent(kind, toJson(tree)));
        if ('value' in outcome && outcome.value !== null) {
          expect(outcome.value.id.startsWith(`${kind}:`)).toBe(true);
          expect(outcome.value.kind).toBe(kind);
        }
      }),
    );
  });

  it('anything at all as the parsed body: an object or a PayloadError', () => {
    check(
      fc.property(
        fc.anything({ maxDepth: 4 }),
        (value) => void within(PayloadError, () => readAbahaPayload(undefined, value)),
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Shared webhook helpers

/** Just what checkSecretHeader uses of z: Zapier's error classes. */
const z = { errors: zapier.errors } as unknown as ZObject;
const headerName = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'X-Shop-Token',
    'Http-X-Shop-Token',
    'http-x-shop_token',
    'x_shop_token',
    ' X-Shop-Token ',
    '__proto__',
    'constructor',
    'Content-Type',
  ),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 1 }),
);
const headers = fc.oneof(
  fc
    .array(fc.tuple(headerName, headerValue), { maxLength: 6 })
    .map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>),
  fc.constantFrom(undefined, null, 'text' as unknown as Record<string, unknown>),
);

describe('webhook helpers (src/common/webhook.ts) under hostile input', () => {
  it('findHeader: never throws; gives undefined or one of the values received', () => {
    check(
      fc.property(headers, headerName, (received, name) => {
        const found = within(Error, () => findHeader(received as Record<string, unknown> | undefined, name));
        expect('value' in found).toBe(true);
        const value = (found as { value: string | undefined }).value;
        if (value !== undefined) {
          const candidates = Object.values(received ?? {}).flatMap((item) =>
            Array.isArray(item) ? [item[0]] : [item],
          );
          expect(candidates).toContain(value);
        }
      }),
    );
  });

  it('checkSecretHeader: passes, halts or asks for the missing field, and never shows the expected value', () => {
    const secret = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }).map((tail) => `ZQ9-secret-${tail}`);
    check(
      fc.property(
        headers,
        headerName,
        fc.oneof(secret, fc.constantFrom('', ' ', undefined, null)),
        (received, name, value) => {
          let thrown: Error | undefined;
          try {
            checkSecretHeader(z, received as Record<string, unknown> | undefined, {
              name,
              value,
              nameLabel: 'Secret Header Key',
              valueLabel: 'Secret Header Value',
              senderSettings: 'Abaha',
            });
          } catch (error) {
            thrown = error as Error;
          }
          assertNoPollution();
          if (thrown === undefined) return;
          expect(['HaltedError', 'AppError']).toContain(thrown.name);
          const expected = typeof value === 'string' ? value.trim() : '';
          if (expected !== '') expect(thrown.message).not.toContain(expected);
        },
      ),
    );
  });

  it('sniffFormat, rawBody and assertWithinLimit: never throw for bodies under the limit', () => {
    check(
      fc.property(anyText, (text) => {
        within(Error, () => assertWithinLimit(text));
        expect(['empty', 'json', 'xml', 'other']).toContain(sniffFormat(text));
        expect(rawBody({ rawRequest: { content: text } } as never)).toBe(text);
      }),
    );
    check(
      fc.property(
        fc.anything({ maxDepth: 1 }),
        (content) => void within(Error, () => rawBody({ rawRequest: { content } } as never)),
      ),
    );
  });

  it('decimal: a finite number or null, whatever the text (money and counts become plain numbers)', () => {
    const numeric = fc.oneof(
      anyText,
      fc.double().map(String),
      fc
        .tuple(
          fc.constantFrom('', '-', '+'),
          fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-'), maxLength: 8 }),
          fc.integer({ min: 300, max: 400 }),
        )
        .map(([sign, digits, exponent]) => `${sign}${digits}e${exponent}`),
      fc.constantFrom('1e999', '-1e400', '9'.repeat(400), 'Infinity', 'NaN', '0x10', '1_000', ' 1 ', '١٢٣'),
    );
    check(
      fc.property(numeric, (text) => {
        const value = within(Error, () => decimal(text));
        const number = (value as { value: number | null }).value;
        if (number !== null) expect(Number.isFinite(number)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// PHP-style encoder

const wellFormed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }).filter((text) => text.isWellFormed()),
  fc.string({
    unit: fc.constantFrom('!', '*', "'", '(', ')', '~', '+', '&', '=', '%', '#', '[', ']', ' ', 'Д', 'ư', '📦', 'a'),
    maxLength: 16,
  }),
);
const phpKey = fc.oneof(
  { weight: 4, arbitrary: wellFormed },
  { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN, 'toString', '0', '1') },
);
const phpValue = fc.letrec<{ value: PhpQueryValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    wellFormed,
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.array(tie('value'), { maxLength: 3 }),
    // Object.fromEntries defines "__proto__" as an own key, as JSON.parse would.
    fc
      .array(fc.tuple(phpKey, tie('value')), { maxLength: 3 })
      .map((pairs) => Object.fromEntries(pairs) as PhpQueryValue),
  ),
})).value;
const phpParams = fc.array(fc.tuple(phpKey, phpValue), { maxLength: 5 });

/** The key path and text http_build_query writes for each leaf, worked out from the input independently. */
function leaves(key: string, value: PhpQueryValue): Array<[string, string]> | 'non-finite' {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite';
  if (typeof value !== 'object') return [[key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]];
  const out: Array<[string, string]> = [];
  for (const [sub, item] of Object.entries(value)) {
    const inner = leaves(`${key}[${sub}]`, item);
    if (inner === 'non-finite') return inner;
    out.push(...inner);
  }
  return out;
}

const urldecode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

describe('PHP-style encoder (httpBuildQuery / phpUrlencode) under hostile input', () => {
  it('phpUrlencode: only A-Z a-z 0-9 - _ . + and %XX come out, and they decode back to the input', () => {
    check(
      fc.property(wellFormed, (text) => {
        const encoded = phpUrlencode(text);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9_.+-]|%[0-9A-F]{2})*$/);
        expect(urldecode(encoded)).toBe(text);
      }),
    );
  });

  it('httpBuildQuery: every non-null leaf as one key=value pair in order, keys such as __proto__ included; TypeError only for NaN/Infinity', () => {
    check(
      fc.property(phpParams, (params) => {
        const expected = params.map(([key, value]) => leaves(key, value));
        const outcome = within(TypeError, () => httpBuildQuery(params as PhpQueryParams));
        if (expected.includes('non-finite')) {
          expect('error' in outcome && outcome.error.message).toMatch(
            /^http_build_query: (NaN|-?Infinity) has no PHP form$/,
          );
          return;
        }
        const query = (outcome as { value: string }).value;
        expect(query).toMatch(/^(?:(?:[A-Za-z0-9_.+-]|%[0-9A-F]{2})*=(?:[A-Za-z0-9_.+-]|%[0-9A-F]{2})*(?:&(?=.)|$))*$/);
        const pairs = query === '' ? [] : query.split('&').map((pair) => pair.split('=').map(urldecode));
        expect(pairs).toEqual((expected as Array<Array<[string, string]>>).flat());
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The classic attacks, each refused quickly with its message

/** Runs a parser on one attack; returns its PayloadError message and the CPU time it took. */
function refusal(run: () => unknown): { message: string; ms: number } {
  const started = cpuNow();
  try {
    run();
  } catch (error) {
    const ms = cpuNow() - started;
    if (!(error instanceof PayloadError)) throw error;
    assertNoPollution();
    return { message: error.message, ms };
  }
  throw new Error('expected the attack to be refused');
}

const DOCTYPE_REFUSED = 'the XML declares a DOCTYPE or entities, which MeaSoft never sends; it was not read.';

describe('entity expansion, external entities and deep nesting are refused within 1 s', () => {
  let server: Server;
  let fetched = 0;
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetched += 1;
      res.end('<!ENTITY leak "secret">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil.dtd`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('"billion laughs" (10 levels of 10 references, 10^10 expansions) and a quadratic blow-up', () => {
    const lol = Array.from({ length: 10 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');
    const laughs = `<?xml version="1.0"?><!DOCTYPE order [<!ENTITY lol0 "lol">${lol}]><order><status>&lol10;</status></order>`;
    const quadratic = `<!DOCTYPE order [<!ENTITY a "${'a'.repeat(100_000)}">]><order><status>${'&a;'.repeat(100_000)}</status></order>`;
    for (const xml of [laughs, quadratic]) {
      const { message, ms } = refusal(() => parseMeasoftOrder(xml));
      expect(message).toBe(DOCTYPE_REFUSED);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('external entities (SYSTEM file:///etc/passwd, an http URL, a parameter entity) are never fetched', async () => {
    const attacks = [
      '<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><order><status>&xxe;</status></order>',
      `<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "${url}">]><order><status>&xxe;</status></order>`,
      `<?xml version="1.0"?><!DOCTYPE order [<!ENTITY % dtd SYSTEM "${url}"> %dtd;]><order><status>&leak;</status></order>`,
      `<?xml version="1.0"?><!DOCTYPE order SYSTEM "${url}"><order><status>NEW</status></order>`,
      `<?xml version="1.0"?>\n<!doctype order PUBLIC "-//X//EN" "${url}">\n<order><status>NEW</status></order>`,
    ];
    for (const xml of attacks) {
      const { message, ms } = refusal(() => parseMeasoftOrder(xml));
      expect(message).toBe(DOCTYPE_REFUSED);
      expect(ms).toBeLessThan(1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toBe(0);
  });

  it('100,000 nested XML elements, closed or left open', () => {
    const n = 100_000;
    const closed = refusal(() =>
      parseMeasoftOrder(`<order>${'<a>'.repeat(n)}${'</a>'.repeat(n)}<status>NEW</status></order>`),
    );
    expect(closed.message).toBe(
      'the XML could not be read: the elements are nested more than 256 deep (line 1, column 773).',
    );
    const open = refusal(() => parseMeasoftOrder(`<order>${'<a>'.repeat(n)}<status>NEW</status></order>`));
    // The depth bound is met before the end of the document, as in libxml2.
    expect(open.message).toBe(closed.message);
    expect(Math.max(closed.ms, open.ms)).toBeLessThan(1000);
  });

  it('100,000 nested JSON arrays or objects, as Abaha body text or as Zapier’s parsed body: the same clear message', () => {
    const n = 100_000;
    let parsed: unknown = 1;
    for (let i = 0; i < n; i += 1) parsed = [parsed];
    const attacks = [
      () => readAbahaPayload(`{"cart_code":"1","x":${'['.repeat(n)}${']'.repeat(n)}}`),
      () => readAbahaPayload(`{"cart_code":"1","x":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      () => readAbahaPayload(undefined, { cart_code: '1', x: parsed }),
    ];
    for (const attack of attacks) {
      const { message, ms } = refusal(attack);
      expect(message).toBe('the JSON is nested more than 100 levels deep.');
      expect(ms).toBeLessThan(1000);
    }
  });
});
