import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as typedPerform } from '../../src/justclick/create-order';
import { createOrderSample } from '../../src/justclick/samples';
import { performProducts } from '../../src/justclick/products';
import { caught } from '../support/zapier-error';
import { JUSTCLICK, authData, body, loose, signed } from './support';

const perform = loose(typedPerform);

const appTester = createAppTester(App);

describe('Create Order', () => {
  it('sends goods as goods[n][good_name]/[good_sum], the bill fields and utm[...] exactly as PHP encodes them (the sample)', async () => {
    const query =
      'goods%5B0%5D%5Bgood_name%5D=course-basic&goods%5B0%5D%5Bgood_sum%5D=2490' +
      '&bill_email=anna%40example.com&bill_created=1716195600';
    const scope = nock(JUSTCLICK)
      .post('/api/CreateOrder', body(query))
      .reply(200, signed(0, 'OK', { bill_id: 100006 }));

    const result = await appTester(perform, {
      authData,
      inputData: {
        goods: [{ good_name: 'course-basic', good_sum: '2 490' }],
        email: 'anna@example.com',
        order_date: '2024-05-20T12:00:00+03:00',
      },
    });

    expect(result).toEqual(createOrderSample);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['02.05.2024 10:00', 1714633200], // day first, Moscow time: 2 May 2024 07:00 UTC
    ['2.5.2024', 1714597200], // midnight in Moscow
    ['2024-05-02T10:00:00+03:00', 1714633200],
  ])('reads the Order Date %s as the user means it (bill_created %d)', async (orderDate, unix) => {
    const query = `goods%5B0%5D%5Bgood_name%5D=course-basic&bill_email=anna%40example.com&bill_created=${unix}`;
    const scope = nock(JUSTCLICK)
      .post('/api/CreateOrder', body(query))
      .reply(200, signed(0, 'OK', { bill_id: 100006 }));
    await appTester(perform, {
      authData,
      inputData: { goods: [{ good_name: 'course-basic' }], email: 'anna@example.com', order_date: orderDate },
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each(['2024-02-30', '31.04.2024 10:00'])(
    'refuses the impossible Order Date %s before any request',
    async (orderDate) => {
      const error = await caught(
        appTester(perform, {
          authData,
          inputData: { goods: [{ good_name: 'a' }], email: 'a@b.ru', order_date: orderDate },
        }),
      );
      expect(error.message).toBe(
        `Order Date: expected a date and time that exist in the calendar (no 30 February or 31 April, hours 00 to 23) (got "${orderDate}").`,
      );
    },
  );

  it('sends every field in the order of the documentation, and a product without a price takes the shop price', async () => {
    const query = [
      'goods%5B0%5D%5Bgood_name%5D=course-basic',
      'goods%5B0%5D%5Bgood_sum%5D=1990.5',
      'goods%5B1%5D%5Bgood_name%5D=book+%22PHP%21%22',
      'bill_first_name=%D0%90%D0%BD%D0%BD%D0%B0',
      'bill_surname=Petrova',
      'bill_otchestvo=S.',
      'bill_email=anna%2Btest%40example.com',
      'bill_phone=%2B7+903+111-22-33',
      'bill_country=RU',
      'bill_region=Moscow',
      'bill_city=Moscow',
      'bill_address=Tverskaya+1%2C+5',
      'bill_postal_code=125009',
      'bill_kupon=SPRING10',
      'bill_tag=zapier',
      'bill_comment=call+%28after+6%29%2A%7E%27',
      'utm%5Butm_source%5D=newsletter',
      'utm%5Butm_medium%5D=email',
      'utm%5Butm_campaign%5D=spring',
      'utm%5Butm_content%5D=button',
      'utm%5Butm_term%5D=%D0%BA%D1%83%D1%80%D1%81',
    ].join('&');
    const scope = nock(JUSTCLICK)
      .post('/api/CreateOrder', body(query))
      .reply(200, signed(0, 'ok', { bill_id: '100007' }));

    const result = await appTester(perform, {
      authData,
      inputData: {
        goods: [{ good_name: 'course-basic', good_sum: '1990,5' }, { good_name: 'book "PHP!"' }],
        email: ' anna+test@example.com ',
        first_name: 'Анна',
        last_name: 'Petrova',
        middle_name: 'S.',
        phone: '+7 903 111-22-33',
        country: 'RU',
        region: 'Moscow',
        city: 'Moscow',
        address: 'Tverskaya 1, 5',
        postal_code: '125009',
        coupon: 'SPRING10',
        tag: 'zapier',
        comment: "call (after 6)*~'",
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'spring',
        utm_content: 'button',
        utm_term: 'курс',
      },
    });

    expect(result).toMatchObject({
      bill_id: '100007',
      already_existed: false,
      goods: [
        { good_name: 'course-basic', good_sum: 1990.5 },
        { good_name: 'book "PHP!"', good_sum: null },
      ],
      order_date: null,
      justclick_error_text: 'ok',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a duplicate (601 with the existing bill_id) returns the existing order and says so, with one request only', async () => {
    const scope = nock(JUSTCLICK)
      .post('/api/CreateOrder')
      .once()
      .reply(200, signed(601, 'Такой заказ уже существует', { bill_id: '100006' }));

    const result = await appTester(perform, {
      authData,
      inputData: { goods: [{ good_name: 'course-basic' }], email: 'anna@example.com' },
    });

    expect(result).toMatchObject({
      bill_id: '100006',
      already_existed: true,
      result_info: 'JustClick already had this order as number 100006; no second order was created.',
      justclick_error_code: 601,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a 601 without the existing number is an unreadable answer, not a success', async () => {
    nock(JUSTCLICK).post('/api/CreateOrder').reply(200, signed(601, 'exists'));
    const error = await caught(
      appTester(perform, { authData, inputData: { goods: { good_name: 'x' }, email: 'a@b.ru' } }),
    );
    expect(error.code).toBe('JustClickBadAnswer');
  });

  it('a forged 601 is not taken as "already exists"', async () => {
    nock(JUSTCLICK)
      .post('/api/CreateOrder')
      .reply(200, signed(601, 'exists', { bill_id: '1' }, 'forged'));
    expect(
      (await caught(appTester(perform, { authData, inputData: { goods: [{ good_name: 'x' }], email: 'a@b.ru' } })))
        .code,
    ).toBe('JustClickUntrustedAnswer');
  });

  it.each([
    [
      604,
      'Нет продукта',
      'JustClick refused the request: error 604 "Нет продукта" (the shop has no product with this ID).',
    ],
    [
      600,
      'Неверный email',
      'JustClick refused the request: error 600 "Неверный email" (the buyer\'s e-mail address is not valid).',
    ],
    [
      605,
      'Нет адреса',
      'JustClick refused the request: error 605 "Нет адреса" (the product needs delivery data (an address or a name) that the order lacks).',
    ],
  ])('explains error %i', async (code, text, message) => {
    nock(JUSTCLICK).post('/api/CreateOrder').reply(200, signed(code, text));
    expect(
      (await caught(appTester(perform, { authData, inputData: { goods: [{ good_name: 'x' }], email: 'a@b.ru' } })))
        .message,
    ).toBe(message);
  });

  it('does not send CreateOrder twice after a 5xx, because the order may exist', async () => {
    const scope = nock(JUSTCLICK).post('/api/CreateOrder').once().reply(503, 'busy');
    const error = await caught(
      appTester(perform, { authData, inputData: { goods: [{ good_name: 'x' }], email: 'a@b.ru' } }),
    );
    expect(error.code).toBe('JustClickServerError');
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [{ email: 'a@b.ru' }, 'Products: expected at least one product.'],
    [{ goods: [{ good_name: ' ' }], email: 'a@b.ru' }, 'Product: expected the ID of a product in your JustClick shop.'],
    [
      { goods: [{ good_name: 'a' }, { good_name: 'b', good_sum: 'free' }], email: 'a@b.ru' },
      'Price (line 2): expected a number such as 1200.50, 1200,50, 1 200,50, 1,200.50 or 1.200,50 (1,200 and 1.200 are refused as ambiguous: write 1200 or 1.2) (got "free").',
    ],
    [
      { goods: [{ good_name: 'a' }], email: 'Анна Петрова' },
      'Buyer Email: expected an e-mail address such as anna@example.com (got "Анна Петрова").',
    ],
    [
      { goods: [{ good_name: 'a' }], email: 'a@b.ru', order_date: 'soon' },
      'Order Date: expected a date such as 02.05.2024 10:00 (day first, Moscow time), 2024-05-02T10:00:00+03:00 or a Unix timestamp such as 1714633200 (got "soon").',
    ],
  ])('refuses %j before any request', async (inputData, message) => {
    expect(await caught(appTester(perform, { authData, inputData }))).toMatchObject({ message, code: 'InvalidInput' });
  });
});

describe('Products dropdown (GetAllGoods)', () => {
  it('lists the products with their ID as the value CreateOrder takes', async () => {
    nock(JUSTCLICK)
      .post('/api/GetAllGoods', body(''))
      .reply(
        200,
        signed(0, 'OK', [
          {
            good_id: '12549',
            good_name: 'course-basic',
            good_title: 'Базовый курс',
            good_type: '0',
            good_sum: '2990.00',
          },
          { good_id: 12550, good_name: 'book', good_title: '', good_sum: 500 },
        ]),
      );
    await expect(appTester(performProducts, { authData, inputData: {} })).resolves.toEqual([
      {
        id: 'course-basic',
        name: 'Базовый курс (course-basic)',
        good_id: '12549',
        good_title: 'Базовый курс',
        price: 2990,
      },
      { id: 'book', name: 'book', good_id: '12550', good_title: null, price: 500 },
    ]);
  });

  it('a shop without products (700) is an empty list', async () => {
    nock(JUSTCLICK).post('/api/GetAllGoods').reply(200, signed(700, 'Нет продуктов'));
    await expect(appTester(performProducts, { authData, inputData: {} })).resolves.toEqual([]);
  });

  it('refuses a product without an ID', async () => {
    nock(JUSTCLICK)
      .post('/api/GetAllGoods')
      .reply(200, signed(0, 'OK', [{ good_title: 'x' }]));
    expect((await caught(appTester(performProducts, { authData, inputData: {} }))).code).toBe('JustClickBadAnswer');
  });
});
