/**
 * The MeaSoft reader (well-formedness, element tree and MeaSoft's shape) takes time linear in the
 * body on adversarial shapes too: for each shape, a body 16 times larger may take less than 128 times
 * as long (linear is 16; quadratic is 256). The wide span keeps the verdict clear of what a loaded
 * 2-core machine, the garbage collector and caches do to a ratio; best of several runs per size,
 * and ratios of CPU time (what other processes do to the wall clock drops out), never absolute times.
 * Both bodies stay within the 10 MB a webhook may carry: a larger one is refused by its size before
 * it is read, and would say nothing about the reader.
 */
import { parseMeasoftOrder } from '../../src/measoft/read-order';
import { MAX_BODY_BYTES, PayloadError } from '../../src/common/webhook';
import { cpuNow } from '../support/cpu-time';

const STATUS = '<status>NEW</status>';
const order = (inner: string, attributes = '') => `<order orderno="1"${attributes}>${STATUS}${inner}</order>`;
const times = (n: number, make: (k: number) => string) => Array.from({ length: n }, (_, k) => make(k)).join('');

/** Each shape builds a body of about n units (a few bytes to a few dozen each). */
const SHAPES: Array<[string, (n: number) => string]> = [
  [
    'many attributes on one element',
    (n) =>
      order(
        '',
        times(n, (k) => ` a${k}="${k}"`),
      ),
  ],
  ['many attributes on one child', (n) => order(`<item${times(n, (k) => ` a${k}="1"`)}/>`)],
  [
    'many namespace declarations',
    (n) =>
      order(
        '',
        times(n, (k) => ` xmlns:p${k}="urn:p${k}"`),
      ),
  ],
  ['many sibling elements of one name', (n) => order(times(n, () => '<item code="1">x</item>'))],
  ['many sibling elements of different names', (n) => order(times(n, (k) => `<e${k}>x</e${k}>`))],
  [
    'many statuses in the history',
    (n) =>
      order(
        `<statushistory>${times(n, (k) => `<status eventtime="2024-01-01 10:00:00" title="t${k}">NEW</status>`)}</statushistory>`,
      ),
  ],
  ['a long element name', (n) => order(`<${'n'.repeat(20 * n)}>x</${'n'.repeat(20 * n)}>`)],
  ['a long attribute name and value', (n) => order(`<item ${'a'.repeat(10 * n)}="${'v'.repeat(10 * n)}"/>`)],
  ['long text', (n) => order(`<note>${'Доставлен '.repeat(2 * n)}</note>`)],
  ['text of references', (n) => order(`<note>${times(n, () => '&amp;&#1044;&#x44F;&nbsp;')}</note>`)],
  ['whitespace runs between words', (n) => order(`<note>${times(n, () => `x${' '.repeat(20)}`)}x</note>`)],
  ['one long whitespace run before a word', (n) => order(`<note>x${' '.repeat(20 * n)}x</note>`)],
  ['line ends and tabs in values', (n) => order(`<note v="${'\t\r\n'.repeat(5 * n)}">${'\r\n'.repeat(5 * n)}x</note>`)],
  [
    'many CDATA sections, comments and PIs among text',
    (n) => order(`<note>${times(n, () => 'a<![CDATA[<b>]]><!-- c --><?p q?>')}</note>`),
  ],
  [
    'a long comment and a long CDATA section',
    (n) => order(`<!--${'- '.repeat(10 * n)}--><note><![CDATA[${'] '.repeat(10 * n)}]]></note>`),
  ],
  ['markup-like text inside CDATA', (n) => order(`<note><![CDATA[${'<!DOCTYPE x><a b="1">'.repeat(n)}]]></note>`)],
  [
    'attributes whose names clash with suffixed keys',
    (n) => order(`<x${times(n, (k) => ` item_${k + 2}="1"`)}/>`, ' item="1"'),
  ],
  ['deep nesting, repeated', (n) => order(times(n / 200, () => `${'<a>'.repeat(200)}${'</a>'.repeat(200)}`))],
  // Refused documents must be refused as fast: the fault is found in the same single pass.
  ['a repeated attribute at the end of many', (n) => order('', `${times(n, (k) => ` a${k}="1"`)} a0="2"`)],
  ['an unclosed element after many', (n) => `<order>${STATUS}${times(n, () => '<item>x</item>')}<open>`],
];

function best(body: string, runs: number): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const start = cpuNow();
    try {
      parseMeasoftOrder(body);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
    }
    fastest = Math.min(fastest, cpuNow() - start);
  }
  return fastest;
}

describe('MeaSoft reader: linear time on adversarial shapes', () => {
  it.each(SHAPES)('%s: 16x the body takes at most 128x the time', (_shape, make) => {
    // 10,000 units (fewer if the larger body would pass 4 million characters, within the 10 MB
    // limit even at two bytes each), and more until the smaller body takes 10 ms, so that timer
    // noise is small beside it and both sizes already keep the garbage collector busy (a small body
    // that fits in its young generation runs at a speed no larger body can).
    let n = 10_000;
    while (make(16 * n).length >= 4e6) n /= 2;
    best(make(n), 3); // warm up
    while (best(make(n), 3) < 10 && make(32 * n).length < 4e6) n *= 2;
    const small = make(n);
    const large = make(16 * n);
    expect(large.length / small.length).toBeGreaterThan(14);
    expect(Buffer.byteLength(large, 'utf8')).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Best of three runs of the larger body, stopping at the first under the bound: the verdict is
    // the one all three would give, at a third of the cost when the reader is linear.
    const fastestSmall = best(small, 7);
    let ratio = Infinity;
    for (let run = 0; run < 3 && !(ratio < 128); run += 1) ratio = Math.min(ratio, best(large, 1) / fastestSmall);
    expect(ratio).toBeLessThan(128);
  });
});
