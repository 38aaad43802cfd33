import fc from 'fast-check';
import { httpBuildQuery, phpUrlencode, type PhpQueryParams, type PhpQueryValue } from '../../src/common/php-query';
import { justClickRequestHash } from '../../src/justclick/signatures';
import { runPhp } from '../support/php';

describe('phpUrlencode', () => {
  it('keeps only A-Z a-z 0-9 - _ . and turns spaces into +', () => {
    expect(phpUrlencode('Az09-_.')).toBe('Az09-_.');
    expect(phpUrlencode("x y!*()~'")).toBe('x+y%21%2A%28%29%7E%27');
    expect(phpUrlencode('+&=%#/?')).toBe('%2B%26%3D%25%23%2F%3F');
  });

  it('encodes the UTF-8 bytes of Cyrillic and emoji in upper-case hex', () => {
    expect(phpUrlencode('Доставлен')).toBe('%D0%94%D0%BE%D1%81%D1%82%D0%B0%D0%B2%D0%BB%D0%B5%D0%BD');
    expect(phpUrlencode('📦')).toBe('%F0%9F%93%A6');
  });
});

describe('httpBuildQuery', () => {
  it('skips nulls, writes booleans as 1/0 and keeps the order given', () => {
    expect(
      httpBuildQuery([
        ['z', 'last?'],
        ['a', true],
        ['skip', null],
        ['b', false],
        ['n', 42],
        ['u', undefined],
        ['empty', ''],
      ]),
    ).toBe('z=last%3F&a=1&b=0&n=42&empty=');
  });

  it('writes nested arrays as PHP does (the DeliveryCRM tracks example, docs/rlab.md)', () => {
    const query = httpBuildQuery([['tracks', [{ track: '18112831338669' }, { track: 'BZXH10758710', service_id: 3 }]]]);
    expect(query).toBe(
      'tracks%5B0%5D%5Btrack%5D=18112831338669&tracks%5B1%5D%5Btrack%5D=BZXH10758710&tracks%5B1%5D%5Bservice_id%5D=3',
    );
  });

  it('refuses numbers PHP would write differently', () => {
    expect(() => httpBuildQuery([['n', Number.NaN]])).toThrow(/no PHP form/);
  });
});

/**
 * Differential test against real PHP (PHP 8.3 as WebAssembly, test/support/php.ts): a few hundred generated
 * parameter lists are encoded by PHP's http_build_query and hashed the JustClick way, and the
 * TypeScript results must be byte-identical.
 */
describe('byte-identical to PHP http_build_query', () => {
  const printable = fc.constantFrom(...'!*\'()~+&=%#[] ?/:;,"<>\\^`{|}@$'.split(''));
  const tricky = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => s.isWellFormed()),
    fc.string({
      unit: fc.oneof(printable, fc.constantFrom('Д', 'ё', 'Ж', 'ă', 'đ', 'ư', '📦', '🚚', ' ', 'a', '0')),
      maxLength: 40,
    }),
    fc.constant(''),
    fc.string({ minLength: 500, maxLength: 2000 }),
  );
  const scalar: fc.Arbitrary<PhpQueryValue> = fc.oneof(
    { weight: 6, arbitrary: tricky },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.integer({ min: -1e9, max: 1e9 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const value: fc.Arbitrary<PhpQueryValue> = fc.oneof(
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.dictionary(fc.constantFrom('track', 'service_id', 'имя'), scalar, { maxKeys: 2 }), {
        maxLength: 2,
      }),
    },
  );
  // Keys PHP keeps as given: no duplicates, and no integer-like strings (PHP would renumber those).
  const key = tricky.filter(
    (k) => k !== '' && !/^(0|-?[1-9]\d*)$/.test(k) && !k.includes('[') && !k.includes(']') && !k.includes('\0'),
  );
  const params = fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 6 });
  const secret = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 });

  const PHP = `<?php
    $cases = json_decode(file_get_contents('php://input'), true, 512, JSON_THROW_ON_ERROR);
    $out = [];
    foreach ($cases as $case) {
      $params = [];
      foreach ($case['params'] as [$k, $v]) { $params[$k] = $v; }
      $query = http_build_query($params);
      $out[] = ['query' => $query, 'hash' => md5("$query::{$case['login']}::{$case['secret']}")];
    }
    echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
  `;

  // The JustClick shapes: CreateOrder's goods[n][good_name]/[good_sum] (a list of records with
  // numbers and text), AddLeadToGroup's rid[n] (a list of texts) and utm[...] (a record of texts).
  const goodsLine = fc.record(
    {
      good_name: tricky,
      good_sum: fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.constant(null), fc.constantFrom(2490, 1990.5, 0.01)),
    },
    { requiredKeys: ['good_name'] },
  );
  const utm = fc.dictionary(
    fc.constantFrom('utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'),
    tricky,
    { maxKeys: 5 },
  );
  const justClickParams = fc
    .tuple(
      fc.array(goodsLine, { minLength: 1, maxLength: 4 }),
      fc.array(tricky, { minLength: 1, maxLength: 4 }),
      utm,
      tricky,
    )
    .map(([goods, rid, utmValues, email]): PhpQueryParams => [
      ['goods', goods],
      ['rid', rid],
      ['bill_email', email],
      ['utm', utmValues],
    ]);

  it('matches PHP for 300 generated JustClick shapes: goods[n][good_name]/[good_sum], rid[n], utm[...]', () => {
    const cases = fc.sample(
      fc.record({ params: justClickParams, login: fc.constantFrom('username', 'магазин'), secret }),
      {
        numRuns: 300,
        seed: 20261124,
      },
    );
    const expected = JSON.parse(runPhp(PHP, JSON.stringify(cases))) as Array<{ query: string; hash: string }>;
    expect(expected).toHaveLength(cases.length);
    cases.forEach((testCase, index) => {
      const query = httpBuildQuery(testCase.params as PhpQueryParams);
      expect({ query, hash: justClickRequestHash(query, testCase.login, testCase.secret) }).toEqual(expected[index]);
    });
    // The generator really produced the nested shapes (and floats PHP prints the same way).
    expect(
      cases.some((testCase) =>
        httpBuildQuery(testCase.params as PhpQueryParams).includes('goods%5B1%5D%5Bgood_sum%5D=1990.5'),
      ),
    ).toBe(true);
    expect(cases.some((testCase) => httpBuildQuery(testCase.params as PhpQueryParams).includes('rid%5B2%5D='))).toBe(
      true,
    );
  });

  it("matches PHP for 400 generated inputs: Cyrillic, emoji, spaces, !*'()~+&=%#, empty and long strings", () => {
    const cases = fc.sample(fc.record({ params, login: fc.constantFrom('username', 'shop-1', 'магазин'), secret }), {
      numRuns: 400,
      seed: 20261123,
    });
    const expected = JSON.parse(runPhp(PHP, JSON.stringify(cases))) as Array<{ query: string; hash: string }>;
    expect(expected).toHaveLength(cases.length);
    cases.forEach((testCase, index) => {
      const query = httpBuildQuery(testCase.params as PhpQueryParams);
      expect({ query, hash: justClickRequestHash(query, testCase.login, testCase.secret) }).toEqual(expected[index]);
    });
  });
});
