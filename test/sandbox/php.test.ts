/**
 * The emulators' PHP rules against real PHP: parse a body the way PHP fills $_POST, then
 * http_build_query it again (PHP 8.3 as WebAssembly, test/support/php.ts).
 */
import fc from 'fast-check';
import {
  parsePhpQuery,
  phpHttpBuildQuery,
  phpJsonEncode,
  phpUrldecode,
  phpUrlencode,
} from '../../sandbox/emulators/php';
import { runPhp } from '../support/php';

/** Re-encodes each body in real PHP (parse_str fills arrays with the same rules as $_POST). */
function phpReencode(bodies: string[]): string[] {
  const script =
    '<?php $in = json_decode(file_get_contents("php://input"), true); $out = [];' +
    'foreach ($in as $b) { parse_str(base64_decode($b), $v); $out[] = http_build_query($v); }' +
    'echo json_encode($out);';
  const input = JSON.stringify(bodies.map((body) => Buffer.from(body, 'latin1').toString('base64')));
  return JSON.parse(runPhp(script, input)) as string[];
}

const reencode = (body: string): string => phpHttpBuildQuery(parsePhpQuery(body));

describe('PHP rules of the emulators', () => {
  it('urlencode keeps only A-Z a-z 0-9 - _ . and writes a space as +', () => {
    expect(phpUrlencode("x y!*()~'")).toBe('x+y%21%2A%28%29%7E%27');
    expect(phpUrlencode(Buffer.from('Почта', 'utf8').toString('latin1'))).toBe('%D0%9F%D0%BE%D1%87%D1%82%D0%B0');
  });

  it('urldecode leaves broken escapes as they are', () => {
    expect(phpUrldecode('a+b%41%zz%4')).toBe('a bA%zz%4');
  });

  it('json_encode escapes non-ASCII and slashes by default', () => {
    expect(phpJsonEncode({ t: 'Нет/да' })).toBe('{"t":"\\u041d\\u0435\\u0442\\/\\u0434\\u0430"}');
  });

  it.each([
    ['bill_id=100000&status=sent', 'bill_id=100000&status=sent'],
    ['a[b=1', 'a_b=1'],
    ['a.b c=1', 'a_b_c=1'],
    ['a[]=1&a[]=2&a[5]=x&a[]=y', 'a%5B0%5D=1&a%5B1%5D=2&a%5B5%5D=x&a%5B6%5D=y'],
    ['a=1&a[x]=2', 'a%5Bx%5D=2'],
    ['a[x]=1&b=2&a[y]=3', 'a%5Bx%5D=1&a%5By%5D=3&b=2'],
    ['a[b][c=1&x=2', 'a%5Bb%5D=1&x=2'],
    ['=x&&a', 'a='],
    ['a%00b=1', 'a=1'],
    ['a[-3]=1&a[]=2', 'a%5B-3%5D=1&a%5B-2%5D=2'],
    ['%5Bx=1&a[ ]=2&a[ b]=3', 'a%5B0%5D=2&a%5B+b%5D=3'],
  ])('re-encodes %s as %s', (body, expected) => {
    expect(reencode(body)).toBe(expected);
  });

  it('matches real PHP on arbitrary bodies (differential, fast-check)', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      'bill_id',
      '[',
      ']',
      '[]',
      '.',
      ' ',
      '+',
      '%',
      '%2',
      '%41',
      '%5B',
      '%5D',
      '%00',
      '%D0%94',
      '=',
      '&',
      '!',
      '~',
      "'",
      '*',
      '0',
      '1',
      '-1',
      'д',
    );
    const body = fc
      .array(piece, { maxLength: 24 })
      .map((parts) => Buffer.from(parts.join(''), 'utf8').toString('latin1'));
    const samples = fc.sample(body, { numRuns: 400, seed: 20240520 });
    const expected = phpReencode(samples);
    samples.forEach((sample, index) => {
      expect({ sample, ours: reencode(sample) }).toEqual({ sample, ours: expected[index] });
    });
  });
});
