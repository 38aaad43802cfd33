import zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { asList, readBoolean, readChoice, readNumber, readText } from '../../src/common/input';
import { thrown } from '../support/zapier-error';

const z = { errors: zapier.errors } as unknown as ZObject;

/** The message a reader throws, as the user sees it. */
const messageOf = (read: () => unknown): string => thrown(read).message;

describe('readText and asList', () => {
  it('trims, and reads null and undefined as empty', () => {
    expect(readText('  a b ')).toBe('a b');
    expect(readText(null)).toBe('');
    expect(readText(undefined)).toBe('');
    expect(readText(12)).toBe('12');
  });

  it('turns one value or line items into a list', () => {
    expect(asList(undefined)).toEqual([]);
    expect(asList('a')).toEqual(['a']);
    expect(asList(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('readBoolean', () => {
  it.each([
    [true, true],
    ['true', true],
    ['Yes', true],
    ['1', true],
    ['да', true],
    [false, false],
    ['no', false],
    ['0', false],
    ['Нет', false],
    ['YES', true],
    ['False', false],
    ['ДА', true],
    ['có', true],
    ['CÓ', true],
    ['co\u0301', true], // "có" written with a combining accent
    ['không', false],
    ['KHÔNG', false],
  ])('reads %p as %p', (value, expected) => expect(readBoolean(z, 'Test Mode', value)).toBe(expected));

  it('reads an empty field as not given', () => {
    expect(readBoolean(z, 'Test Mode', '')).toBeUndefined();
    expect(readBoolean(z, 'Test Mode', undefined)).toBeUndefined();
  });

  it('refuses anything else, naming the field', () => {
    expect(messageOf(() => readBoolean(z, 'Test Mode', 'maybe'))).toBe(
      'Test Mode: expected yes or no (also true/false, 1/0, да/нет, có/không, in any case) (got "maybe").',
    );
  });
});

describe('readNumber', () => {
  it('reads numbers written the way shops write money', () => {
    expect(readNumber(z, 'Order Cost', '1 790 000')).toBe(1790000);
    expect(readNumber(z, 'Order Cost', '123,45')).toBe(123.45);
    expect(readNumber(z, 'Order Cost', '1\u00a0000.5')).toBe(1000.5);
    expect(readNumber(z, 'Order Cost', 7)).toBe(7);
    expect(readNumber(z, 'Order Cost', '')).toBeUndefined();
  });

  it('refuses text, negative numbers unless allowed, and fractions for whole-number fields', () => {
    expect(messageOf(() => readNumber(z, 'Order Cost', 'ten'))).toBe(
      'Order Cost: expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "ten").',
    );
    expect(messageOf(() => readNumber(z, 'Order Cost', '-5'))).toBe(
      'Order Cost: expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "-5").',
    );
    expect(readNumber(z, 'Offset', '-5', { negative: true })).toBe(-5);
    expect(messageOf(() => readNumber(z, 'Campaign', '1.5', { integer: true }))).toBe(
      'Campaign: expected a whole number such as 12 or 1 200 (got "1.5").',
    );
    expect(messageOf(() => readNumber(z, 'Campaign', 2.5, { integer: true }))).toBe(
      'Campaign: expected a whole number such as 12 or 1 200 (got "2.5").',
    );
    expect(() => readNumber(z, 'Order Cost', Number.POSITIVE_INFINITY)).toThrow();
    expect(() => readNumber(z, 'Order Cost', '1e999')).toThrow();
  });

  it.each([
    ['1200.50', 1200.5],
    ['1200,50', 1200.5],
    ['1 200,50', 1200.5],
    ['1\u00a0200,50', 1200.5],
    ['1\u202f200,50', 1200.5],
    ['1 200.50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.200,50', 1200.5],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['0,4', 0.4],
    ['0,400', 0.4],
    ['1,5', 1.5],
    ['1234,567', 1234.567],
    ['12', 12],
  ])('reads %j as %p', (typed, expected) => expect(readNumber(z, 'Amount', typed)).toBe(expected));

  it.each([
    '1,200',
    '1.200',
    '12,345',
    '999.000',
    '1,2,3',
    '1.200.50',
    '1,200,50',
    '12 00',
    '1 2000',
    '1 200,5,0',
    '₽100',
    '0x10',
    '',
  ])('refuses %j, which is ambiguous or not a number, showing the accepted forms', (typed) => {
    if (typed === '') return expect(readNumber(z, 'Amount', typed)).toBeUndefined();
    expect(messageOf(() => readNumber(z, 'Amount', typed))).toBe(
      `Amount: expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "${typed}").`,
    );
  });

  it('reads whole numbers with thousands spaces, and refuses fractions and text in whole-number fields', () => {
    expect(readNumber(z, 'Quantity', '1 200', { integer: true })).toBe(1200);
    expect(readNumber(z, 'Quantity', '12', { integer: true })).toBe(12);
    for (const typed of ['2,5', '2.5', 'two', '1,200']) {
      expect(messageOf(() => readNumber(z, 'Quantity', typed, { integer: true }))).toBe(
        `Quantity: expected a whole number such as 12 or 1 200 (got "${typed}").`,
      );
    }
  });
});

describe('readChoice', () => {
  const choices = [
    { value: 'paid', label: 'Paid' },
    { value: 'return', label: 'Returned by the Buyer' },
  ] as const;

  it('returns the choice by its value, or by value or label in any case', () => {
    expect(readChoice(z, 'New Status', 'paid', choices)).toBe('paid');
    expect(readChoice(z, 'New Status', ' PAID ', choices)).toBe('paid');
    expect(readChoice(z, 'New Status', 'returned by the buyer', choices)).toBe('return');
    expect(readChoice(z, 'New Status', '', choices)).toBeUndefined();
  });

  it('reads ё as е, extra spaces as one, and aliases such as a Russian name, in any case', () => {
    const payments = [
      { value: '1', label: 'Cash on Delivery (Наложенный платеж)', aliases: ['Наложенный платеж'] },
      { value: '2', label: 'Prepaid', aliases: ['Оплачен'] },
    ];
    expect(readChoice(z, 'Payment Type', 'Наложенный платёж', payments)).toBe('1');
    expect(readChoice(z, 'Payment Type', 'НАЛОЖЕННЫЙ  ПЛАТЁЖ', payments)).toBe('1');
    expect(readChoice(z, 'Payment Type', 'cash on delivery (наложенный платёж)', payments)).toBe('1');
    expect(readChoice(z, 'Payment Type', 'оплачен', payments)).toBe('2');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'sent'])(
    'refuses %s like any unknown value',
    (value) => {
      expect(messageOf(() => readChoice(z, 'New Status', value, choices))).toBe(
        `New Status: expected one of paid (Paid), return (Returned by the Buyer) (got "${value}").`,
      );
    },
  );
});
